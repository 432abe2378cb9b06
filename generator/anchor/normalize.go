package anchor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s normalised as quotes and text are before matching:
// NFC, white space runs to one space, curly quotes straight, dashes and
// "--"/"---" to "-", "…" to "...", trimmed. See the package doc, section
// Normalisation, for the exact rules.
func Normalize(s string) string {
	n := normalizer{trim: true}
	n.run(s)
	return string(n.out)
}

// normalizeContext normalises a prefix or suffix: as Normalize, but not
// trimmed, since a space at the end of a prefix is significant.
func normalizeContext(s string) string {
	n := normalizer{}
	n.run(s)
	return string(n.out)
}

// A normalizer turns raw text into normalised text. With track set, it
// records for every output byte the raw byte range [rs, re) of the unit it
// came from. A unit is one NFC segment (a starter and its combining marks), a
// run of white space or a run of dashes; a unit's output is never split by a
// match, so that a highlight never cuts a character in two.
type normalizer struct {
	trim   bool // drop leading and trailing white space
	track  bool // fill rs and re
	out    []byte
	rs, re []int32

	pend   byte // pending run: 0, ' ' or '-'
	pa, pb int  // its raw range
}

// run normalises s, appending to n.out.
func (n *normalizer) run(s string) {
	if isPlainASCII(s) {
		n.runASCII(s)
		return
	}
	var it norm.Iter
	it.InitString(norm.NFC, s)
	var acc []byte
	a := 0
	for !it.Done() {
		acc = append(acc, it.Next()...)
		b := it.Pos()
		if b == a && !it.Done() {
			// Part of a multi-segment decomposition: the raw input is
			// consumed by a later call; keep the output for that unit.
			continue
		}
		n.unit(acc, a, b)
		acc = acc[:0]
		a = b
	}
	if len(acc) > 0 { // cannot happen, but never lose text
		n.unit(acc, a, len(s))
	}
	n.flush(true)
}

// isPlainASCII reports whether s is all ASCII, which NFC leaves alone.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// runASCII is run for ASCII text, where NFC changes nothing: the common
// case, and much faster without norm.Iter.
func (n *normalizer) runASCII(s string) {
	for i := 0; i < len(s); i++ {
		n.unit(unsafeByte(s, i), i, i+1)
	}
	n.flush(true)
}

// asciiBytes holds every ASCII byte, so that runASCII can pass a one-byte
// slice without allocating.
var asciiBytes = func() (b [128]byte) {
	for i := range b {
		b[i] = byte(i)
	}
	return b
}()

func unsafeByte(s string, i int) []byte {
	c := s[i]
	return asciiBytes[c : c+1]
}

// unit handles one NFC segment seg that came from raw bytes [a, b).
func (n *normalizer) unit(seg []byte, a, b int) {
	r, size := utf8.DecodeRune(seg)
	if size == len(seg) && !(r == utf8.RuneError && size <= 1) {
		switch {
		case isSpace(r):
			n.run1(' ', a, b)
			return
		case isDash(r):
			n.run1('-', a, b)
			return
		}
		if rep := replacement(r); rep != "" {
			n.flush(false)
			n.emit(rep, a, b)
			return
		}
	}
	n.flush(false)
	if !utf8.Valid(seg) {
		n.emit(validUTF8(seg), a, b)
		return
	}
	n.emitBytes(seg, a, b)
}

// validUTF8 returns s with each byte that is not part of a valid UTF-8
// sequence replaced by U+FFFD (one for each byte, so that the result does
// not depend on how the text was cut into segments).
func validUTF8(s []byte) string {
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.Write(s[:size])
		}
		s = s[size:]
	}
	return b.String()
}

// run1 adds a character of a run (white space or dashes) that becomes one
// character c, from raw bytes [a, b).
func (n *normalizer) run1(c byte, a, b int) {
	if n.pend == c {
		n.pb = b
		return
	}
	n.flush(false)
	n.pend, n.pa, n.pb = c, a, b
}

// flush emits the pending run, if any; at the end of the text (final) or
// at its start, white space is dropped when trimming.
func (n *normalizer) flush(final bool) {
	c := n.pend
	if c == 0 {
		return
	}
	n.pend = 0
	if c == ' ' && n.trim && (final || len(n.out) == 0) {
		return
	}
	n.emit(string(c), n.pa, n.pb)
}

func (n *normalizer) emit(s string, a, b int) {
	n.out = append(n.out, s...)
	n.track1(len(s), a, b)
}

func (n *normalizer) emitBytes(s []byte, a, b int) {
	n.out = append(n.out, s...)
	n.track1(len(s), a, b)
}

func (n *normalizer) track1(k, a, b int) {
	if !n.track {
		return
	}
	for range k {
		n.rs = append(n.rs, int32(a))
		n.re = append(n.re, int32(b))
	}
}

// isSpace reports whether r is white space: Unicode White_Space, which
// includes line breaks, NBSP (U+00A0), the narrow NBSP (U+202F) and the
// ideographic space (U+3000).
func isSpace(r rune) bool {
	return unicode.IsSpace(r)
}

// isDash reports whether r is a dash that normalises to "-": the ASCII
// hyphen-minus, the hyphens U+2010 and U+2011, the figure, en, em and
// horizontal-bar dashes U+2012..U+2015, the minus sign U+2212 and the two-
// and three-em dashes U+2E3A, U+2E3B. A run of them becomes one "-".
func isDash(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015',
		'\u2212', '\u2E3A', '\u2E3B':
		return true
	}
	return false
}

// replacement returns what r normalises to when that is not r itself.
func replacement(r rune) string {
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B': // ‘ ’ ‚ ‛
		return "'"
	case '\u201C', '\u201D', '\u201E', '\u201F': // “ ” „ ‟
		return `"`
	case '\u2026': // …
		return "..."
	}
	return ""
}
