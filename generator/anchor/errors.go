package anchor

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Sentinel errors, for errors.Is on an *Error.
var (
	// ErrNotFound: the quote occurs nowhere, not with the given prefix and
	// suffix, or fewer times than its occurrence asks.
	ErrNotFound = errors.New("quote not found")
	// ErrAmbiguous: the quote matches several places.
	ErrAmbiguous = errors.New("quote is ambiguous")
	// ErrCrossBlock: the quote is only found across a block boundary.
	ErrCrossBlock = errors.New("quote crosses blocks")
	// ErrInCode: the quote is only found in a code block or raw HTML.
	ErrInCode = errors.New("quote is in a code block or raw HTML")
	// ErrEmpty: the quote is empty after normalisation.
	ErrEmpty = errors.New("quote is empty")
)

// Place is one place in the article, for error messages.
type Place struct {
	Line, Col int
	Context   string // the normalised text around it, with the match marked
}

// Error is why a quote could not be anchored. Its message names places as
// Doc.Path:LINE:COL and does not start with a position: the caller prefixes
// the sidecar's position of the quote.
type Error struct {
	Kind   error   // one of the sentinels above
	Msg    string  // the whole message
	Places []Place // the matches (ambiguous), at most the first 10; the block ends (cross-block); or the closest passage (not found)
	// Suggest is, for an ambiguous quote, a prefix that makes the first
	// match unique; for a quote not found, the closest passage.
	Suggest string

	closest *candidate // for Closest: the approximate search already done (not found)
	tried   bool       // the approximate search was done, closest may be nil
}

// Error returns e.Msg.
func (e *Error) Error() string { return e.Msg }

// Unwrap returns e.Kind.
func (e *Error) Unwrap() error { return e.Kind }

// where formats a place as PATH:LINE:COL, or PATH when the line is unknown.
func (d *Doc) where(line, col int) string {
	path := d.Path
	if path == "" {
		path = "the article"
	}
	if line == 0 {
		return path
	}
	return fmt.Sprintf("%s:%d:%d", path, line, col)
}

// place returns the Place of bytes [s, e) of the normalised text.
func (nd *normDoc) place(d *Doc, s, e int) Place {
	line, col := nd.lineCol(d, s)
	return Place{Line: line, Col: col, Context: context(nd.text, s, e)}
}

// places formats ps as `PATH:LINE:COL "context"`, comma-separated.
func (d *Doc) places(ps []Place) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %q", d.where(p.Line, p.Col), p.Context)
	}
	return b.String()
}

// Context sizes, in code points.
const (
	ctxSide  = 20 // text shown on either side of a match
	ctxMatch = 40 // longest match shown whole
)

// context returns bytes [s, e) of text with up to ctxSide code points on
// either side, cut at a space where possible, as "…before [match] after…".
// A long match is shortened in its middle.
func context(text string, s, e int) string {
	before := lastRunes(text[:s], ctxSide)
	if len(before) < s {
		if i := strings.IndexByte(before, ' '); i >= 0 && i < len(before)-1 {
			before = before[i+1:]
		}
		before = "…" + before
	}
	after := firstRunes(text[e:], ctxSide)
	if len(after) < len(text)-e {
		if i := strings.LastIndexByte(after, ' '); i > 0 {
			after = after[:i]
		}
		after += "…"
	}
	return before + "[" + shorten(text[s:e], ctxMatch) + "]" + after
}

// shorten returns s, or when it is longer than n code points its start and
// end joined by " … ".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return firstRunes(s, n/2) + " … " + lastRunes(s, n/2)
}

// pluralPlaces returns "1 place" or "N places".
func pluralPlaces(n int) string {
	if n == 1 {
		return "1 place"
	}
	return fmt.Sprintf("%d places", n)
}
