package markup

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/scholia/scholia/generator/anchor"
)

// spanFinder returns a finder that anchors every quote at the given spans of
// piece Refs, built by hand: the wrapper is tested apart from the matcher.
func spanFinder(spans ...anchor.Span) func(*anchor.Doc, anchor.Quote) (anchor.Match, error) {
	return func(*anchor.Doc, anchor.Quote) (anchor.Match, error) {
		return anchor.Match{Spans: spans}, nil
	}
}

func TestWrap(t *testing.T) {
	c := func(id, quote string) Claim {
		return Claim{ID: id, Rating: "r", Label: "L", Quote: anchor.Quote{Exact: quote}}
	}
	const (
		m1 = `<mark class="claim" id="claim-a" data-claim="a" data-rating="r">`
		m2 = `<mark class="claim" data-claim="a" data-rating="r">`
		rf = `<a class="claim-ref" href="#note-a" data-annot data-rating="r" aria-label="L: note on claim 1">L</a>`
	)
	tests := []struct {
		name   string
		unsafe bool
		src    string
		claims []Claim
		find   func(*anchor.Doc, anchor.Quote) (anchor.Match, error)
		want   string
		errs   int
	}{
		{
			name: "plain", src: "one two three", claims: []Claim{c("a", "two")}, find: naiveFind,
			want: "<p>one " + m1 + "two</mark>" + rf + " three</p>\n",
		},
		{
			name: "ref after nested link", src: "x [a *b c*](/u) y", claims: []Claim{c("a", "x a b")}, find: naiveFind,
			want: "<p>" + m1 + "x </mark><a href=\"/u\">" + m2 + "a </mark><em>" + m2 + "b</mark> c</em></a>" + rf + " y</p>\n",
		},
		{
			name: "code span in link", src: "[`a b`](/u)", claims: []Claim{c("a", "a")}, find: naiveFind,
			want: "<p><a href=\"/u\"><code>" + m1 + "a</mark> b</code></a>" + rf + "</p>\n",
		},
		{
			name: "multi-line code span", src: "`a\nb` c", claims: []Claim{c("a", "a b")}, find: naiveFind,
			want: "<p><code>" + m1 + "a b</mark></code>" + rf + " c</p>\n",
		},
		{
			name: "autolink label", src: "<https://e.org/x>", claims: []Claim{c("a", "e.org")}, find: naiveFind,
			want: "<p><a href=\"https://e.org/x\">https://" + m1 + "e.org</mark>/x</a>" + rf + "</p>\n",
		},
		{
			name: "span inside an entity widens to it", src: "a &copy; b",
			claims: []Claim{c("a", "©")}, find: spanFinder(anchor.Span{Ref: 0, Start: 3, End: 4}),
			want: "<p>a " + m1 + "©</mark>" + rf + " b</p>\n",
		},
		{
			name: "span inside an escape widens to it", src: `a \* b`,
			claims: []Claim{c("a", "*")}, find: spanFinder(anchor.Span{Ref: 0, Start: 2, End: 3}),
			want: "<p>a " + m1 + "*</mark>" + rf + " b</p>\n",
		},
		{
			name: "typographer atom", src: `say "hi"`,
			claims: []Claim{c("a", "“hi")}, find: naiveFind,
			want: "<p>say " + m1 + "&ldquo;hi</mark>" + rf + "&rdquo;</p>\n",
		},
		{
			name: "bad span is an error, not a panic", src: "abc",
			claims: []Claim{c("a", "abc")}, find: spanFinder(anchor.Span{Ref: 0, Start: 1, End: 99}),
			want: "<p>abc</p>\n", errs: 1,
		},
		{
			name: "no spans is an error", src: "abc",
			claims: []Claim{c("a", "abc")}, find: spanFinder(),
			want: "<p>abc</p>\n", errs: 1,
		},
		{
			name: "image alt text is not text", src: "x ![alt text](/i.png) y",
			claims: []Claim{c("a", "alt")}, find: naiveFind,
			want: "<p>x <img src=\"/i.png\" alt=\"alt text\"> y</p>\n", errs: 1,
		},
		{
			name: "raw link: ref after its </a>", unsafe: true,
			src: `see <a href="http://x">the claim</a> ok`, claims: []Claim{c("a", "the claim")}, find: naiveFind,
			want: "<p>see <a href=\"http://x\">" + m1 + "the claim</mark></a>" + rf + " ok</p>\n",
		},
		{
			name: "raw link omitted when safe: ref in place", src: `see <a href="http://x">the claim</a> ok`,
			claims: []Claim{c("a", "the claim")}, find: naiveFind,
			want: "<p>see <!-- raw HTML omitted -->" + m1 + "the claim</mark>" + rf + "<!-- raw HTML omitted --> ok</p>\n",
		},
		{
			name: "raw link in a Markdown link: ref after both", unsafe: true,
			src: `[md <a href="http://s">raw in md</a> link](/md) z`, claims: []Claim{c("a", "raw in")}, find: naiveFind,
			want: "<p><a href=\"/md\">md <a href=\"http://s\">" + m1 + "raw in</mark> md</a> link</a>" + rf + " z</p>\n",
		},
		{
			name: "Markdown link in a raw link: ref after both", unsafe: true,
			src: `<a href="http://s">raw [md link](/md) x</a> z`, claims: []Claim{c("a", "md")}, find: naiveFind,
			want: "<p><a href=\"http://s\">raw <a href=\"/md\">" + m1 + "md</mark> link</a> x</a>" + rf + " z</p>\n",
		},
		{
			name: "raw link closed in another paragraph: error", unsafe: true,
			src: "a <a href=\"http://x\">the claim\n\nb</a>", claims: []Claim{c("a", "the claim")}, find: naiveFind,
			want: "<p>a <a href=\"http://x\">the claim</p>\n<p>b</a></p>\n", errs: 1,
		},
		{
			name: "raw link not closed: error", unsafe: true,
			src: "a <a href=\"http://x\">the claim", claims: []Claim{c("a", "the claim")}, find: naiveFind,
			want: "<p>a <a href=\"http://x\">the claim</p>\n", errs: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Options{Unsafe: tt.unsafe})
			got, err := r.render("t.md", []byte(tt.src), tt.claims, tt.find, nil)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(got.HTML)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if len(got.Errors) != tt.errs {
				t.Errorf("errors = %v, want %d", got.Errors, tt.errs)
			}
			plain, _ := r.render("t.md", []byte(tt.src), nil, tt.find, nil)
			if s, err := Strip(string(got.HTML)); err != nil || s != string(plain.HTML) {
				t.Errorf("Strip = %q, %v; want %q", s, err, plain.HTML)
			}
		})
	}
}

