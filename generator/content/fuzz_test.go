package content

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/strictyaml"
)

// FuzzDecodeSidecar checks that no input makes DecodeSidecar panic, and that
// every error it returns is a diag error placed within the input's lines.
func FuzzDecodeSidecar(f *testing.F) {
	seeds := []string{
		designSidecar,
		"",
		"claims: []\n",
		"claims:\n  - id: a\n    quote: {exact: q, prefix: p, suffix: s, occurrence: 2}\n    rating: mixed\n",
		"claims:\n  - id: a\n    quote: q\n    ratng: mixed\n",
		"claims:\n  - id: a\n    quote: \"unclosed\n",
		"claims:\n\t- id: a\n",
		"review: &r {rating: low}\nclaims: [*r, *r, *x]\n",
		"a: 1\n---\nb: 2\n",
		"claims:\n  - id: a\n    quote: q\n    rating: mixed\n    sources:\n      - url: ftp://x\n        date: 2026-02-30\n",
		"\uFEFFreview:\r\n  rating: low\r\n",
		"? [a, b]\n: c\n",
		"claims: !!map {a: b}\n",
		"claims:\n  - id: a\n    quote: |\n      multi\n      line\n    rating: mixed\n    claim: >\n      folded\n",
		// Hostile shapes: nesting past limits.yaml_depth, bytes that are
		// not UTF-8, an alias fan-out.
		"claims: " + strings.Repeat("[", 2000) + strings.Repeat("]", 2000),
		"claims: " + strings.Repeat("{a: ", 500),
		strings.Repeat("- ", 100) + "x\n",
		nestedKeys(60),
		"claims:\n  - id: a\n    quote: caf\xe9\n",
		"a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nclaims: [*c, *c, *c, *c]\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	cfg := config.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := DecodeSidecar("s.yaml", data, cfg)
		if err == nil {
			if sc == nil {
				t.Fatal("no sidecar and no error")
			}
			return
		}
		// The claims kept beside an error are those that had none.
		if sc == nil {
			t.Fatal("an error and no sidecar: the claims without problems are lost")
		}
		for _, c := range sc.Claims {
			if c.ID == "" || c.Rating == "" || c.Quote.Exact == "" {
				t.Errorf("a claim with a problem is kept: %+v", c)
			}
		}
		var list diag.List
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error %v (%T) is not a non-empty diag.List", err, err)
		}
		lines := strictyaml.Lines(data)
		for _, e := range list {
			if e.Path != "s.yaml" || e.Line < 1 || e.Line > lines || e.Col < 1 || e.Msg == "" {
				t.Errorf("error %q: want s.yaml:LINE:COL with 1 <= LINE <= %d", e.Error(), lines)
			}
		}
	})
}

// nestedKeys is YAML of n mappings, each nested in the last.
func nestedKeys(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "k:\n")
	}
	return b.String()
}

// FuzzDecodeFront checks that DecodeFront never panics, keeps the body the
// length and lines of the file, and places its errors within the file.
func FuzzDecodeFront(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\n---\nBody\n",
		"---\r\ntitle: A\r\ndate: 2026-02-30\r\n---\r\n",
		"\uFEFF---\ntitle: [\n---\n",
		"no front matter",
		"---\n---\n",
		"---\ntitle: A\nslug: ../x\nparams: {a: *b}\n---",
		"---\ntitle: A\ntags: " + strings.Repeat("[", 2000) + strings.Repeat("]", 2000) + "\n---\n",
		"---\n" + nestedKeys(60) + "---\n",
		"---\ntitle: caf\xe9\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, body, err := DecodeFront("a.md", data)
		if err == nil {
			if len(body) != len(data) || bytes.Count(body, []byte("\n")) != bytes.Count(data, []byte("\n")) {
				t.Fatalf("body %q does not keep the offsets of %q", body, data)
			}
			return
		}
		var list diag.List
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error %v (%T) is not a non-empty diag.List", err, err)
		}
		lines := strictyaml.Lines(data)
		for _, e := range list {
			if e.Line < 1 || e.Line > lines || e.Col < 1 {
				t.Errorf("error %q: want a.md:LINE:COL with 1 <= LINE <= %d", e.Error(), lines)
			}
		}
	})
}
