package markup

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/scholia/scholia/generator/anchor"
)

// testScale stands for a site's scale partial: words a quote could match
// if the scale were article text.
func testScale(which string) ([]byte, error) {
	return fmt.Appendf(nil, `<dl class="scale" data-scale="%s"><dt>Inaccurate</dt><dd>The claim is false.</dd></dl>`, which), nil
}

const claimScaleHTML = `<dl class="scale" data-scale="claim"><dt>Inaccurate</dt><dd>The claim is false.</dd></dl>` + "\n"

// TestScaleShortcode checks which paragraphs become the site's scale and
// how the scale stands among the blocks around it.
func TestScaleShortcode(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{name: "claim", src: "Before.\n\n{{< scale claim >}}\n\nAfter.\n",
			want: "<p>Before.</p>\n" + claimScaleHTML + "<p>After.</p>\n"},
		{name: "article", src: "{{< scale article >}}\n",
			want: `<dl class="scale" data-scale="article"><dt>Inaccurate</dt><dd>The claim is false.</dd></dl>` + "\n"},
		{name: "no spaces", src: "{{<scale claim>}}\n", want: claimScaleHTML},
		{name: "more spaces", src: "   {{<  scale   claim  >}}  \n", want: claimScaleHTML},
		{name: "over two lines", src: "{{< scale\nclaim >}}\n", want: claimScaleHTML},
		{name: "in a block quote", src: "> {{< scale claim >}}\n",
			want: "<blockquote>\n" + claimScaleHTML + "</blockquote>\n"},
		{name: "in a tight list", src: "- {{< scale claim >}}\n- Two.\n",
			want: "<ul>\n<li>\n" + claimScaleHTML + "</li>\n<li>Two.</li>\n</ul>\n"},
		{name: "escaped", src: "\\{{< scale claim >}}\n", want: "<p>{{&lt; scale claim &gt;}}</p>\n"},
		{name: "in a code span", src: "`{{< scale claim >}}`\n", want: "<p><code>{{&lt; scale claim &gt;}}</code></p>\n"},
		{name: "in a code block", src: "    {{< scale claim >}}\n",
			want: "<pre tabindex=\"0\"><code>{{&lt; scale claim &gt;}}\n</code></pre>\n"},
		{name: "inside a paragraph", src: "See {{< scale claim >}} below.\n",
			want: "<p>See {{&lt; scale claim &gt;}} below.</p>\n"},
	}
	r := New(Options{Scale: testScale})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := r.Article("page.md", []byte(tt.src), nil)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(res.HTML)); diff != "" {
				t.Errorf("HTML (-want +got):\n%s", diff)
			}
		})
	}
}

// TestScaleWithoutCallback checks that a renderer given no Options.Scale
// (scholia fix, which only anchors) leaves the scale out and reads the
// text as a build does.
func TestScaleWithoutCallback(t *testing.T) {
	res, err := New(Options{}).Article("page.md", []byte("One.\n\n{{< scale claim >}}\n\nTwo.\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("<p>One.</p>\n<p>Two.</p>\n", string(res.HTML)); diff != "" {
		t.Errorf("HTML (-want +got):\n%s", diff)
	}
}

// TestShortcodeErrors checks that a shortcode that is not a scale is an
// error at its "{{<", with what may be written instead.
func TestShortcodeErrors(t *testing.T) {
	usage := `the shortcodes are {{< scale claim >}} and {{< scale article >}}, each a paragraph of its own (write \{{< for the text "{{<" itself)`
	tests := []struct {
		name string
		src  string
		want ShortcodeErrors
	}{
		{name: "unknown scale", src: "Intro.\n\n{{< scale foo >}}\n",
			want: ShortcodeErrors{{Line: 3, Col: 1, Msg: `unknown scale "foo": ` + usage}}},
		{name: "unknown name", src: "# Title\n\n  {{< chart claim >}}\n",
			want: ShortcodeErrors{{Line: 3, Col: 3, Msg: `unknown shortcode "chart": ` + usage}}},
		{name: "no scale", src: "{{< scale >}}\n",
			want: ShortcodeErrors{{Line: 1, Col: 1, Msg: "{{< scale >}} names no scale: " + usage}}},
		{name: "no name", src: "{{< >}}\n",
			want: ShortcodeErrors{{Line: 1, Col: 1, Msg: "a shortcode without a name: " + usage}}},
		{name: "two scales", src: "{{< scale claim article >}}\n",
			want: ShortcodeErrors{{Line: 1, Col: 1, Msg: "{{< scale claim article >}} names more than one scale: " + usage}}},
		{name: "text after", src: "{{< scale claim >}} and more\n",
			want: ShortcodeErrors{{Line: 1, Col: 1, Msg: "a shortcode must be a paragraph of its own, with nothing else in it: " + usage}}},
		{name: "not closed", src: "{{< scale claim\n",
			want: ShortcodeErrors{{Line: 1, Col: 1, Msg: "a shortcode must be a paragraph of its own, with nothing else in it: " + usage}}},
		{name: "in a block quote, after a multibyte letter", src: "É.\n\n> > {{< scale Claim >}}\n",
			want: ShortcodeErrors{{Line: 3, Col: 5, Msg: `unknown scale "Claim": ` + usage}}},
		{name: "every one", src: "{{< scale foo >}}\n\n{{< scale claim >}}\n\n{{< bar >}}\n",
			want: ShortcodeErrors{{Line: 1, Col: 1, Msg: `unknown scale "foo": ` + usage}, {Line: 5, Col: 1, Msg: `unknown shortcode "bar": ` + usage}}},
	}
	r := New(Options{Scale: testScale})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := r.Article("page.md", []byte(tt.src), nil)
			var got ShortcodeErrors
			if !errors.As(err, &got) {
				t.Fatalf("error %v, want ShortcodeErrors", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestScaleNotArticleText checks that the scale's words are not the
// article's: a quote of them is not found, even though the page shows
// them, while the article's own text around the scale anchors; and that
// the page keeps the invariant of DESIGN section 7.
func TestScaleNotArticleText(t *testing.T) {
	src := []byte("We rate claims.\n\n{{< scale claim >}}\n\nThe claim is false, we say.\n")
	claims := []Claim{
		mixed("own", "The claim is false"),
		mixed("scale", "Inaccurate"),
		mixed("across", "claims. Inaccurate The claim is false."),
	}
	r := New(Options{Scale: testScale})
	got, err := r.ArticleNotes("page.md", src, claims, testNotes(claims))
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range got.Errors {
		var ae *anchor.Error
		if !errors.As(e, &ae) {
			t.Fatalf("claim %d: %v is not an *anchor.Error", e.Index, e)
		}
		kinds = append(kinds, fmt.Sprintf("%s: %v", claims[e.Index].ID, ae.Kind))
	}
	want := []string{"scale: " + anchor.ErrNotFound.Error(), "across: " + anchor.ErrNotFound.Error()}
	if diff := cmp.Diff(want, kinds); diff != "" {
		t.Errorf("claims not anchored (-want +got):\n%s", diff)
	}
	if got.Anchors[0] == nil || got.Anchors[0].Spans[0].Block != 1 {
		t.Errorf("claim own: anchored at %+v, want in the second block of text", got.Anchors[0])
	}
	plain, err := r.Article("page.md", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariant(t, string(plain.HTML), string(got.HTML), claims, got)
}
