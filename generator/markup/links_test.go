package markup

import (
	"strings"
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
			wantImage := tt.article && !strings.HasPrefix(strings.ToLower(tt.dest), "mailto:")
			if got := articleImages(d); got != wantImage {
				t.Errorf("articleImages(%q) = %v, want %v", d, got, wantImage)
			}
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
			name: "web images only", src: "![web](https://e.org/a.png \"T\") ![Web2](HTTP://e.org/b.png)",
			want: "<p><img src=\"https://e.org/a.png\" alt=\"web\" title=\"T\"> <img src=\"HTTP://e.org/b.png\" alt=\"Web2\"></p>\n",
		},
		{
			name: "other images are their alt text",
			src:  "![rel](rel.png) ![abs](/a.png) ![js](javascript:alert(1)) ![data](data:image/png;base64,AA==) ![a & b < c](x.png) ![*em* \"q\" `c`](y.png)",
			want: "<p>rel abs js data a &amp; b &lt; c em &ldquo;q&rdquo; c</p>\n",
		},
		{
			name: "image alt text in a web link", src: "[![logo](logo.png)](https://e.org)",
			want: "<p><a href=\"https://e.org\">logo</a></p>\n",
		},
		{
			name: "code highlighted", src: "```go\nx := 1\n```\n",
			want: "<pre class=\"chroma\" tabindex=\"0\"><code class=\"language-go\"><span class=\"hl-nx\">x</span><span class=\"hl-w\"> </span><span class=\"hl-o\">:=</span><span class=\"hl-w\"> </span><span class=\"hl-mi\">1</span><span class=\"hl-w\">\n</span></code></pre>\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := New(Options{Unsafe: tt.unsafe}).Note("k", tt.src)
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestNoteFootnoteIDs checks that notes with different keys do not share
// footnote ids, even when their text is the same, that no footnote id can
// be taken for an id of the contract ("claim-ID", "note-ID") or of the
// article's footnotes ("fn:N", "fnref:N"), and that a note renders the same
// every time.
func TestNoteFootnoteIDs(t *testing.T) {
	r := New(Options{})
	const note = "Claim[^1].\n\n[^1]: Source A."
	a := string(r.Note("claim-a", note))
	b := string(r.Note("claim-b", note))
	review := string(r.Note("review", note))
	if a == "" || b == "" {
		t.Fatal("empty note")
	}
	idsA, idsB, idsR := footnoteIDs(a), footnoteIDs(b), footnoteIDs(review)
	if len(idsA) == 0 {
		t.Fatalf("no footnote ids in %s", a)
	}
	for id := range idsA {
		if idsB[id] || idsR[id] {
			t.Errorf("id %q in two notes:\n%s\n%s\n%s", id, a, b, review)
		}
	}
	for _, ids := range []map[string]bool{idsA, idsB, idsR} {
		for id := range ids {
			if !strings.HasPrefix(id, "fn-") || strings.HasPrefix(id, "fn:") || strings.HasPrefix(id, "fnref:") {
				t.Errorf("footnote id %q does not start with fn-", id)
			}
		}
	}
	if !idsA["fn-claim-a-fn:1"] || !idsA["fn-claim-a-fnref:1"] {
		t.Errorf("ids %v, want fn-claim-a-fn:1 and fn-claim-a-fnref:1", idsA)
	}
	if again := string(r.Note("claim-a", note)); again != a {
		t.Errorf("note not reproducible:\n%s\n%s", a, again)
	}
}

func TestFootnotePrefix(t *testing.T) {
	tests := []struct{ key, want string }{
		{key: "review", want: "fn-review-"},
		{key: "claim-a-1_B", want: "fn-claim-a-1_B-"},
		{key: "", want: "fn--"},
		{key: `a b"c.d:é`, want: "fn-a.20b.22c.2ed.3a.c3.a9-"},
	}
	for _, tt := range tests {
		if got := string(footnotePrefix(tt.key)); got != tt.want {
			t.Errorf("footnotePrefix(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

// TestArticleImages checks that an article shows images from the web and
// the site, and the alt text of any other image.
func TestArticleImages(t *testing.T) {
	r := New(Options{})
	for _, tc := range []struct{ src, want string }{
		{src: "![a map](map.png)", want: `<img src="map.png" alt="a map">`},
		{src: "![a map](https://example.org/map.png)", want: `<img src="https://example.org/map.png" alt="a map">`},
		{src: "![a *bad* map](javascript:alert(1))", want: "<p>a bad map</p>"},
		{src: "![x < y](data:image/svg+xml,hi)", want: "<p>x &lt; y</p>"},
	} {
		t.Run(tc.src, func(t *testing.T) {
			res, err := r.Article("a.md", []byte(tc.src), nil)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(res.HTML), tc.want) {
				t.Errorf("%s renders %q, want it to hold %q", tc.src, res.HTML, tc.want)
			}
		})
	}
}
