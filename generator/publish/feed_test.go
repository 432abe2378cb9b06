package publish

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/i18n"
	"github.com/scholia/scholia/generator/page"
	"github.com/scholia/scholia/templates"
)

// testSite is a site with the default scales under base.
func testSite(t *testing.T, base string) *page.Site {
	t.Helper()
	cfg := config.Default()
	cfg.Title, cfg.Description = "Review desk", "Claims, checked."
	var err error
	if cfg.BaseURL, err = config.NormalizeBaseURL(base); err != nil {
		t.Fatal(err)
	}
	return page.NewSite(cfg, nil)
}

// The feed as a reader parses it, independently of the types that write it.
type parsedFeed struct {
	XMLName  xml.Name      `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string        `xml:"lang,attr"`
	Title    string        `xml:"title"`
	Subtitle string        `xml:"subtitle"`
	ID       string        `xml:"id"`
	Links    []parsedLink  `xml:"link"`
	Updated  string        `xml:"updated"`
	Author   string        `xml:"author>name"`
	Entries  []parsedEntry `xml:"entry"`
}

type parsedLink struct {
	Rel  string `xml:"rel,attr"`
	Href string `xml:"href,attr"`
}

type parsedEntry struct {
	Title      string       `xml:"title"`
	Links      []parsedLink `xml:"link"`
	ID         string       `xml:"id"`
	Published  string       `xml:"published"`
	Updated    string       `xml:"updated"`
	Author     string       `xml:"author>name"`
	Categories []struct {
		Term string `xml:"term,attr"`
	} `xml:"category"`
	Summary string `xml:"summary"`
}

// fixedNow dates a feed with no dated entries.
var fixedNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func day(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }

// feedEntries are two articles, newest first, as the lists give them.
func feedEntries(s *page.Site) []*page.Summary {
	low, unsupported, misleading := page.GradeOf(s.Article, "low"), page.GradeOf(s.Claim, "unsupported"), page.GradeOf(s.Claim, "misleading")
	return []*page.Summary{
		{
			Title: "Guns & Russia", URL: s.URL("articles/guns/"), Permalink: s.Permalink("articles/guns/"),
			Description: "Two groups' account.", Author: "A. Reviewer",
			Date: day(20), Lastmod: day(22), Tags: []string{"russia", "afghanistan"},
			Review: &low, Claims: 10, Counts: []page.Count{{Grade: unsupported, N: 7}, {Grade: misleading, N: 3}},
		},
		// No Permalink, author, review or tags: the feed falls back.
		{Title: "Moon", URL: s.URL("articles/moon/"), Date: day(1), Claims: 1, Counts: []page.Count{{Grade: misleading, N: 1}}},
	}
}

func TestAtomFeed(t *testing.T) {
	tests := []struct {
		name, base, publisher, root string
		ids                         [3]string // the feed's, then its entries'
	}{
		{name: "absolute base_url", base: "https://example.github.io/proj/", root: "https://example.github.io/proj/",
			ids: [3]string{"https://example.github.io/proj/", "https://example.github.io/proj/articles/guns/", "https://example.github.io/proj/articles/moon/"}},
		// Without a host, links are path-absolute and ids tag: URIs
		// named after the site, dated by the oldest article and each
		// entry's own date (see tagid.go).
		{name: "path-only base_url", base: "/proj/", root: "/proj/",
			ids: [3]string{"tag:review-desk,2026-11-01:/proj/", "tag:review-desk,2026-11-20:/proj/articles/guns/", "tag:review-desk,2026-11-01:/proj/articles/moon/"}},
		{name: "path-only base_url, publisher with a host", base: "/proj/", publisher: "https://Desk.Example.org/about", root: "/proj/",
			ids: [3]string{"tag:desk.example.org,2026-11-01:/proj/", "tag:desk.example.org,2026-11-20:/proj/articles/guns/", "tag:desk.example.org,2026-11-01:/proj/articles/moon/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testSite(t, tt.base)
			s.Publisher.URL = tt.publisher
			got := parseFeed(t, s, feedEntries(s), fixedNow)
			want := parsedFeed{
				XMLName: xml.Name{Space: atomNS, Local: "feed"},
				Lang:    "en", Title: "Review desk", Subtitle: "Claims, checked.",
				ID: tt.ids[0],
				Links: []parsedLink{
					{Rel: "self", Href: tt.root + "feed.xml"},
					{Rel: "alternate", Href: tt.root},
				},
				Updated: "2026-11-22T00:00:00Z",
				Author:  "Review desk",
				Entries: []parsedEntry{
					{
						Title: "Guns & Russia",
						Links: []parsedLink{{Rel: "alternate", Href: tt.root + "articles/guns/"}},
						ID:    tt.ids[1], Published: "2026-11-20T00:00:00Z", Updated: "2026-11-22T00:00:00Z",
						Author: "A. Reviewer",
						Categories: []struct {
							Term string `xml:"term,attr"`
						}{{"russia"}, {"afghanistan"}},
						Summary: "Our review: Low credibility. 10 claims reviewed: 7 Unsupported, 3 Misleading. Two groups' account.",
					},
					{
						Title: "Moon",
						Links: []parsedLink{{Rel: "alternate", Href: tt.root + "articles/moon/"}},
						ID:    tt.ids[2], Published: "2026-11-01T00:00:00Z", Updated: "2026-11-01T00:00:00Z",
						Author:  "Review desk",
						Summary: "1 claim reviewed: 1 Misleading.",
					},
				},
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("feed (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAtomFeedLimits(t *testing.T) {
	s := testSite(t, "https://example.org/")
	var many []*page.Summary
	for i := range 25 {
		many = append(many, &page.Summary{Title: fmt.Sprint("Article ", i), URL: s.URL(fmt.Sprintf("a/%d/", i)), Date: day(25 - i)})
	}
	tests := []struct {
		name        string
		entries     []*page.Summary
		wantEntries int
		wantUpdated string
	}{
		{name: "at most 20 entries, newest first", entries: many, wantEntries: 20, wantUpdated: "2026-11-25T00:00:00Z"},
		{name: "no entries: dated now", entries: nil, wantEntries: 0, wantUpdated: "2026-11-25T12:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseFeed(t, s, tt.entries, fixedNow)
			if len(got.Entries) != tt.wantEntries || got.Updated != tt.wantUpdated {
				t.Errorf("%d entries, updated %s; want %d, %s", len(got.Entries), got.Updated, tt.wantEntries, tt.wantUpdated)
			}
			if len(got.Entries) > 0 && got.Entries[0].ID != "https://example.org/a/0/" {
				t.Errorf("first entry %s, want the newest", got.Entries[0].ID)
			}
		})
	}
}

func parseFeed(t *testing.T, s *page.Site, entries []*page.Summary, now time.Time) parsedFeed {
	t.Helper()
	b, err := Feed(s, entries, now, catalog(t, s.Language))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), xml.Header) {
		t.Errorf("no XML declaration:\n%s", b)
	}
	var f parsedFeed
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	return f
}

// catalog is the theme's strings in lang.
func catalog(t *testing.T, lang string) *i18n.Catalog {
	t.Helper()
	cat, err := i18n.Load(templates.FS, nil, lang)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// TestFeedLanguage writes the summary in the site's language.
func TestFeedLanguage(t *testing.T) {
	s := page.NewSite(&config.Config{Title: "T", BaseURL: "https://example.org/", Language: "fr"}, nil)
	one := 1
	got := parseFeed(t, s, []*page.Summary{{Title: "A", URL: "/a/", Date: fixedNow, Claims: 2,
		Review: &page.Grade{Label: "Faible crédibilité", Value: &one}}}, fixedNow)
	if want := "Notre verdict"; !strings.Contains(got.Entries[0].Summary, want) || !strings.Contains(got.Entries[0].Summary, "2 affirmations") {
		t.Errorf("summary %q, want it in French", got.Entries[0].Summary)
	}
}
