package theme

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/scholia/scholia/generator/i18n"
	"github.com/scholia/scholia/generator/page"
	"github.com/scholia/scholia/templates"
)

func load(t *testing.T, fsys fstest.MapFS, lang string) *Theme {
	t.Helper()
	cat, err := i18n.Load(templates.FS, fsys, lang)
	if err != nil {
		t.Fatal(err)
	}
	th, err := Load(fsys, nil, cat)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// TestNotes executes the default theme's notes of a claim: a reference
// that shows the number and glyph and says the grade, a margin note of
// phrasing content only, and a disclosure that starts with its summary.
func TestNotes(t *testing.T) {
	th := load(t, fstest.MapFS{}, "en")
	c := &page.Claim{
		ID: "c", N: 3, Claim: "<b>claim</b>",
		Grade:   page.Grade{ID: "mixed", Label: "Mixed <x>", Tone: "mid", Glyph: "±"},
		Note:    template.HTML("<p>One.</p>\n<ul>\n<li>two</li>\n</ul>\n"),
		Sources: []page.Source{{Title: "T", URL: "https://example.org/", Publisher: "P"}},
	}
	ns, err := th.Notes(c)
	if err != nil {
		t.Fatal(err)
	}
	ref, margin, disc := string(ns.Ref), string(ns.Margin), string(ns.Disclosure)
	for _, want := range []string{`<span class="ref-n">3</span>`, `aria-hidden="true">±</span>`, `Mixed &lt;x&gt;`} {
		if !strings.Contains(ref, want) {
			t.Errorf("reference %s lacks %s", ref, want)
		}
	}
	for _, bad := range []string{"<p", "<ul", "<li", "<div", "<h"} {
		if strings.Contains(margin, bad) {
			t.Errorf("margin note holds %s, not phrasing content:\n%s", bad, margin)
		}
	}
	if !strings.Contains(margin, `<cite><a href="https://example.org/" rel="nofollow">T</a></cite>`) {
		t.Errorf("margin note lacks its source:\n%s", margin)
	}
	if !strings.HasPrefix(disc, "<summary>") || !strings.Contains(disc, "<p>One.</p>") {
		t.Errorf("disclosure does not start with its summary or lacks the note:\n%s", disc)
	}
}

// TestSumFollowsStrings: a changed translation changes the theme's Sum, so
// the build cache renders pages again.
func TestSumFollowsStrings(t *testing.T) {
	a := load(t, fstest.MapFS{}, "en")
	b := load(t, fstest.MapFS{"templates/i18n/en.yaml": {Data: []byte("strings:\n  skip_link: Skip\n")}}, "en")
	c := load(t, fstest.MapFS{}, "fr")
	if a.Sum == b.Sum || a.Sum == c.Sum {
		t.Error("the theme's Sum does not follow its strings")
	}
}
