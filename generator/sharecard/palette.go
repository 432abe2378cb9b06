package sharecard

import "image/color"

// levels is how many coverage levels anti-aliased text is drawn with,
// 0 (background) to levels-1 (full text colour). Sixteen look smooth at
// these sizes and keep the palette small, which keeps the PNG small.
const levels = 16

// Palette indexes. A ramp holds rampLen entries: coverage level l (1 to
// levels-1) of a text colour over its background is at ramp+l-1.
const (
	idxPaper  = 0                   // the card's background
	idxInk    = 1                   // ramp: claim text on paper
	idxMuted  = idxInk + rampLen    // ramp: claimant and site on paper
	idxBand   = idxMuted + rampLen  // the tone's band
	idxOnBand = idxBand + 1         // ramp: grade label on the band
	idxRule   = idxOnBand + rampLen // the line above the footer
	nColours  = idxRule + 1         // palette size, at most 256
	rampLen   = levels - 1
)

// offTone is the tone of a grade off the scale, and of a card whose Tone
// is not known.
const offTone = "off"

// The colours. Every text colour is at least 4.5:1 against what it is
// drawn on (WCAG 2 AA for normal text; TestContrast checks), so that the
// card reads for people with low vision and survives a social network's
// recompression.
var (
	paper = color.RGBA{0xFB, 0xFA, 0xF7, 0xFF}
	ink   = color.RGBA{0x1C, 0x1C, 0x1E, 0xFF}
	muted = color.RGBA{0x55, 0x55, 0x5A, 0xFF}
	white = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	rule  = color.RGBA{0xE0, 0xDC, 0xD3, 0xFF}
	// bands are the tone colours, all dark enough for white text.
	bands = map[string]color.RGBA{
		"pos":   {0x1F, 0x7A, 0x45, 0xFF},
		"mid":   {0x99, 0x5C, 0x00, 0xFF},
		"neg":   {0xB3, 0x26, 0x1E, 0xFF},
		offTone: {0x4B, 0x55, 0x63, 0xFF},
	}
)

// palettes holds one palette per tone, built once: only the band and the
// grade label's ramp differ between them.
var palettes = func() map[string]color.Palette {
	m := make(map[string]color.Palette, len(bands))
	for tone, band := range bands {
		p := make(color.Palette, nColours)
		p[idxPaper] = paper
		ramp(p[idxInk:], ink, paper)
		ramp(p[idxMuted:], muted, paper)
		p[idxBand] = band
		ramp(p[idxOnBand:], white, band)
		p[idxRule] = rule
		m[tone] = p
	}
	return m
}()

// ramp fills p[:rampLen] with fg over bg at coverage 1/(levels-1) to 1,
// mixed in sRGB as image/draw would.
func ramp(p color.Palette, fg, bg color.RGBA) {
	for i := range rampLen {
		a := i + 1
		mix := func(f, b uint8) uint8 {
			return uint8((int(f)*a + int(b)*(rampLen-a) + rampLen/2) / rampLen)
		}
		p[i] = color.RGBA{mix(fg.R, bg.R), mix(fg.G, bg.G), mix(fg.B, bg.B), 0xFF}
	}
}

// paletteFor is the palette for a tone; an unknown tone is "off".
func paletteFor(tone string) color.Palette {
	if p, ok := palettes[tone]; ok {
		return p
	}
	return palettes[offTone]
}
