package anchor

import (
	"iter"
	"strings"
)

// This file keeps the exact search linear in the text whatever the quote
// and its context: a long quote or context in a periodic text ("a a a ...")
// would otherwise be compared again at each of its many occurrences.

// indexAll yields the byte offset in text of every occurrence of pat, which
// must not be empty, overlapping ones included, in order.
func indexAll(text, pat string) iter.Seq[int] {
	return func(yield func(int) bool) {
		// strings.Index is the fastest, but each call compares the whole
		// of pat again at the occurrence it finds. Once that has cost as
		// much as a pass over the text, Knuth, Morris and Pratt's
		// algorithm takes over, which is linear however the occurrences
		// overlap.
		budget := len(text) + 1<<16
		from := 0
		for ; budget >= 0; budget -= len(pat) {
			i := strings.Index(text[from:], pat)
			if i < 0 || !yield(from+i) {
				return
			}
			from += i + 1
		}
		kmp(text, pat, from, yield)
	}
}

// kmp yields the offset of every occurrence of pat in text that starts at
// from or later, by Knuth, Morris and Pratt's algorithm, until yield
// returns false.
func kmp(text, pat string, from int, yield func(int) bool) {
	// border[i] is the length of the longest proper prefix of pat[:i+1]
	// that is also its suffix.
	border := make([]int, len(pat))
	for i, k := 1, 0; i < len(pat); i++ {
		for k > 0 && pat[i] != pat[k] {
			k = border[k-1]
		}
		if pat[i] == pat[k] {
			k++
		}
		border[i] = k
	}
	k := 0 // bytes of pat matched so far
	for j := from; j < len(text); j++ {
		for k > 0 && text[j] != pat[k] {
			k = border[k-1]
		}
		if text[j] == pat[k] {
			k++
		}
		if k == len(pat) {
			if !yield(j + 1 - len(pat)) {
				return
			}
			k = border[k-1]
		}
	}
}

// marks is where, in a text, a given prefix ends and a given suffix starts,
// as fits would find them (a nil slice when the context is empty): filter
// looks an occurrence's context up in it when comparing each one would cost
// more than a pass over the text.
type marks struct {
	prefixEnd, suffixStart []bool // indexed by byte offset, 0 to len(text)
}

// markContext finds the places of prefix and suffix in text.
func markContext(text, prefix, suffix string) marks {
	var mk marks
	if prefix != "" {
		mk.prefixEnd = make([]bool, len(text)+1)
		for p := range indexAll(text, prefix) {
			end := p + len(prefix)
			mk.prefixEnd[end] = true
			if !strings.HasSuffix(prefix, " ") && end < len(text) && text[end] == ' ' {
				mk.prefixEnd[end+1] = true // one space between prefix and quote
			}
		}
	}
	if suffix != "" {
		mk.suffixStart = make([]bool, len(text)+1)
		for p := range indexAll(text, suffix) {
			mk.suffixStart[p] = true
			if !strings.HasPrefix(suffix, " ") && p > 0 && text[p-1] == ' ' {
				mk.suffixStart[p-1] = true
			}
		}
	}
	return mk
}

// fits reports whether o's context fits the prefix and suffix that mk
// marks, as the function fits would tell.
func (mk marks) fits(o occ) bool {
	return (mk.prefixEnd == nil || mk.prefixEnd[o.s]) && (mk.suffixStart == nil || mk.suffixStart[o.e])
}