func TestClaimErrors(t *testing.T) {
	r := New(Options{})
	src := []byte("The sky is blue. The sky is blue.\n\n```\ncode here\n```\n\nOne\n\ntwo\n")
	claims := []Claim{
		{ID: "amb", Quote: anchor.Quote{Exact: "sky is blue"}},
		{ID: "code", Quote: anchor.Quote{Exact: "code here"}},
		{ID: "cross", Quote: anchor.Quote{Exact: "One two"}},
		{ID: "ok", Quote: anchor.Quote{Exact: "sky is blue", Occurrence: 2}},
		{ID: "empty", Quote: anchor.Quote{Exact: "  "}},
	}
	got, err := r.Article("a.md", src, claims)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]error{0: anchor.ErrAmbiguous, 1: anchor.ErrInCode, 2: anchor.ErrCrossBlock, 4: anchor.ErrEmpty}
	if len(got.Errors) != len(want) {
		t.Fatalf("errors = %v, want %d", got.Errors, len(want))
	}
	for _, e := range got.Errors {
		if !errors.Is(e, want[e.Index]) {
			t.Errorf("claim %d: error %v, want %v", e.Index, e, want[e.Index])
		}
		var ae *anchor.Error
		if !errors.As(e, &ae) || got.Anchors[e.Index] != nil {
			t.Errorf("claim %d: not an *anchor.Error or has an anchor: %v", e.Index, e)
		}
	}
	if got.Anchors[3] == nil || !strings.Contains(string(got.HTML), `id="claim-ok"`) {
		t.Errorf("claim ok not highlighted:\n%s", got.HTML)
	}
	if strings.Count(string(got.HTML), "<mark") != 1 {
		t.Errorf("want exactly one mark:\n%s", got.HTML)
	}
}

// TestRawLinkError checks the error of a claim whose note reference would be
// inside a raw HTML link: it wraps ErrInRawLink, names where the link opens,
// and leaves the other claims alone.
func TestRawLinkError(t *testing.T) {
	r := New(Options{Unsafe: true})
	src := "Intro.\n\nA <a href=\"http://x\">linked claim\n\nmore</a> and fine.\n"
	claims := []Claim{
		{ID: "linked", Quote: anchor.Quote{Exact: "linked claim"}},
		{ID: "fine", Quote: anchor.Quote{Exact: "fine"}},
	}
	got, err := r.Article("a.md", []byte(src), claims)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Errors) != 1 || got.Errors[0].Index != 0 || !errors.Is(got.Errors[0], ErrInRawLink) {
		t.Fatalf("errors = %v, want one ErrInRawLink for claim 0", got.Errors)
	}
	if msg := got.Errors[0].Error(); !strings.Contains(msg, "(<a> at a.md:3:3)") {
		t.Errorf("message %q does not say where the link opens (a.md:3:3)", msg)
	}
	if got.Anchors[0] != nil || got.Anchors[1] == nil {
		t.Errorf("anchors = %v, want only claim 1's", got.Anchors)
	}
	html := string(got.HTML)
	if strings.Contains(html, "claim-linked") || strings.Contains(html, "note-linked") || !strings.Contains(html, `id="claim-fine"`) {
		t.Errorf("want claim fine highlighted and claim linked not:\n%s", html)
	}
}
