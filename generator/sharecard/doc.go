// Package sharecard draws the share card of a claim: the PNG that a link
// to the claim's page shows in a chat or a social feed (its og:image). It
// is drawn at build time, in Go, with Go's own fonts (golang.org/x/image),
// which ship inside the binary: no file, font or network is needed.
//
// # Use
//
//	var buf bytes.Buffer
//	err := sharecard.Render(&buf, sharecard.Card{
//		Grade: "Unsupported", Tone: "off",
//		Claim: "Taliban groups got guns from Russian government sources",
//		Claimant: "Two Taliban groups, via CNN",
//		Site: "Scholia example desk",
//	})
//	// buf holds a Width x Height PNG
//
// # What it shows
//
// A band in the grade's tone with the grade's name in words (never colour
// alone), the claim in quotes, wrapped on words to at most six lines and
// cut with an ellipsis, who made it, and the site's name. Text contrasts
// with its background at 4.5:1 or more.
//
// # Limits
//
// Go's fonts cover Latin, Greek and Cyrillic. A character they lack is
// left out rather than drawn as a box, so Arabic or Chinese text comes out
// empty or partial: such a site keeps its own card design in mind.
// Right-to-left text would be drawn in logical order, for the same reason
// it is not shaped. Input is cut to a few hundred characters before layout,
// so any text renders in bounded time, and the same card always gives the
// same bytes.
package sharecard
