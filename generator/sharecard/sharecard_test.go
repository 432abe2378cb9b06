package sharecard

import (
	"bytes"
	"hash/adler32"
	"image/color"
	"image/png"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

var example = Card{
	Grade: "Unsupported", Glyph: "✗", Tone: "neg",
	Claim:    "Taliban groups got guns from Russian government sources",
	Claimant: "Two Taliban groups, via CNN",
	Site:     "Scholia example desk",
}

func render(t testing.TB, c Card) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, c); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkPNG fails unless b is a PNG of Width by Height.
func checkPNG(t testing.TB, b []byte) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds(); got.Dx() != Width || got.Dy() != Height {
		t.Errorf("size %v, want %dx%d", got, Width, Height)
	}
}

func TestRender(t *testing.T) {
	for _, tc := range []struct {
		name string
		card Card
	}{
		{name: "example", card: example},
		{name: "empty"},
		{name: "100 KB", card: Card{Grade: strings.Repeat("Very ", 20000), Claim: strings.Repeat("word ", 20000),
			Claimant: strings.Repeat("x", 100000), Site: strings.Repeat(" ", 100000)}},
		{name: "hostile", card: Card{Grade: "\x00\x1b[31m", Glyph: "\xff✗✗✗✗✗✗", Tone: "<script>",
			Claim: "a\x00b\u202e \r\n\t\u200b\u00ad\ufeff" + strings.Repeat("x", 5000), Claimant: "\xff\xfe", Site: "\u202egnp.etis"}},
		{name: "not in Go fonts", card: Card{Grade: "غير مدعوم", Glyph: "🤥", Claim: "这是一个说法 עברית 😀", Claimant: "श्री", Site: "日本"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			checkPNG(t, render(t, tc.card))
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	want := render(t, example)
	done := make(chan []byte)
	for range 8 { // as a build draws them, in parallel
		go func() {
			var buf bytes.Buffer
			if err := Render(&buf, example); err != nil {
				t.Error(err)
			}
			done <- buf.Bytes()
		}()
	}
	for range 8 {
		if !bytes.Equal(<-done, want) {
			t.Error("the same card gave different bytes")
		}
	}
}

// TestDiffer: what a card shows changes its picture, and what cannot be
// drawn does not.
func TestDiffer(t *testing.T) {
	with := func(f func(*Card)) Card { c := example; f(&c); return c }
	for _, tc := range []struct {
		name string
		a, b Card
		same bool
	}{
		{name: "grade", a: example, b: with(func(c *Card) { c.Grade = "Accurate" })},
		{name: "tone", a: example, b: with(func(c *Card) { c.Tone = "pos" })},
		{name: "glyph", a: example, b: with(func(c *Card) { c.Glyph = "" })},
		{name: "claimant", a: example, b: with(func(c *Card) { c.Claimant = "" })},
		{name: "unknown tone is off", a: with(func(c *Card) { c.Tone = "off" }), b: with(func(c *Card) { c.Tone = "great" }), same: true},
		{name: "no tofu", a: with(func(c *Card) { c.Claim = "guns 中文" }), b: with(func(c *Card) { c.Claim = "guns" }), same: true},
		{name: "nothing drawable", a: with(func(c *Card) { c.Claim = "中文" }), b: with(func(c *Card) { c.Claim = "" }), same: true},
		{name: "stand-in", a: with(func(c *Card) { c.Glyph = "✗" }), b: with(func(c *Card) { c.Glyph = "×" }), same: true},
		{name: "white space", a: with(func(c *Card) { c.Claim = " Taliban\n\tgroups " }), b: with(func(c *Card) { c.Claim = "Taliban groups" }), same: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if same := bytes.Equal(render(t, tc.a), render(t, tc.b)); same != tc.same {
				t.Errorf("same = %v, want %v", same, tc.same)
			}
		})
	}
}

func TestWrap(t *testing.T) {
	fs, err := loadFaces()
	if err != nil {
		t.Fatal(err)
	}
	f := fs.claim[len(fs.claim)-1]
	long := strings.Repeat("the moon is made of green cheese ", 30)
	for _, tc := range []struct {
		name, text, tail string
		width            fixed.Int26_6
		max              int
		want             []string // nil: not checked
		cut              bool
		split            bool // a word is split over lines
	}{
		{name: "fits", text: "aaa bbb ccc ddd", width: f.width("aaa bbb"), max: 3, want: []string{"aaa bbb", "ccc ddd"}},
		{name: "tail", text: "aaa bbb", tail: "”", width: f.width("aaa bbb"), max: 3, want: []string{"aaa", "bbb”"}},
		{name: "cut", text: "aaa bbb ccc ddd", width: f.width("aaa bbb"), max: 1, want: []string{"aaa…"}, cut: true},
		{name: "cut with tail", text: "aaa bbb ccc", tail: "”", width: f.width("aaa bbb"), max: 1, want: []string{"aaa…”"}, cut: true},
		{name: "empty", text: " \t ", width: fixed.I(lineW), max: 3},
		{name: "no lines", text: "aaa", width: fixed.I(lineW), max: 0, cut: true},
		{name: "long", text: long, width: fixed.I(lineW), max: 5, cut: true},
		{name: "word wider than a line", text: "a " + strings.Repeat("w", 400), width: fixed.I(lineW), max: 3, cut: true, split: true},
		{name: "narrower than a rune", text: "www", width: 1, max: 5, want: []string{"w", "w", "w"}, split: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines, cut := wrap(f, tc.text, tc.width, tc.max, tc.tail)
			if tc.want != nil {
				if diff := cmp.Diff(tc.want, lines); diff != "" {
					t.Errorf("lines (-want +got):\n%s", diff)
				}
			}
			if cut != tc.cut {
				t.Errorf("cut = %v, want %v", cut, tc.cut)
			}
			if len(lines) > tc.max {
				t.Errorf("%d lines, want at most %d", len(lines), tc.max)
			}
			for _, l := range lines {
				if w := f.width(l); w > tc.width && tc.width > f.width("…") {
					t.Errorf("line %q is %v wide, more than %v", l, w, tc.width)
				}
			}
			joined := strings.Join(lines, " ")
			if cut && lines != nil && !strings.HasSuffix(joined, "…"+tc.tail) {
				t.Errorf("cut, but no ellipsis: %q", joined)
			}
			text, got := strings.Join(strings.Fields(tc.text+tc.tail), " "), strings.TrimSuffix(joined, "…"+tc.tail)
			if tc.split { // the lines break inside a word, where the text has no space
				text, got = strings.ReplaceAll(text, " ", ""), strings.ReplaceAll(got, " ", "")
			}
			if !strings.HasPrefix(text, got) {
				t.Errorf("lines %q are not the start of the text", lines)
			}
		})
	}
}

func TestClean(t *testing.T) {
	fs, err := loadFaces()
	if err != nil {
		t.Fatal(err)
	}
	f := fs.claim[0]
	for _, tc := range []struct {
		name, in, want string
		max            int
		cut            bool
	}{
		{name: "plain", in: "The moon", want: "The moon", max: 10},
		{name: "white space", in: "  a\n\tb\r\n c  ", want: "a b c", max: 10},
		{name: "controls", in: "a\x00\x1b[31mb", want: "a [31mb", max: 10},
		{name: "invalid UTF-8", in: "a\xffb\xfe", want: "ab", max: 10},
		{name: "format characters", in: "\u202egnp\u202c a\u00adb\u200bc\ufeff", want: "gnp abc", max: 10},
		{name: "no glyph", in: "abc中文def 中 x", want: "abc def x", max: 10},
		{name: "only missing", in: "中文", want: "", max: 10},
		{name: "kept runes", in: "abcdef", want: "abc", max: 3, cut: true},
		{name: "read runes", in: strings.Repeat(" ", 12) + "a", want: "", max: 3, cut: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, cut := f.clean(tc.in, tc.max)
			if got != tc.want || cut != tc.cut {
				t.Errorf("clean(%q, %d) = %q, %v; want %q, %v", tc.in, tc.max, got, cut, tc.want, tc.cut)
			}
		})
	}
}

