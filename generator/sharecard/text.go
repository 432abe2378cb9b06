package sharecard

import (
	"image"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// face is one font at one size, with its glyphs rasterised once and kept:
// a site's cards share a few hundred glyphs, and rasterising is most of
// the cost of drawing text. A face is safe for concurrent use.
type face struct {
	font   *sfnt.Font // safe for concurrent use: its methods take a Buffer
	capH   int        // height of capitals above the baseline, in pixels
	mu     sync.Mutex // guards rast, whose scratch space is shared
	rast   font.Face
	glyphs sync.Map // rune → *glyph, only for runes the font has
}

// glyph is a rasterised glyph for a dot at a whole pixel. Whole-pixel dots
// give one mask per rune; at 28px and more the lost subpixel placement is
// not visible.
type glyph struct {
	adv    fixed.Int26_6
	x, y   int     // the mask's top-left corner relative to the dot
	w, h   int     // the mask's size
	levels []uint8 // w*h coverage levels, 0 to levels-1, row by row
}

// buffers are sfnt scratch space for GlyphIndex outside a face's lock.
var buffers = sync.Pool{New: func() any { return new(sfnt.Buffer) }}

// newFace makes a face of f at size pixels.
func newFace(f *sfnt.Font, size float64) (*face, error) {
	rast, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	return &face{font: f, capH: rast.Metrics().CapHeight.Round(), rast: rast}, nil
}

// glyph returns r's glyph, or nil when the font has none for it (its glyph
// index is 0, .notdef, which Go fonts draw as a box).
func (f *face) glyph(r rune) *glyph {
	if g, ok := f.glyphs.Load(r); ok {
		return g.(*glyph)
	}
	buf := buffers.Get().(*sfnt.Buffer)
	i, err := f.font.GlyphIndex(buf, r)
	buffers.Put(buf)
	if err != nil || i == 0 {
		// Not kept: runes a font lacks are unbounded in number.
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if g, ok := f.glyphs.Load(r); ok {
		return g.(*glyph)
	}
	dr, mask, mp, adv, ok := f.rast.Glyph(fixed.Point26_6{}, r)
	if !ok {
		return nil
	}
	g := &glyph{adv: adv, x: dr.Min.X, y: dr.Min.Y, w: dr.Dx(), h: dr.Dy()}
	g.levels = make([]uint8, 0, g.w*g.h)
	for y := range g.h {
		for x := range g.w {
			_, _, _, a := mask.At(mp.X+x, mp.Y+y).RGBA()
			g.levels = append(g.levels, uint8((a*(levels-1)+0x7FFF)/0xFFFF))
		}
	}
	f.glyphs.Store(r, g)
	return g
}

// width is how wide s is drawn. Go fonts have no kerning (TestNoKerning
// checks), so widths add up: width(a+b) == width(a)+width(b).
func (f *face) width(s string) fixed.Int26_6 {
	var w fixed.Int26_6
	for _, r := range s {
		if g := f.glyph(r); g != nil {
			w += g.adv
		}
	}
	return w
}

// fit is the length in bytes of the longest prefix of s no wider than max.
func (f *face) fit(s string, max fixed.Int26_6) int {
	var w fixed.Int26_6
	for i, r := range s {
		if g := f.glyph(r); g != nil {
			w += g.adv
		}
		if w > max {
			return i
		}
	}
	return len(s)
}

// clean makes s safe to lay out in f: invalid UTF-8, U+FFFD and format
// characters (bidi controls, soft hyphens, zero-width spaces) are dropped;
// control characters and runs of white space become one space; a run of
// runes f has no glyph for is dropped too, but separates words, so that
// "abc中def" does not read as one word. At most max runes are kept and
// 4*max read, which bounds the work for any input; cut reports that s was
// not read to its end.
func (f *face) clean(s string, max int) (out string, cut bool) {
	var b strings.Builder
	kept, gap := 0, false // gap: a space is due before the next rune kept
	for read := 0; s != ""; read++ {
		r, n := utf8.DecodeRuneInString(s)
		if read == 4*max {
			return b.String(), true
		}
		s = s[n:]
		switch {
		case r == utf8.RuneError, unicode.Is(unicode.Cf, r):
		case unicode.IsSpace(r), unicode.IsControl(r), f.glyph(r) == nil:
			gap = b.Len() > 0
		case kept == max:
			return b.String(), true
		default:
			if gap {
				b.WriteByte(' ')
				gap = false
			}
			b.WriteRune(r)
			kept++
		}
	}
	return b.String(), false
}

// cut is s cleaned for f, ending with "…" when it was cut.
func (f *face) cut(s string, max int) string {
	s, cut := f.clean(s, max)
	if cut {
		s += "…"
	}
	return s
}

// wrap breaks text into at most maxLines lines no wider than width, at
// spaces, and inside a word only when the word alone is wider than a line.
// tail is glued to the end of the text (a closing quote). When the text
// does not fit, the last line ends with "…" and tail instead, and cut is
// true.
func wrap(f *face, text string, width fixed.Int26_6, maxLines int, tail string) (lines []string, cut bool) {
	words := strings.Fields(text)
	if len(words) == 0 || maxLines < 1 {
		return nil, len(words) > 0
	}
	words[len(words)-1] += tail
	sp := f.width(" ")
	line, lw := "", fixed.Int26_6(0)
	full := func() bool { // pushes line; reports that no line is left
		lines = append(lines, line)
		line, lw = "", 0
		return len(lines) == maxLines
	}
	for _, word := range words {
		ww := f.width(word)
		if line != "" {
			if lw+sp+ww <= width {
				line, lw = line+" "+word, lw+sp+ww
				continue
			}
			if full() {
				return ellipsize(f, lines, width, tail), true
			}
		}
		for ww > width {
			_, first := utf8.DecodeRuneInString(word)
			n := max(f.fit(word, width), first) // at least a rune a line
			if n == len(word) {
				break // one rune wider than a line: it overflows
			}
			line = word[:n]
			if full() {
				return ellipsize(f, lines, width, tail), true
			}
			word = word[n:]
			ww = f.width(word)
		}
		line, lw = word, ww
	}
	return append(lines, line), false
}

// ellipsize ends the last of lines, which is followed by text that did not
// fit, with "…" and tail, dropping words or runes to make room.
func ellipsize(f *face, lines []string, width fixed.Int26_6, tail string) []string {
	end := "…" + tail
	last := lines[len(lines)-1]
	for last != "" && f.width(last)+f.width(end) > width {
		if i := strings.LastIndexByte(last, ' '); i >= 0 {
			last = last[:i]
		} else {
			_, n := utf8.DecodeLastRuneInString(last)
			last = last[:len(last)-n]
		}
	}
	lines[len(lines)-1] = strings.TrimRight(last, " ,;:") + end
	return lines
}

// text draws s on img with its dot starting at (x, baseline), in the
// colours of the ramp that starts at palette index ramp.
func text(img *image.Paletted, f *face, x fixed.Int26_6, baseline int, s string, ramp uint8) {
	for _, r := range s {
		g := f.glyph(r)
		if g == nil {
			continue
		}
		blit(img, g, x.Round()+g.x, baseline+g.y, ramp)
		x += g.adv
	}
}

// blit draws g's mask with its top-left corner at (x0, y0). Where glyphs
// overlap, the higher coverage wins, as it would in the same ramp.
func blit(img *image.Paletted, g *glyph, x0, y0 int, ramp uint8) {
	b := img.Rect
	for y := max(0, b.Min.Y-y0); y < g.h && y0+y < b.Max.Y; y++ {
		row := g.levels[y*g.w : (y+1)*g.w]
		o := img.PixOffset(x0, y0+y)
		for x := max(0, b.Min.X-x0); x < g.w && x0+x < b.Max.X; x++ {
			l := row[x]
			if l == 0 {
				continue
			}
			i := ramp + l - 1
			if p := img.Pix[o+x]; p >= ramp && p < ramp+rampLen && p >= i {
				continue
			}
			img.Pix[o+x] = i
		}
	}
}
