package markup

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/scholia/scholia/generator/anchor"
	"github.com/yuin/goldmark/ast"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// goldmarkWrite is what html.DefaultWriter.Write makes of v.
func goldmarkWrite(v []byte) string {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	ghtml.DefaultWriter.Write(w, v)
	_ = w.Flush()
	return b.String()
}

// checkResolve checks resolve against goldmark's writer, as a whole and
// split at every place canCut allows.
func checkResolve(t *testing.T, v []byte) {
	t.Helper()
	got, offs := resolve(v, 0, nil, nil)
	want := goldmarkWrite(v)
	if diff := cmp.Diff(want, string(util.EscapeHTML(got))); diff != "" {
		t.Fatalf("resolve(%q) (-goldmark +resolve):\n%s", v, diff)
	}
	if len(offs) != len(got) {
		t.Fatalf("resolve(%q): %d offsets for %d bytes", v, len(offs), len(got))
	}
	p := piece{kind: kindText, text: got, src: offs}
	for r := 1; r < len(got); r++ {
		if !p.canCut(r) {
			continue
		}
		if parts := goldmarkWrite(v[:offs[r]]) + goldmarkWrite(v[offs[r]:]); parts != want {
			t.Fatalf("resolve(%q): cutting at text offset %d (source %d) renders %q, want %q", v, r, offs[r], parts, want)
		}
	}
}

func TestResolveMatchesWriter(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{name: "plain", in: "plain text"},
		{name: "escapes", in: `\*not emphasis\* \\ \a \` + "`"},
		{name: "escaped ampersand", in: `\&amp; and &amp;`},
		{name: "named", in: "&copy; &ngE; &nosuch; &amp &AMP;"},
		{name: "decimal", in: "&#65; &#0; &#1234567; &#12345678; &#;"},
		{name: "hex", in: "&#x41; &#X41; &#x110000; &#xFFFFFFF; &#x;"},
		{name: "nul", in: "a\x00b\\\x00"},
		{name: "trailing backslash", in: `end\`},
		{name: "utf8", in: "naïve — “quote” \\—"},
		{name: "html", in: `<b> & "x" > y`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkResolve(t, []byte(tt.in)) })
	}
}

// TestResolveSpecTexts checks resolve on every text node of the CommonMark
// spec examples, as parsed for articles.
func TestResolveSpecTexts(t *testing.T) {
	r := New(Options{})
	n := 0
	for _, ex := range loadSpec(t) {
		src := []byte(ex.Markdown)
		doc := r.article.Parser().Parse(text.NewReader(src))
		_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
			if tx, ok := node.(*ast.Text); ok && entering && !tx.IsRaw() {
				n++
				checkResolve(t, tx.Segment.Value(src))
			}
			return ast.WalkContinue, nil
		})
	}
	t.Logf("%d text nodes", n)
}

func TestPieceSnap(t *testing.T) {
	got, offs := resolve([]byte(`a&ngE;b\*c&amp;`), 0, nil, nil) // "a≧̸b*c&"
	p := piece{kind: kindText, text: got, src: offs}
	tests := []struct {
		name               string
		start, end         int
		wantStart, wantEnd int
		wantText           string
	}{
		{name: "whole", start: 0, end: len(got), wantStart: 0, wantEnd: len(got), wantText: "a≧̸b*c&"},
		{name: "inside the entity's first rune", start: 2, end: 3, wantStart: 1, wantEnd: 6, wantText: "≧̸"},
		{name: "between the entity's runes", start: 4, end: 7, wantStart: 1, wantEnd: 7, wantText: "≧̸b"},
		{name: "escape", start: 7, end: 8, wantStart: 7, wantEnd: 8, wantText: "*"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e := p.snap(tt.start, tt.end)
			if s != tt.wantStart || e != tt.wantEnd || string(got[s:e]) != tt.wantText {
				t.Errorf("snap(%d, %d) = %d, %d (%q), want %d, %d (%q)", tt.start, tt.end, s, e, got[s:e],
					tt.wantStart, tt.wantEnd, tt.wantText)
			}
		})
	}
	atom := piece{kind: kindAtom, text: []byte("“")}
	if s, e := atom.snap(1, 2); s != 0 || e != 3 {
		t.Errorf("atom snap(1, 2) = %d, %d, want 0, 3", s, e)
	}
}

// TestTypographerPositions checks that a match starting at a character the
// typographer made is placed at the source bytes it replaces, and so are
// the places in anchoring errors.
func TestTypographerPositions(t *testing.T) {
	tests := []struct {
		src, quote string
		line, col  int
	}{
		{src: `"Target" he said`, quote: `"Target"`, line: 1, col: 1},
		{src: `-- target`, quote: `- target`, line: 1, col: 1},
		{src: `*x*"target"`, quote: `"target"`, line: 1, col: 4},
		{src: "x --- y", quote: "- y", line: 1, col: 3},
		{src: "Wait... what", quote: "... what", line: 1, col: 5},
		{src: "é <<a>> b", quote: "«a» b", line: 1, col: 3},
		{src: "Intro.\n\nIt's 'over'", quote: "'over'", line: 3, col: 6},
		{src: "> \"Quoted\" text", quote: `"Quoted"`, line: 1, col: 3},
		{src: "- a\n- \"b\" c", quote: `"b" c`, line: 2, col: 3},
		{src: "*\"emph\"* x", quote: `"emph" x`, line: 1, col: 2},
		{src: "a `code` \"q\"", quote: `"q"`, line: 1, col: 10},
		{src: "[\"link\"](/u) x", quote: `"link" x`, line: 1, col: 2},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got, err := r.Article("a.md", []byte(tt.src), []Claim{{ID: "c", Quote: anchor.Quote{Exact: tt.quote}}})
			if err != nil {
				t.Fatal(err)
			}
			m := got.Anchors[0]
			if m == nil {
				t.Fatalf("not anchored: %v", got.Errors)
			}
			if m.Line != tt.line || m.Col != tt.col {
				t.Errorf("match at %d:%d, want %d:%d", m.Line, m.Col, tt.line, tt.col)
			}
		})
	}
	t.Run("did you mean", func(t *testing.T) {
		got, err := r.Article("a.md", []byte("Intro.\n\n\"Target\" he said"),
			[]Claim{{ID: "c", Quote: anchor.Quote{Exact: `"Targte" he said`}}})
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Errors) != 1 || !strings.Contains(got.Errors[0].Error(), "(a.md:3:1)") {
			t.Errorf("errors = %v, want a suggestion at a.md:3:1", got.Errors)
		}
	})
}
