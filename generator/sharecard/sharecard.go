package sharecard

import (
	"bufio"
	"image"
	"image/color"
	"image/png"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Width and Height are the card's size in pixels: the 1.91:1 that link
// previews show in full.
const Width, Height = 1200, 630

// Card is what a share card shows.
type Card struct {
	Grade    string // the grade's name, shown in words
	Tone     string // "pos", "mid", "neg" or "off", as page.Grade's; colours the band
	Claim    string
	Claimant string // "" for none
	Site     string
}

// maxRunes bounds each text before layout.
const maxRunes = 400

// maxLines is how many lines the claim may take.
const maxLines = 6

var (
	ink   = color.RGBA{0x1a, 0x1a, 0x1a, 0xff}
	paper = color.RGBA{0xfb, 0xfa, 0xf7, 0xff}
	muted = color.RGBA{0x55, 0x55, 0x55, 0xff} // 7:1 on paper
	// bands are dark enough for white text at 4.5:1 or more.
	bands = map[string]color.RGBA{
		"pos": {0x1b, 0x6e, 0x3a, 0xff},
		"mid": {0x8a, 0x5a, 0x00, 0xff},
		"neg": {0xa3, 0x1d, 0x1d, 0xff},
		"off": {0x4a, 0x4a, 0x5a, 0xff},
	}
)

type faces struct {
	regular, bold *sfnt.Font
	grade, claim  font.Face
	small         font.Face
}

// fonts are parsed once; an sfnt.Font is safe to share.
var fonts = sync.OnceValues(func() ([2]*sfnt.Font, error) {
	reg, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return [2]*sfnt.Font{}, err
	}
	bold, err := opentype.Parse(gobold.TTF)
	return [2]*sfnt.Font{reg, bold}, err
})

// facePool holds sets of faces: a font.Face keeps buffers and may be used
// by one goroutine at a time, and a site's cards are drawn in parallel.
var facePool sync.Pool

// loaded is a set of faces to draw with; put it back in facePool after.
func loaded() (*faces, error) {
	if f, ok := facePool.Get().(*faces); ok {
		return f, nil
	}
	fs, err := fonts()
	if err != nil {
		return nil, err
	}
	f := &faces{regular: fs[0], bold: fs[1]}
	face := func(fnt *sfnt.Font, size float64) (font.Face, error) {
		return opentype.NewFace(fnt, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	}
	if f.grade, err = face(fs[1], 52); err != nil {
		return nil, err
	}
	if f.claim, err = face(fs[0], 50); err != nil {
		return nil, err
	}
	f.small, err = face(fs[0], 32)
	return f, err
}

// Colour pairs: a text colour over its background, each with 16 levels
// of coverage in the palette, so that the card is a paletted PNG (a byte a
// pixel, no filtering): several times faster to encode than RGBA.
const (
	onPaper = iota // ink on paper
	mutedOnPaper
	onBand // white on the grade's band
	levels = 16
)

func palette(band color.RGBA) color.Palette {
	pairs := [][2]color.RGBA{{paper, ink}, {paper, muted}, {band, {0xff, 0xff, 0xff, 0xff}}}
	var p color.Palette
	for _, pr := range pairs {
		for k := range levels {
			mix := func(a, b uint8) uint8 { return uint8((int(a)*(levels-1-k) + int(b)*k) / (levels - 1)) }
			p = append(p, color.RGBA{mix(pr[0].R, pr[1].R), mix(pr[0].G, pr[1].G), mix(pr[0].B, pr[1].B), 0xff})
		}
	}
	return p
}

// Render writes c's card to w as a PNG of Width x Height.
func Render(w io.Writer, c Card) error {
	f, err := loaded()
	if err != nil {
		return err
	}
	defer facePool.Put(f)
	band, ok := bands[c.Tone]
	if !ok {
		band = bands["off"]
	}
	img := image.NewPaletted(image.Rect(0, 0, Width, Height), palette(band)) // all paper
	fill(img, image.Rect(0, 0, Width, 120), onBand*levels)
	const margin = 64
	text(img, f.grade, f.bold, onBand, margin, 82, Width-2*margin, clean(c.Grade))
	y := 210
	for _, l := range Wrap(f.claim, f.regular, "“"+clean(c.Claim)+"”", Width-2*margin, maxLines) {
		text(img, f.claim, f.regular, onPaper, margin, y, Width-2*margin, l)
		y += 62
	}
	if c.Claimant != "" {
		text(img, f.small, f.regular, mutedOnPaper, margin, y+16, Width-2*margin, "— "+clean(c.Claimant))
	}
	fill(img, image.Rect(margin, Height-92, Width-margin, Height-90), mutedOnPaper*levels+levels-1)
	text(img, f.small, f.bold, onPaper, margin, Height-44, Width-2*margin, clean(c.Site))
	bw := bufio.NewWriter(w)
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(bw, img); err != nil {
		return err
	}
	return bw.Flush()
}

func fill(img *image.Paletted, r image.Rectangle, index uint8) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := img.Pix[img.PixOffset(r.Min.X, y):img.PixOffset(r.Max.X, y)]
		for i := range row {
			row[i] = index
		}
	}
}

