package site

import (
	"html"
	"regexp"
	"strconv"
	"testing"
	"testing/fstest"
)

// TestTypographer: with the typographer off, for the site or one article,
// the article keeps the source's characters; with it on they are curled.
// A quote anchors either way, whether it is written with straight or
// curly quotes.
func TestTypographer(t *testing.T) {
	const body = "\nHe said \"That's all -- for now...\" and left.\n"
	sidecar := func(quote string) string {
		return "claims:\n  - id: said\n    quote: " + strconv.Quote(quote) + "\n    rating: unsupported\n"
	}
	for _, tc := range []struct {
		name, site, front string
		written           bool // the body keeps its characters
	}{
		{name: "default", written: false},
		{name: "site off", site: "typographer: false\n", written: true},
		{name: "site off, article on", site: "typographer: false\n", front: "typographer: true\n", written: false},
		{name: "article off", front: "typographer: false\n", written: true},
	} {
		for _, quote := range []string{`"That's all -- for now..."`, `“That’s all – for now…”`} {
			t.Run(tc.name+" "+quote, func(t *testing.T) {
				fsys := fstest.MapFS{
					"site.yaml":                  {Data: []byte("title: T\n" + tc.site)},
					"content/a.md":               {Data: []byte("---\ntitle: A\ndate: 2026-11-01\n" + tc.front + "---\n" + body)},
					"content/a.annotations.yaml": {Data: []byte(sidecar(quote))},
				}
				page := readTree(t, build(t, fsys, Options{}))["a/index.html"]
				var text string
				for _, m := range markRE.FindAllStringSubmatch(page, -1) {
					text += html.UnescapeString(m[1])
				}
				kept := text == `"That's all -- for now..."`
				curled := text == "“That’s all – for now…”"
				if kept != tc.written || curled == tc.written {
					t.Errorf("source characters kept: %v, curled: %v; want kept %v", kept, curled, tc.written)
				}
				if text == "" {
					t.Error("the quote did not anchor")
				}
			})
		}
	}
}

// markRE is a mark of the claim in the body, with its text.
var markRE = regexp.MustCompile(`<mark class="claim"[^>]*data-claim="said"[^>]*>([^<]*)</mark>`)
