package sharecard

import (
	"image"
	"io"
	"strings"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Card is what a share card shows. Every field may be empty, and may hold
// any text: see the package doc for what is drawn of it.
type Card struct {
	Grade    string // the grade's label, e.g. "Unsupported", in words
	Glyph    string // the grade's symbol, e.g. "✗", shown before Grade
	Tone     string // "pos", "mid", "neg" or "off", as page.Grade's: the band's colour
	Claim    string // shown in quotes
	Claimant string // who made the claim, e.g. "Two Taliban groups, via CNN"
	Site     string // the site's name, in the footer
}

// Width and Height are the size of every card in pixels: the 1.91:1 that
// Facebook, LinkedIn and X show large.
const (
	Width  = 1200
	Height = 630
)

// The layout, in pixels.
const (
	margin = 72               // left and right of all text
	bandH  = 150              // the tone's band at the top
	ruleY  = 540              // the line above the footer
	ruleH  = 2                // its thickness
	siteY  = 596              // the site name's baseline
	lineW  = Width - 2*margin // the width text wraps at
)

// The fields are cut to these many runes before layout; more would not fit
// on the card at the smallest size anyway.
const (
	maxGrade    = 80
	maxGlyph    = 4
	maxClaim    = 500
	maxClaimant = 200
	maxSite     = 100
)

// claimSizes are the claim's font sizes, largest first, with the lines
// each may take: the claim gets the largest that holds all of it, else
// the last, cut with "…".
var claimSizes = []struct {
	size  float64
	lines int
}{{64, 3}, {52, 4}, {44, 5}}

// gradeSizes are the grade label's, on one line.
var gradeSizes = []float64{64, 48}

// faces are all the faces a card uses.
type faces struct {
	grade    []*face // by gradeSizes
	claim    []*face // by claimSizes
	claimant *face
	site     *face
}

// loadFaces parses the Go fonts, which are compiled into the binary, once.
var loadFaces = sync.OnceValues(func() (*faces, error) {
	regular, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, err
	}
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, err
	}
	italic, err := opentype.Parse(goitalic.TTF)
	if err != nil {
		return nil, err
	}
	fs := new(faces)
	add := func(dst **face, f *opentype.Font, size float64) {
		if err == nil {
			*dst, err = newFace(f, size)
		}
	}
	fs.grade = make([]*face, len(gradeSizes))
	for i, size := range gradeSizes {
		add(&fs.grade[i], bold, size)
	}
	fs.claim = make([]*face, len(claimSizes))
	for i, s := range claimSizes {
		add(&fs.claim[i], regular, s.size)
	}
	add(&fs.claimant, italic, 30)
	add(&fs.site, bold, 28)
	return fs, err
})

// Render writes c's card to w as a PNG of Width by Height pixels. The same
// Card always gives the same bytes. It is safe for concurrent use, and
// fails only when w does.
func Render(w io.Writer, c Card) error {
	fs, err := loadFaces()
	if err != nil {
		return err
	}
	img := images.Get().(*image.Paletted)
	defer images.Put(img)
	draw(img, fs, c)
	return encode(w, img)
}

// images keeps cards' images between cards: a new one for each would be
// most of the garbage a build of many cards makes.
var images = sync.Pool{New: func() any { return newImage() }}

// newImage is an image of a card's size.
func newImage() *image.Paletted { return image.NewPaletted(image.Rect(0, 0, Width, Height), nil) }

// draw lays c out on img, which is newImage's or a card's drawn before.
func draw(img *image.Paletted, fs *faces, c Card) {
	img.Palette = paletteFor(c.Tone)
	fill(img, image.Rect(0, 0, Width, bandH), idxBand)
	clear(img.Pix[img.PixOffset(0, bandH):])
	fill(img, image.Rect(margin, ruleY, Width-margin, ruleY+ruleH), idxRule)
	drawGrade(img, fs, c.Glyph, c.Grade)
	drawClaim(img, fs, c.Claim, c.Claimant)
	site := fs.site.cut(c.Site, maxSite)
	if lines, _ := wrap(fs.site, site, fixed.I(lineW), 1, ""); lines != nil {
		text(img, fs.site, fixed.I(margin), siteY, lines[0], idxMuted)
	}
}

