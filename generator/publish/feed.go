package publish

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/page"
)

// The Atom feed, feed.xml (DESIGN section 6; RFC 4287).
//
// Atom wants absolute IRIs for ids and links. They are absolute when
// base_url is (as in the GitHub Pages workflow); with a path-only base_url
// ("/" or "/proj/") there is no host to name, so links are path-absolute
// ("/proj/articles/x/"), which feed readers resolve against the feed's own
// URL, and ids are tag: URIs (tagid.go), stable as long as the path is.

const (
	atomNS = "http://www.w3.org/2005/Atom"
	// FeedSize is how many articles the feed holds, newest first.
	FeedSize = 20
)

type atomDoc struct {
	XMLName   xml.Name      `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string        `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	Title     string        `xml:"title"`
	Subtitle  string        `xml:"subtitle,omitempty"`
	ID        string        `xml:"id"`
	Links     []atomLink    `xml:"link"`
	Updated   string        `xml:"updated"`
	Author    atomPerson    `xml:"author"`
	Generator atomGenerator `xml:"generator"`
	Entries   []atomEntry   `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomGenerator struct {
	Name string `xml:",chardata"`
}

type atomEntry struct {
	Title      string         `xml:"title"`
	Links      []atomLink     `xml:"link"`
	ID         string         `xml:"id"`
	Published  string         `xml:"published,omitempty"`
	Updated    string         `xml:"updated"`
	Author     atomPerson     `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Summary    *atomText      `xml:"summary"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// Words are the theme's strings in the site's language (an
// *i18n.Catalog): the feed says what the page says.
type Words interface {
	String(key string, args ...any) (string, error)
}

// Feed returns feed.xml: the newest FeedSize of entries, which come
// sorted newest first. now dates a feed with no entries, which Atom still
// requires to have an updated date. The entries' summaries are in words.
func Feed(s *page.Site, entries []*page.Summary, now time.Time, words Words) ([]byte, error) {
	var oldest time.Time
	if len(entries) > 0 {
		oldest = entries[len(entries)-1].Date
	}
	tags := newTagIDs(s, oldest)
	entries = entries[:min(len(entries), FeedSize)]
	publisher := atomPerson{Name: s.Publisher.Name, URI: s.Publisher.URL}
	if publisher.Name == "" {
		publisher.Name = s.Title
	}
	f := atomDoc{
		Lang:     s.Language,
		Title:    s.Title,
		Subtitle: s.Description,
		ID:       s.Permalink(""),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: s.Permalink("feed.xml")},
			{Rel: "alternate", Type: "text/html", Href: s.Permalink("")},
		},
		Author:    publisher,
		Generator: atomGenerator{Name: "Scholia"},
	}
	if !s.Absolute() {
		f.ID = tags.feed(s)
	}
	var newest time.Time
	for _, e := range entries {
		link := summaryPermalink(s, e)
		updated := e.Lastmod
		if updated.IsZero() || updated.Before(e.Date) {
			updated = e.Date
		}
		if updated.IsZero() {
			updated = now
		}
		if updated.After(newest) {
			newest = updated
		}
		ae := atomEntry{
			Title:   e.Title,
			Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: link}},
			ID:      link,
			Updated: atomDate(updated),
			Author:  atomPerson{Name: e.Author},
		}
		if !s.Absolute() {
			ae.ID = tags.entry(link, e.Date)
		}
		sum, err := feedSummary(e, words)
		if err != nil {
			return nil, err
		}
		if sum != "" {
			ae.Summary = &atomText{Type: "text", Text: sum}
		}
		if ae.Author.Name == "" {
			ae.Author = publisher
		}
		if !e.Date.IsZero() {
			ae.Published = atomDate(e.Date)
		}
		for _, tag := range e.Tags {
			ae.Categories = append(ae.Categories, atomCategory{Term: tag})
		}
		f.Entries = append(f.Entries, ae)
	}
	if newest.IsZero() {
		newest = now
	}
	f.Updated = atomDate(newest)
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// summaryPermalink is an entry's full URL, or its path-absolute URL when
// base_url has no host.
func summaryPermalink(s *page.Site, e *page.Summary) string {
	if e.Permalink != "" {
		return e.Permalink
	}
	if !s.Absolute() {
		return e.URL
	}
	// e.URL is encoded already: it must not go through Permalink again.
	return s.BaseURL + strings.TrimPrefix(e.URL, s.BasePath())
}

// feedSummary puts the review's verdict before the description, so a feed
// reader shows it without opening the page: "Our review: Low credibility.
// 15 claims reviewed: 7 Unsupported, 3 Misleading. DESCRIPTION" (the
// words are the feed_review, feed_claims, feed_counts and list_comma
// strings).
func feedSummary(e *page.Summary, w Words) (string, error) {
	var parts []string
	if e.Review != nil {
		s, err := w.String("feed_review", "grade", e.Review.Label)
		if err != nil {
			return "", err
		}
		parts = append(parts, s)
	}
	if e.Claims > 0 {
		s, err := w.String("feed_claims", "n", e.Claims)
		if err != nil {
			return "", err
		}
		comma, err := w.String("list_comma")
		if err != nil {
			return "", err
		}
		var counts []string
		for _, c := range e.Counts {
			counts = append(counts, fmt.Sprintf("%d %s", c.N, c.Grade.Label))
		}
		if len(counts) > 0 {
			if s, err = w.String("feed_counts", "claims", s, "counts", strings.Join(counts, comma)); err != nil {
				return "", err
			}
		}
		parts = append(parts, s)
	}
	if d := strings.TrimSpace(e.Description); d != "" {
		parts = append(parts, d)
	}
	return strings.Join(parts, " "), nil
}

// atomDate is an RFC 3339 date-time in UTC, as Atom requires.
func atomDate(t time.Time) string { return t.UTC().Format(time.RFC3339) }
