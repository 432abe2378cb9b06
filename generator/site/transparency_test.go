package site

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/internal/testdoc"
)

// logSidecar reviews the small site's moon article with described
// reviewers, a claim rated by one of them, and a log that re-rated a claim
// twice and the review once, written oldest first.
const logSidecar = `review:
  rating: low
  date: 2026-11-02
  reviewers:
    - {name: Ann Lee, role: Fact-checker, url: "https://desk.example/ann", affiliation: Small desk}
    - Small desk
updates:
  - date: 2026-11-04
    note: Re-rated the claim after the *gazette* replied.
    claim: green-cheese
    from: mixed
  - date: 2026-11-09
    note: Re-rated the claim again.
    claim: green-cheese
    from: misleading
  - date: 2026-11-06
    note: Re-rated the review.
    from: neutral
claims:
  - id: green-cheese
    quote: The moon is made of green cheese
    rating: inaccurate
    rated_by: Ann Lee
`

// TestUpdateLog: the article shows the log newest first in its Updates
// box; a re-rated claim shows its earlier grades crossed out, newest
// first, on the article and its own page, and so does the review; the
// JSON-LD's dateModified and the feed's updated are the log's newest date.
func TestUpdateLog(t *testing.T) {
	tree := readTree(t, build(t, withSidecar(t, logSidecar), Options{BaseURL: "https://small.example/"}))
	page := tree["articles/moon/index.html"]
	box := regexp.MustCompile(`(?s)<section class="review-updates".*?</section>`).FindString(page)
	if box == "" {
		t.Fatal("no review-updates box")
	}
	var dates []string
	entries := regexp.MustCompile(`(?s)<ol>.*</ol>`).FindString(box)
	for _, m := range regexp.MustCompile(`<time datetime="([0-9-]+)"`).FindAllStringSubmatch(entries, -1) {
		dates = append(dates, m[1])
	}
	if diff := cmp.Diff([]string{"2026-11-09", "2026-11-06", "2026-11-04"}, dates); diff != "" {
		t.Errorf("updates, newest first (-want +got):\n%s", diff)
	}
	for _, want := range []string{"<em>gazette</em>", `href="#claim-green-cheese"`, "was Mixed", `3 updates, the latest on <time datetime="2026-11-09">`} {
		if !strings.Contains(box, want) {
			t.Errorf("the box has no %s:\n%s", want, box)
		}
	}
	prev := regexp.MustCompile(`<del class="previous-grade" data-rating="([a-z-]+)">`)
	grades := func(html string) []string {
		var ids []string
		for _, m := range prev.FindAllStringSubmatch(html, -1) {
			ids = append(ids, m[1])
		}
		return ids
	}
	note := regexp.MustCompile(`(?s)<li id="note-green-cheese".*?</li>`).FindString(page)
	if diff := cmp.Diff([]string{"misleading", "mixed"}, grades(note)); diff != "" {
		t.Errorf("previous grades in the note (-want +got):\n%s", diff)
	}
	// The endnote, the margin note and the disclosure each show them.
	if n := strings.Count(page, `<del class="previous-grade" data-rating="mixed">`); n != 3 {
		t.Errorf("the first grade is crossed out %d times on the article, want 3", n)
	}
	review := regexp.MustCompile(`(?s)<section class="review".*?</section>`).FindString(page)
	if diff := cmp.Diff([]string{"neutral"}, grades(review)); diff != "" {
		t.Errorf("previous grades of the review (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"misleading", "mixed"}, grades(tree["articles/moon/claims/green-cheese/index.html"])); diff != "" {
		t.Errorf("previous grades on the claim page (-want +got):\n%s", diff)
	}
	for _, n := range ldGraph(t, page) {
		if n["dateModified"] != "2026-11-09" {
			t.Errorf("%s dateModified = %v, want 2026-11-09", n["@type"], n["dateModified"])
		}
	}
	entry := regexp.MustCompile(`(?s)<entry>.*?/articles/moon/.*?</entry>`).FindString(tree["feed.xml"])
	if !strings.Contains(entry, "<updated>2026-11-09") {
		t.Errorf("the feed's entry is not updated on the log's date:\n%s", entry)
	}
}

// TestReviewers: described reviewers are listed with their role,
// affiliation and link; a claim's rater is named on its note and is the
// author of its review, a Person with an affiliation; a reviewer known
// by name alone is never made a Person.
func TestReviewers(t *testing.T) {
	tree := readTree(t, build(t, withSidecar(t, logSidecar), Options{BaseURL: "https://small.example/"}))
	page := tree["articles/moon/index.html"]
	for _, want := range []string{
		`<ul class="reviewers" aria-label="Reviewers"><li><a href="https://desk.example/ann" rel="nofollow">Ann Lee</a>, Fact-checker, Small desk</li></ul>`,
		"Reviewed by Ann Lee and Small desk",
		`<p class="rated-by">Rated by Ann Lee</p>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the article has no %s", want)
		}
	}
	ann := map[string]any{"@type": "Person", "name": "Ann Lee", "jobTitle": "Fact-checker", "url": "https://desk.example/ann",
		"affiliation": map[string]any{"@type": "Organization", "name": "Small desk"}}
	desk := map[string]any{"@type": "Organization", "name": "Small desk", "url": "https://small.example/"}
	for _, n := range ldGraph(t, page) {
		if diff := cmp.Diff([]any{ann}, n["author"]); diff != "" {
			t.Errorf("%s author (-want +got):\n%s", n["@type"], diff)
		}
		if diff := cmp.Diff(desk, n["publisher"]); diff != "" {
			t.Errorf("%s publisher (-want +got):\n%s", n["@type"], diff)
		}
	}
	plain := strings.Replace(logSidecar, `    - {name: Ann Lee, role: Fact-checker, url: "https://desk.example/ann", affiliation: Small desk}`, "    - Ann Lee", 1)
	for _, n := range ldGraph(t, readTree(t, build(t, withSidecar(t, plain), Options{BaseURL: "https://small.example/"}))["articles/moon/index.html"]) {
		if diff := cmp.Diff(desk, n["author"]); diff != "" {
			t.Errorf("with reviewers by name alone, %s author (-want +got):\n%s", n["@type"], diff)
		}
	}
}

// TestTextChanged: a review whose fingerprint is not the article's text
// makes every build warn, at the fingerprint, and the article and claim
// pages tell readers; a review that reads the text, or one from before
// fingerprints, does neither.
func TestTextChanged(t *testing.T) {
	fsys := withSidecar(t, "review:\n  rating: low\n  date: 2026-11-02\nclaims:\n  - id: green-cheese\n    quote: The moon is made of green cheese\n    rating: inaccurate\n")
	fingerprint := testdoc.Of(t, string(fsys["content/articles/moon.md"].Data)).Fingerprint()
	stale := "sha256:" + strings.Repeat("0", 64)
	for _, tc := range []struct {
		name, text string
		warn       bool
	}{
		{name: "changed", text: stale, warn: true},
		{name: "the text reviewed", text: fingerprint},
		{name: "no fingerprint"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := string(fsys["content/articles/moon.annotations.yaml"].Data)
			if tc.text != "" {
				sc = strings.Replace(sc, "  rating: low\n", "  rating: low\n  text: "+tc.text+"\n", 1)
			}
			site := fstest.MapFS{}
			for k, v := range fsys {
				site[k] = v
			}
			site["content/articles/moon.annotations.yaml"] = &fstest.MapFile{Data: []byte(sc)}
			var warnings []string
			tree := readTree(t, build(t, site, Options{Warn: func(e *diag.Error) {
				if strings.Contains(e.Msg, "changed since") {
					warnings = append(warnings, e.Error())
				}
			}}))
			var want []string
			if tc.warn {
				want = []string{"content/articles/moon.annotations.yaml:3:3: warning: the article changed since it was reviewed on 2026-11-02: check the review against the new text, then run scholia fix, which re-anchors the quotes, records the text reviewed and logs the change"}
			}
			if diff := cmp.Diff(want, warnings); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
			for _, p := range []string{"articles/moon/index.html", "articles/moon/claims/green-cheese/index.html"} {
				if got := strings.Contains(tree[p], `class="text-changed"`); got != tc.warn {
					t.Errorf("%s: text-changed notice %v, want %v", p, got, tc.warn)
				}
			}
		})
	}
}