// clean is s cut to maxRunes, on one line, without control characters or
// invalid UTF-8.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == maxRunes {
			b.WriteRune('…')
			break
		}
		if unicode.IsControl(r) || unicode.IsSpace(r) {
			r = ' '
		}
		b.WriteRune(r)
		n++
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// drawable is s without the characters fnt has no glyph for.
func drawable(fnt *sfnt.Font, s string) string {
	var buf sfnt.Buffer
	return strings.Map(func(r rune) rune {
		if i, err := fnt.GlyphIndex(&buf, r); err != nil || i == 0 {
			return -1
		}
		return r
	}, s)
}

// text draws s in colour pair with its baseline at (x, y), cut to width:
// into a coverage mask, whose levels then pick the pair's shades.
func text(img *image.Paletted, face font.Face, fnt *sfnt.Font, pair, x, y, width int, s string) {
	s = drawable(fnt, s)
	for s != "" && font.MeasureString(face, s) > fixed.I(width) {
		_, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
	}
	m := face.Metrics()
	r := image.Rect(x, y-m.Ascent.Ceil(), x+width, y+m.Descent.Ceil()).Intersect(img.Bounds())
	mask := image.NewAlpha(r)
	d := font.Drawer{Dst: mask, Src: image.Opaque, Face: face, Dot: fixed.P(x, y)}
	d.DrawString(s)
	for py := r.Min.Y; py < r.Max.Y; py++ {
		for px := r.Min.X; px < r.Max.X; px++ {
			if a := mask.Pix[mask.PixOffset(px, py)]; a > 0 {
				img.Pix[img.PixOffset(px, py)] = uint8(pair*levels + (int(a)*(levels-1)+127)/255)
			}
		}
	}
}

// Wrap breaks s into lines of whole words that fit width in face, at most
// max of them; when s does not fit, the last line ends with "…". A word
// longer than a line is cut.
func Wrap(face font.Face, fnt *sfnt.Font, s string, width, max int) []string {
	fits := func(t string) bool { return font.MeasureString(face, drawable(fnt, t)) <= fixed.I(width) }
	words := strings.Fields(s)
	var lines []string
	for len(words) > 0 && len(lines) < max {
		line := ""
		for len(words) > 0 {
			if next := strings.TrimSpace(line + " " + words[0]); fits(next) {
				line, words = next, words[1:]
				continue
			}
			if line == "" { // a word wider than the line: cut it
				w, k := words[0], len(words[0])
				for k > 0 && !fits(w[:k]) {
					_, n := utf8.DecodeLastRuneInString(w[:k])
					k -= n
				}
				if k == 0 {
					words = words[1:]
					break
				}
				line, words[0] = w[:k], w[k:]
			}
			break
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	if n := len(lines); len(words) > 0 && n > 0 {
		last := lines[n-1]
		for last != "" && !fits(last+"…") {
			_, k := utf8.DecodeLastRuneInString(last)
			last = last[:len(last)-k]
		}
		lines[n-1] = strings.TrimSpace(last) + "…"
	}
	return lines
}