// TestNoKerning: the layout adds advances up, which is right only while the
// fonts have no kerning.
func TestNoKerning(t *testing.T) {
	fs, err := loadFaces()
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for _, f := range []*face{fs.grade[0], fs.claim[0], fs.claimant} {
		for _, a := range "AVTLYWPFfo" {
			for _, b := range "AVTLYWoeay.," {
				x, _ := f.font.GlyphIndex(&buf, a)
				y, _ := f.font.GlyphIndex(&buf, b)
				if k, err := f.font.Kern(&buf, x, y, fixed.I(64), font.HintingNone); err == nil && k != 0 {
					t.Fatalf("%c%c kerns by %v: lay out with kerning", a, b, k)
				}
			}
		}
	}
}

// TestContrast: every text colour against its background, at WCAG's 4.5:1.
func TestContrast(t *testing.T) {
	for tone, p := range palettes {
		for _, pair := range []struct {
			name   string
			fg, bg int
		}{
			{name: "claim", fg: idxInk + rampLen - 1, bg: idxPaper},
			{name: "claimant and site", fg: idxMuted + rampLen - 1, bg: idxPaper},
			{name: "grade", fg: idxOnBand + rampLen - 1, bg: idxBand},
		} {
			if r := contrast(p[pair.fg], p[pair.bg]); r < 4.5 {
				t.Errorf("%s, %s: contrast %.2f:1, want 4.5:1 or more", tone, pair.name, r)
			}
		}
	}
}

