// Package slug turns names into URL segments and ids.
//
// # Use
//
//	slug.Make("Mostly True!", slug.ASCII) // "mostly-true"
//	slug.Make("Россия", slug.Letters)     // "россия"
//
// The name is lower-cased; the characters keep allows are kept, and each run
// of other characters becomes one '-', never at either end.
package slug

import (
	"strings"
	"unicode"
)

// Make returns the slug of s, keeping the characters keep allows; it may
// return "".
func Make(s string, keep func(rune) bool) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if !keep(r) {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteRune(r)
		dash = false
	}
	return b.String()
}

// ASCII keeps ASCII letters and digits.
func ASCII(r rune) bool { return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' }

// Letters keeps letters and digits of any script.
func Letters(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
