package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readerWidgets is raw HTML appended to the test article (the site allows
// it) so that the reader has a <details> to open and an input to type in.
const readerWidgets = `
<details id="t-details"><summary>Test details</summary>

Text the reader opened.

</details>

<p><input id="t-input" aria-label="Test input" value="keep my selection"></p>
`

// withReaderWidgets lets the example site at dir keep raw HTML and adds
// readerWidgets to its article.
func withReaderWidgets(t testing.TB, dir, article string) {
	t.Helper()
	editFile(t, dir, "site.yaml", func(s string) string { return s + "unsafe_html: true\n" })
	editFile(t, dir, article, func(s string) string { return s + readerWidgets })
}

// readerState is what a morph must keep of the page and the reader's
// place in it.
type readerState struct {
	Marker  string  `json:"marker"`
	Morphs  string  `json:"morphs"`
	ScrollY float64 `json:"scrollY"`
	Open    bool    `json:"open"`
	Focused string  `json:"focused"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
}

const readerStateJS = `(() => {
  const input = document.getElementById("t-input");
  return {marker: String(window.__scholiaTest), morphs: String(document.documentElement.dataset.scholiaMorphs),
    scrollY: window.scrollY, open: !!document.getElementById("t-details")?.open,
    focused: document.activeElement?.id || "", start: input?.selectionStart ?? -1, end: input?.selectionEnd ?? -1};
})()`

// settleReader puts the reader somewhere a reload would lose: scrolled,
// with the details open and text selected in the focused input, and marks
// the window.
func settleReader(b *tab) {
	b.t.Helper()
	b.run(evalVoid(`(() => {
  document.getElementById("t-details").open = true;
  const input = document.getElementById("t-input");
  input.focus({preventScroll: true});
  input.setSelectionRange(2, 7);
  window.scrollTo(0, 300);
  window.__scholiaTest = "same page";
})()`))
}

// checkMorphed checks that the page changed in place, keeping what
// settleReader set up.
func checkMorphed(b *tab, what string) {
	b.t.Helper()
	s := eval[readerState](b, readerStateJS)
	if s.Marker != "same page" || s.Morphs == "undefined" {
		b.t.Errorf("%s: the page reloaded (window state %q, morphs %s), want a morph", what, s.Marker, s.Morphs)
	}
	if s.ScrollY < 295 || s.ScrollY > 305 {
		b.t.Errorf("%s: scrolled to %v, want 300 as before", what, s.ScrollY)
	}
	if !s.Open {
		b.t.Errorf("%s: the <details> the reader opened is closed", what)
	}
	if s.Focused != "t-input" || s.Start != 2 || s.End != 7 {
		b.t.Errorf("%s: focus on %q with selection %d-%d, want t-input with 2-7", what, s.Focused, s.Start, s.End)
	}
}

// checkReloaded checks that the page loaded afresh and kept its scroll
// position.
func checkReloaded(b *tab, what string) {
	b.t.Helper()
	b.wait(what+": the reloaded page", `window.__scholiaTest === undefined && document.readyState === "complete" && window.__scholiaLive === "connected"`)
	if s := eval[readerState](b, readerStateJS); s.ScrollY < 250 || s.ScrollY > 350 {
		b.t.Errorf("%s: scroll position after the reload: %v, want about 300", what, s.ScrollY)
	}
}

// morphSteps edits the note and claim of a sidecar, the article and the
// body of a template, which the page morphs in, then changes the head in
// ways only a reload applies: a script added, a stylesheet link changed.
// It leaves the site's templates as they were.
func morphSteps(b *tab, dir, article, sidecar string) {
	t := b.t
	t.Helper()
	settleReader(b)
	editFile(t, dir, sidecar, func(s string) string {
		s = strings.Replace(s, "The article restates this later", "The edited note restates this later", 1)
		return strings.Replace(s, "claim: Russia has denied supporting the Taliban", "claim: Russia has denied arming the Taliban", 1)
	})
	b.wait("the new note", `document.body.textContent.includes("The edited note restates this later")`)
	checkMorphed(b, "a note edited")
	if !eval[bool](b, `[...document.head.querySelectorAll('script[type="application/ld+json"]')].some(s => s.textContent.includes("Russia has denied arming the Taliban"))`) {
		t.Error("the page's JSON-LD still has the old claim")
	}

	editFile(t, dir, article, func(s string) string { return s + "\nA freshly edited closing paragraph.\n" })
	b.wait("the new paragraph", `document.body.textContent.includes("A freshly edited closing paragraph.")`)
	checkMorphed(b, "the Markdown edited")

	base, err := os.ReadFile(filepath.Join("..", "..", "templates", "base.html"))
	if err != nil {
		t.Fatal(err)
	}
	override := func(from, to string) {
		t.Helper()
		if !strings.Contains(string(base), from) {
			t.Fatalf("templates/base.html has no %q", from)
		}
		writeFiles(t, dir, map[string]string{"templates/base.html": strings.Replace(string(base), from, to, 1)})
	}
	override(`{{t "footer_built"}}`, `{{t "footer_built"}} In a template override.`)
	b.wait("the new footer", `document.body.textContent.includes("In a template override.")`)
	checkMorphed(b, "a template's body changed")

	override(`{{block "head" .}}`, `<script>window.__scholiaHeadScript = 1</script>{{block "head" .}}`)
	checkReloaded(b, "a script added to the head")
	if !eval[bool](b, `window.__scholiaHeadScript === 1`) {
		t.Error("the script added to the head did not run")
	}

	b.run(evalVoid(`window.scrollTo(0, 300); window.__scholiaTest = "same page"`))
	override(`{{.Site.URL "assets/code.css"}}`, `{{.Site.URL "assets/code.css"}}?v=2`)
	checkReloaded(b, "a stylesheet link changed")

	b.run(evalVoid(`window.scrollTo(0, 300); window.__scholiaTest = "same page"`))
	if err := os.Remove(filepath.Join(dir, "templates", "base.html")); err != nil {
		t.Fatal(err)
	}
	checkReloaded(b, "the override removed")
}
