// Package sharecard draws the share card of one fact-checked claim: the
// picture that a chat or a social feed shows for a link to the claim's
// page, named there by og:image. Cards are drawn at build time, in Go, with
// the Go fonts of golang.org/x/image, which are compiled into the binary:
// no font file, program or network is needed.
//
// # Drawing a card
//
// A build writes one card beside each claim page:
//
//	var buf bytes.Buffer
//	err := sharecard.Render(&buf, sharecard.Card{
//		Grade:    "Unsupported",
//		Glyph:    "✗",
//		Tone:     "neg",
//		Claim:    "Taliban groups got guns from Russian government sources",
//		Claimant: "Two Taliban groups, via CNN",
//		Site:     "Scholia example desk",
//	})
//	// buf holds a PNG of Width by Height (1200x630) pixels, about 19 KB
//
// and names it in the page's head, with the card's text again as its alt
// text, since a picture's words reach no screen reader:
//
//	<meta property="og:image" content="https://example.org/a/claims/guns/card.png">
//	<meta property="og:image:width" content="1200">
//	<meta property="og:image:height" content="630">
//	<meta property="og:image:alt" content="Unsupported: “Taliban groups got guns …”">
//
// Render is safe for concurrent use, and the same Card always gives the
// same bytes, so a site builds reproducibly and a cache may keep cards.
//
// # What a card shows
//
// A band across the top in the tone's colour (green "pos", amber "mid",
// red "neg", slate "off"; an unknown tone is "off") holds the glyph and the
// grade's label in white bold, at 64px or, when that does not fit, 48px,
// cut with "…". The grade is always in words: the colour only repeats it.
//
// Below, the claim in curly quotes, the opening quote hung in the margin:
// at 64px on up to 3 lines if it fits, else 52px on up to 4, else 44px on
// up to 5, cut at a word with "…". It wraps at spaces, and inside a word
// only when the word alone is wider than a line. The claimant follows in
// italics after a dash, on one line, and the two are centred between the
// band and the footer. The footer holds the site's name in bold.
//
// Every text colour is at least 4.5:1 against its background (WCAG 2 AA).
//
// # Text the fonts cannot draw
//
// The Go fonts cover Latin, Greek and Cyrillic, and some symbols. A rune
// they have no glyph for (its glyph index is 0) is left out rather than
// drawn as an empty box, and a run of such runes separates words, so that
// "abc中def" is drawn "abc def". Text in Arabic, Hebrew, Chinese, Hindi and
// other scripts therefore comes out partial or empty: a card whose claim
// has nothing drawable shows no quotes at all, and one whose grade has
// nothing drawable shows its band and glyph alone. The grade symbols ✓ ✔ ✅
// and ✗ ✘ ❌, which the fonts lack, are drawn as the stand-ins √ and ×.
//
// Text is drawn left to right in logical order, unshaped: right-to-left
// text would come out reversed, which is another reason not to draw the
// runes of those scripts. Bidi controls, soft hyphens, zero-width spaces and
// other format characters are dropped, as are invalid UTF-8 and U+FFFD;
// control characters and runs of white space become one space.
//
// # Bounds and speed
//
// Each field is cut to a few hundred runes before layout (and at most four
// times that many are read), so any input, however long or hostile, is
// drawn in bounded time; text cut this way ends with "…" like text that
// did not fit.
//
// A card takes about 0.6 ms on one core (1.1 ms for a five-line claim).
// The fonts are parsed once, each glyph is rasterised once per size and
// kept, and the card is drawn into a reused paletted image of under 64
// colours (the background, the band, and 15 anti-aliasing shades for each
// pair of text and background colours), written a byte a pixel,
// unfiltered, with deflate's fastest level. Most rows of a card are one
// colour, and its band and footer recur from card to card: the PNG's
// stream is joined from segments compressed on their own, and only the
// claim's rows are compressed for each card; blank runs, bands and footers
// come from a small cache.
package sharecard
