package markup

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/scholia/scholia/generator/anchor"
	"golang.org/x/net/html"
)

// testNotes numbers the claims in the order they come, as a theme does,
// and gives each a reference, a margin note and a disclosure that say
// which claim and number they are.
func testNotes(claims []Claim) NotesFunc {
	return func(order []int) ([]Notes, error) {
		ns := make([]Notes, len(claims))
		for n, k := range order {
			c := claims[k]
			ns[k] = Notes{
				Ref:        fmt.Appendf(nil, "%d %s", n+1, c.Label),
				Margin:     fmt.Appendf(nil, "M%d-%s", n+1, c.ID),
				Disclosure: fmt.Appendf(nil, "<summary>%d</summary><p>D-%s</p>", n+1, c.ID),
			}
		}
		return ns, nil
	}
}

func mixed(id, quote string) Claim {
	return Claim{ID: id, Rating: "mixed", Label: "Mixed", Quote: anchor.Quote{Exact: quote}}
}

func margin(id string, n int) string {
	return fmt.Sprintf(`<span class="margin-note" data-annot data-claim="%s" data-rating="mixed">M%d-%s</span>`, id, n, id)
}

func disclosure(id string, n int) string {
	return fmt.Sprintf(`<details class="claim-disclosure" data-annot data-claim="%s" data-rating="mixed"><summary>%d</summary><p>D-%s</p></details>`, id, n, id)
}

// TestNotesPlacement checks where the margin note and the disclosure of a
// claim go: the margin note right before the inline element that holds the
// first mark (never inside a link), the disclosure after the claim's
// block, numbered in the order of the text.
func TestNotesPlacement(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		unsafe bool
		claims []Claim
		want   []string // in this order in the HTML
		absent []string
	}{{
		name:   "paragraph",
		src:    "One two three.\n\nNext.\n",
		claims: []Claim{mixed("a", "two")},
		want:   []string{"<p>One " + margin("a", 1) + `<mark class="claim" id="claim-a"`, "</a> three.</p>\n" + disclosure("a", 1) + "<p>Next.</p>"},
	}, {
		name:   "numbered in text order, not sidecar order",
		src:    "Alpha beta gamma.\n",
		claims: []Claim{mixed("late", "gamma"), mixed("early", "Alpha")},
		want:   []string{margin("early", 1), margin("late", 2), "</p>\n" + disclosure("early", 1) + disclosure("late", 2)},
	}, {
		name:   "first mark in emphasis and link",
		src:    "Say *[a big](https://example.com/) word* here.\n",
		claims: []Claim{mixed("a", "big word")},
		want:   []string{"<p>Say <em>" + margin("a", 1) + `<a href="https://example.com/">a <mark`},
	}, {
		name:   "first mark deep in emphasis",
		src:    "Say *a long run of words and a claim* here.\n",
		claims: []Claim{mixed("a", "claim")},
		want:   []string{"<em>a long run of words and a " + margin("a", 1) + `<mark`},
	}, {
		name:   "nested claim: the outer mark is split before its note",
		src:    "One alpha beta gamma two.\n",
		claims: []Claim{mixed("outer", "alpha beta gamma"), mixed("inner", "beta")},
		want: []string{"<p>One " + margin("outer", 1) + `<mark class="claim" id="claim-outer" data-claim="outer" data-rating="mixed">alpha </mark>` +
			margin("inner", 2) + `<mark class="claim" data-claim="outer" data-rating="mixed"><mark class="claim" id="claim-inner"`},
	}, {
		name:   "first mark in code",
		src:    "Run `rm claim` now.\n",
		claims: []Claim{mixed("a", "claim")},
		want:   []string{"<p>Run " + margin("a", 1) + "<code>rm <mark"},
	}, {
		name:   "tight list item",
		src:    "- one claim\n- two\n",
		claims: []Claim{mixed("a", "claim")},
		want:   []string{"<li>one " + margin("a", 1) + "<mark", "</a>" + disclosure("a", 1) + "</li>\n<li>two</li>"},
	}, {
		name:   "loose list item",
		src:    "- one claim\n\n- two\n",
		claims: []Claim{mixed("a", "claim")},
		want:   []string{"<li>\n<p>one " + margin("a", 1), "</a></p>\n" + disclosure("a", 1) + "</li>"},
	}, {
		name:   "heading",
		src:    "## A claim here\n\nText.\n",
		claims: []Claim{mixed("a", "claim")},
		want:   []string{margin("a", 1) + `<h2 id="a-claim-here">A <mark`, "</h2>\n" + disclosure("a", 1) + "<p>Text.</p>"},
	}, {
		name:   "table cell: notes before and after the table",
		src:    "Before.\n\n| a | b |\n|---|---|\n| one claim | x |\n\nAfter.\n",
		claims: []Claim{mixed("a", "claim")},
		want:   []string{"<p>Before.</p>\n" + margin("a", 1) + "<table>", "</table>\n" + disclosure("a", 1) + "<p>After.</p>"},
		absent: []string{`<td>one <span class="margin-note"`},
	}, {
		name:   "quote across paragraphs: disclosure after the last",
		src:    "> One claim\n> here.\n",
		claims: []Claim{mixed("a", "claim here")},
		want:   []string{"<blockquote>\n<p>One " + margin("a", 1), "</p>\n" + disclosure("a", 1) + "</blockquote>"},
	}, {
		name:   "raw link open before the claim: margin note after the reference",
		unsafe: true,
		src:    "See <a href=\"https://example.com/\">the claim</a> now.\n",
		claims: []Claim{mixed("a", "claim")},
		want:   []string{`claim</mark></a><a class="claim-ref" href="#note-a" data-annot data-rating="mixed">1 Mixed</a>` + margin("a", 1) + " now.</p>"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Options{Unsafe: tt.unsafe})
			got, err := r.ArticleNotes("t.md", []byte(tt.src), tt.claims, testNotes(tt.claims))
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Errors) > 0 {
				t.Fatal(got.Errors[0])
			}
			h := string(got.HTML)
			at := 0
			for _, w := range tt.want {
				i := strings.Index(h[at:], w)
				if i < 0 {
					t.Fatalf("want %s after byte %d in\n%s", w, at, h)
				}
				at += i + len(w)
			}
			for _, a := range tt.absent {
				if strings.Contains(h, a) {
					t.Errorf("want no %s in\n%s", a, h)
				}
			}
			plain, err := r.Article("t.md", []byte(tt.src), nil)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariant(t, string(plain.HTML), h, tt.claims, got)
			if err := checkContentModel(h); err != nil {
				t.Errorf("%v\n%s", err, h)
			}
		})
	}
}

