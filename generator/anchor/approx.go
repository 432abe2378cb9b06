package anchor

// This file is Myers' bit-parallel algorithm for approximate string matching
// (G. Myers, "A fast bit-vector algorithm for approximate string matching
// based on dynamic programming", J. ACM 46(3), 1999), in the block form of
// H. Hyyrö ("Explaining and extending the bit-parallel approximate string
// matching algorithm of Myers", 2001) so that patterns longer than 64 code
// points work: each column of the dynamic-programming matrix is held as
// vertical deltas in ceil(m/64) 64-bit words, and the horizontal delta at the
// last row of one word is carried into the next. It works on code points
// (runes), so an edit is one character whatever its UTF-8 length.

// myers is a pattern prepared for Myers' algorithm.
type myers struct {
	m      int      // pattern length in code points
	nb     int      // 64-bit words per column: ceil(m/64)
	peq    []uint64 // per symbol, nb words: bit i set where pattern[i] is the symbol; symbol 0 (not in the pattern) is all zero
	ascii  [128]int32
	other  map[rune]int32
	top    uint // the row of the pattern's last code point in the last word
	pv, mv []uint64
}

// newMyers prepares pat, which must not be empty, or returns nil when its
// table would take more than maxWords 64-bit words: a long quote of many
// different code points (Chinese, say) needs one row of ceil(m/64) words
// per code point.
func newMyers(pat []rune, maxWords int) *myers {
	my := &myers{m: len(pat), nb: (len(pat) + 63) / 64, other: map[rune]int32{}}
	nsym := int32(0)
	syms := make([]int32, len(pat))
	for i, r := range pat {
		s := my.symbol(r)
		if s == 0 {
			nsym++
			s = nsym
			if r >= 0 && r < 128 {
				my.ascii[r] = s
			} else {
				my.other[r] = s
			}
		}
		syms[i] = s
	}
	if int(nsym+1) > maxWords/my.nb {
		return nil
	}
	my.peq = make([]uint64, int(nsym+1)*my.nb)
	for i, s := range syms {
		my.peq[int(s)*my.nb+i/64] |= 1 << (i % 64)
	}
	my.top = uint(my.m-1) % 64
	my.pv = make([]uint64, my.nb)
	my.mv = make([]uint64, my.nb)
	return my
}

// symbol returns the pattern symbol of r, 0 when r is not in the pattern.
func (my *myers) symbol(r rune) int32 {
	if r >= 0 && r < 128 {
		return my.ascii[r]
	}
	return my.other[r]
}

// scores sets out[j], for each j in text, to the edit distance (Levenshtein:
// insertions, deletions, substitutions of code points) between the pattern
// and the closest substring of text that ends at j+1. With anchored set, the
// substring must start at 0: out[j] is the distance to text[:j+1].
func (my *myers) scores(text []rune, anchored bool, out []int32) {
	nb := my.nb
	pv, mv := my.pv[:nb], my.mv[:nb]
	for b := range pv {
		pv[b], mv[b] = ^uint64(0), 0
	}
	// The horizontal delta in row 0, as its + and - bits: 0 searching
	// (a passage may start anywhere), +1 anchored.
	var hin uint64
	if anchored {
		hin = 1
	}
	score := my.m
	if nb == 1 {
		p, m := pv[0], mv[0]
		for j, r := range text {
			var hp, hn uint64
			p, m, hp, hn = step(p, m, my.peq[my.symbol(r)], hin, 0, my.top)
			score += int(hp) - int(hn)
			out[j] = int32(score)
		}
		return
	}
	for j, r := range text {
		eq := my.peq[int(my.symbol(r))*nb:][:nb]
		hp, hn := hin, uint64(0)
		for b := range nb - 1 {
			pv[b], mv[b], hp, hn = step(pv[b], mv[b], eq[b], hp, hn, 63)
		}
		pv[nb-1], mv[nb-1], hp, hn = step(pv[nb-1], mv[nb-1], eq[nb-1], hp, hn, my.top)
		score += int(hp) - int(hn)
		out[j] = int32(score)
	}
}

// step advances one 64-row word of a column by one text character: pv and
// mv are the word's positive and negative vertical deltas, eq the rows whose
// pattern character equals the text character, hp and hn (0 or 1) the
// positive and negative horizontal delta entering at the row below the word.
// It returns the new deltas and the horizontal delta, as hp and hn, at the
// word's row top. It has no branches, so that it is inlined in the loops of
// scores.
func step(pv, mv, eq, hp, hn uint64, top uint) (uint64, uint64, uint64, uint64) {
	eq |= hn
	xv := eq | mv
	xh := (((eq & pv) + pv) ^ pv) | eq
	ph := mv | ^(xh | pv)
	mh := pv & xh
	ph2, mh2 := ph<<1|hp, mh<<1|hn
	return mh2 | ^(xv | ph2), ph2 & xv, ph >> top & 1, mh >> top & 1
}