// contrast is WCAG 2's contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xFFFF
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func FuzzRender(f *testing.F) {
	f.Add(example.Grade, example.Glyph, example.Tone, example.Claim, example.Claimant, example.Site)
	f.Add("", "", "", "", "", "")
	f.Add("\xff", "🤥", "mid", "这是 \u202eabc "+strings.Repeat("w", 300), "\x00", "\t")
	f.Fuzz(func(t *testing.T, grade, glyph, tone, claim, claimant, site string) {
		checkPNG(t, render(t, Card{Grade: grade, Glyph: glyph, Tone: tone, Claim: claim, Claimant: claimant, Site: site}))
	})
}

func BenchmarkRender(b *testing.B) {
	long := example
	long.Claim = strings.Repeat(example.Claim+", and more. ", 10)
	for _, bc := range []struct {
		name string
		card Card
	}{{name: "short", card: example}, {name: "long", card: long}} {
		b.Run(bc.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				n = len(render(b, bc.card))
			}
			b.ReportMetric(float64(n), "png-bytes")
		})
	}
}

// TestEncodeDecodes decodes cards with image/png and finds every pixel
// drawn, in every colour of the palette: the segments join into one valid
// stream, cached or not.
func TestEncodeDecodes(t *testing.T) {
	fs, err := loadFaces()
	if err != nil {
		t.Fatal(err)
	}
	cards := []Card{example, {}, {Tone: "pos", Grade: "Accurate", Site: example.Site},
		{Claim: strings.Repeat("Long claim words ", 60), Claimant: "x", Site: example.Site, Tone: "mid"},
		{Claim: "ẗ̈̈̈̈̈̈̈̈̈̈̈̈̈̈̈ḁ̯̯̯̯̯̯̯̯̯̯̯̯", Grade: "Unsupported", Tone: "neg"}}
	for range 2 { // the second time from the caches
		for _, c := range cards {
			want := newImage()
			draw(want, fs, c)
			img, err := png.Decode(bytes.NewReader(render(t, c)))
			if err != nil {
				t.Fatalf("%+v: %v", c, err)
			}
			for y := range Height {
				for x := range Width {
					if g, w := color.RGBAModel.Convert(img.At(x, y)), want.Palette[want.ColorIndexAt(x, y)]; g != color.RGBAModel.Convert(w) {
						t.Fatalf("%+v: pixel (%d, %d) is %v, want %v", c, x, y, g, w)
					}
				}
			}
		}
	}
}

func TestAdler32Combine(t *testing.T) {
	data := []byte(strings.Repeat("share card \xff\x00", 9000))
	for _, cut := range []int{0, 1, 5552, 65521, 65522, len(data)} {
		a, b := data[:cut], data[cut:]
		if got, want := adler32Combine(adler32.Checksum(a), adler32.Checksum(b), len(b)), adler32.Checksum(data); got != want {
			t.Errorf("cut at %d: %08x, want %08x", cut, got, want)
		}
	}
}