// drawGrade writes the glyph and the grade label in the band, on one
// line, at the largest size that holds them.
func drawGrade(img *image.Paletted, fs *faces, glyph, grade string) {
	var f *face
	var lines []string
	for _, f = range fs.grade {
		label := f.cut(standIn(f, glyph), maxGlyph) + " " + f.cut(grade, maxGrade)
		var cut bool
		if lines, cut = wrap(f, label, fixed.I(lineW), 1, ""); !cut {
			break
		}
	}
	if lines != nil {
		text(img, f, fixed.I(margin), (bandH+f.capH)/2, lines[0], idxOnBand)
	}
}

// drawClaim writes the claim in quotes, with the opening quote hung in the
// margin so that the text lines up, and the claimant below it; the two
// are centred between the band and the footer.
func drawClaim(img *image.Paletted, fs *faces, claim, claimant string) {
	f, lines, lineH := claimLines(fs, claim)
	by := fs.claimant
	who := by.cut(claimant, maxClaimant)
	byline, _ := wrap(by, "— "+who, fixed.I(lineW), 1, "")
	if who == "" {
		byline = nil
	}
	gap := lineH/2 + 12 // from the claim's last baseline to the claimant's capitals
	h := 0              // from the first capitals to the last baseline
	if lines != nil {
		h = f.capH + (len(lines)-1)*lineH
	}
	if byline != nil {
		if lines != nil {
			h += gap
		}
		h += by.capH
	}
	y := bandH + (ruleY-bandH-h)/2
	if lines != nil {
		y += f.capH
		text(img, f, fixed.I(margin)-f.width("“"), y, "“", idxInk)
		for _, l := range lines {
			text(img, f, fixed.I(margin), y, l, idxInk)
			y += lineH
		}
		y += gap - lineH
	}
	if byline != nil {
		text(img, by, fixed.I(margin), y+by.capH, byline[0], idxMuted)
	}
}

// standIns are drawn for the grade symbols Go fonts lack, among them
// page's defaults ✓ and ✗.
var standIns = map[rune]rune{
	'✓': '√', '✔': '√', '✅': '√', '☑': '√',
	'✗': '×', '✘': '×', '✕': '×', '✖': '×', '❌': '×', '☒': '×',
}

// standIn is glyph with each rune f lacks replaced by its stand-in, up to
// as many runes as clean reads of it.
func standIn(f *face, glyph string) string {
	var b strings.Builder
	n := 0
	for _, r := range glyph {
		if n++; n > 4*maxGlyph+1 { // one more than clean reads, so that it sees a cut
			break
		}
		if s, ok := standIns[r]; ok && f.glyph(r) == nil {
			r = s
		}
		b.WriteRune(r)
	}
	return b.String()
}

// claimLines wraps the claim at the largest size that holds it, and gives
// that size's face and line height.
func claimLines(fs *faces, claim string) (*face, []string, int) {
	var lines []string
	for i, s := range claimSizes {
		f := fs.claim[i]
		var more bool
		lines, more = wrap(f, f.cut(claim, maxClaim), fixed.I(lineW), s.lines, "”")
		if !more || i == len(claimSizes)-1 {
			return f, lines, int(s.size * 1.25)
		}
	}
	panic("unreachable: claimSizes is empty")
}

// fill paints r in palette index i.
func fill(img *image.Paletted, r image.Rectangle, i uint8) {
	r = r.Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := img.Pix[img.PixOffset(r.Min.X, y):img.PixOffset(r.Max.X, y)]
		for x := range row {
			row[x] = i
		}
	}
}