// checkContentModel reports a disclosure where flow content may not stand
// (in a paragraph, heading or inline element) and a margin note inside a
// link: an HTML parser would move either elsewhere.
func checkContentModel(s string) error {
	z := html.NewTokenizer(strings.NewReader(s))
	var stack []string
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return nil
		case html.StartTagToken:
			tok := z.Token()
			switch {
			case tok.Data == "details":
				for _, open := range stack {
					switch open {
					case "p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "a", "em", "strong", "mark", "code", "td", "th":
						return fmt.Errorf("a disclosure inside <%s>", open)
					}
				}
			case tok.Data == "span" && bytes.Contains(z.Raw(), []byte("margin-note")) || strings.Contains(attrOf(tok, "class"), "margin-note"):
				for _, open := range stack {
					if open == "a" {
						return fmt.Errorf("a margin note inside a link")
					}
				}
			}
			if !isVoid(tok.Data) {
				stack = append(stack, tok.Data)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(stack) > 0 && stack[len(stack)-1] == string(name) {
				stack = stack[:len(stack)-1]
			}
		}
	}
}

func attrOf(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func isVoid(tag string) bool {
	switch tag {
	case "br", "hr", "img", "input", "wbr":
		return true
	}
	return false
}

// TestNotesError returns the theme's error and renders nothing.
func TestNotesError(t *testing.T) {
	claims := []Claim{mixed("a", "two")}
	_, err := New(Options{}).ArticleNotes("t.md", []byte("One two.\n"), claims, func([]int) ([]Notes, error) {
		return nil, fmt.Errorf("template broke")
	})
	if err == nil || err.Error() != "template broke" {
		t.Fatalf("err = %v, want the theme's error", err)
	}
}

func TestPhrasing(t *testing.T) {
	r := New(Options{})
	note := r.Note("claim-a", "A *b*[^1].\n\n- one\n- two\n\n```\ncode\n```\n\n---\n\n[^1]: Foot.\n")
	got := string(Phrasing(note))
	for _, bad := range []string{"<p", "<ul", "<li", "<pre", "<hr", "<div", "<ol", "<section", ` id="`} {
		if strings.Contains(got, bad) {
			t.Errorf("Phrasing left %s in\n%s", bad, got)
		}
	}
	for _, want := range []string{`<span class="b-p">A <em>b</em>`, `<span class="b-ul">`, `<span class="b-li">one</span>`, `<span class="b-hr"></span>`, `class="b-pre"><code>code`} {
		if !strings.Contains(got, want) {
			t.Errorf("Phrasing: want %s in\n%s", want, got)
		}
	}
	// The text, entities and all, is the note's.
	textOf := func(b []byte) string {
		var sb strings.Builder
		z := html.NewTokenizer(bytes.NewReader(b))
		for z.Next() != html.ErrorToken {
			if z.Token().Type == html.TextToken {
				sb.Write(z.Text())
			}
		}
		return sb.String()
	}
	if diff := cmp.Diff(textOf(note), textOf([]byte(got))); diff != "" {
		t.Errorf("Phrasing changed the text (-note +phrasing):\n%s", diff)
	}
	copied := string(WithoutIDs(note))
	if strings.Contains(copied, ` id="`) || !strings.Contains(copied, "<p>A <em>b</em>") {
		t.Errorf("WithoutIDs: want the note without ids, got\n%s", copied)
	}
}

func TestLead(t *testing.T) {
	r := New(Options{})
	tests := []struct {
		name, md, lead, rest string
	}{
		{name: "two paragraphs", md: "One *a*.\n\nTwo.\n", lead: "<p>One <em>a</em>.</p>", rest: "\n<p>Two.</p>\n"},
		{name: "one paragraph", md: "Only.\n", lead: "<p>Only.</p>\n"},
		{name: "a list first", md: "- a\n- b\n\nAfter.\n", lead: "<ul>\n<li>a</li>\n<li>b</li>\n</ul>", rest: "\n<p>After.</p>\n"},
		{name: "a rule first", md: "---\n\nAfter.\n", lead: "<hr>", rest: "\n<p>After.</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lead, rest := Lead(r.Note("review", tt.md))
			if diff := cmp.Diff(tt.lead+"|"+tt.rest, string(lead)+"|"+string(rest)); diff != "" {
				t.Errorf("Lead (-want +got):\n%s", diff)
			}
		})
	}
}
