package markup

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark/util"
)

func TestLinkPolicies(t *testing.T) {
	tests := []struct {
		dest          string
		article, note bool
	}{
		{dest: "https://example.org/x", article: true, note: true},
		{dest: "HTTP://example.org", article: true, note: true},
		{dest: "mailto:desk@example.org", article: true},
		{dest: "../about/", article: true},
		{dest: "/abs/path?q=a:b", article: true},
		{dest: "#section", article: true},
		{dest: "//cdn.example.org/x", article: true},
		{dest: "page:with:colons"},
		{dest: "javascript:alert(1)"},
		{dest: "JaVaScRiPt:alert(1)"},
		{dest: " javascript:alert(1)", article: true}, // escaped to %20javascript: — a relative path
		{dest: "java\tscript:alert(1)", article: true},
		{dest: "vbscript:msgbox"},
		{dest: "data:text/html,hi"},
		{dest: "file:///etc/passwd"},
		{dest: "ftp://example.org"},
		{dest: ":nothing", article: true},
	}
	for _, tt := range tests {
		t.Run(tt.dest, func(t *testing.T) {
			d := util.URLEscape([]byte(tt.dest), true)
			if got := articleLinks(d); got != tt.article {
				t.Errorf("articleLinks(%q) = %v, want %v", d, got, tt.article)
			}
			if got := noteLinks(d); got != tt.note {
				t.Errorf("noteLinks(%q) = %v, want %v", d, got, tt.note)
			}
		})
	}
}

func TestNote(t *testing.T) {
	tests := []struct {
		name   string
		unsafe bool
		src    string
		want   string
	}{
		{
			name: "web link", src: "See [the report](https://example.org/r).",
			want: "<p>See <a href=\"https://example.org/r\">the report</a>.</p>\n",
		},
		{
			name: "other links are text", src: "[rel](../x) [frag](#top) [mail](mailto:a@b.c) [js](javascript:alert(1)) <a@b.c>",
			want: "<p>rel frag mail js a@b.c</p>\n",
		},
		{
			name: "bare URL", src: "www.example.org and https://example.org",
			want: "<p><a href=\"http://www.example.org\">www.example.org</a> and <a href=\"https://example.org\">https://example.org</a></p>\n",
		},
		{
			name: "raw HTML never, even when unsafe", unsafe: true, src: "a <b>bold</b> claim\n\n<div>x</div>\n",
			want: "<p>a <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> claim</p>\n<!-- raw HTML omitted -->\n",
		},
		{
			name: "headings as is, without ids", src: "# Verdict\n\n\"Quoted\" -- yes",
			want: "<h1>Verdict</h1>\n<p>&ldquo;Quoted&rdquo; &ndash; yes</p>\n",
		},
		{
			name: "code highlighted", src: "```go\nx := 1\n```\n",
			want: "<pre class=\"chroma\" tabindex=\"0\"><code class=\"language-go\"><span class=\"hl-nx\">x</span><span class=\"hl-w\"> </span><span class=\"hl-o\">:=</span><span class=\"hl-w\"> </span><span class=\"hl-mi\">1</span><span class=\"hl-w\">\n</span></code></pre>\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := New(Options{Unsafe: tt.unsafe}).Note(tt.src)
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestNoteFootnoteIDs checks that two notes on a page do not share
// footnote ids, and that a note renders the same every time.
func TestNoteFootnoteIDs(t *testing.T) {
	r := New(Options{})
	a := string(r.Note("Claim[^1].\n\n[^1]: Source A."))
	b := string(r.Note("Other[^1].\n\n[^1]: Source B."))
	if a == "" || b == "" {
		t.Fatal("empty note")
	}
	idsA, idsB := footnoteIDs(a), footnoteIDs(b)
	if len(idsA) == 0 {
		t.Fatalf("no footnote ids in %s", a)
	}
	for id := range idsA {
		if idsB[id] {
			t.Errorf("id %q in both notes:\n%s\n%s", id, a, b)
		}
	}
	if again := string(r.Note("Claim[^1].\n\n[^1]: Source A.")); again != a {
		t.Errorf("note not reproducible:\n%s\n%s", a, again)
	}
}
