package anchor

import "slices"

// Ranking weights, as in Hypothesis's client (anchoring/match-quote.ts):
// how close the passage is to the quote counts most, then how well the text
// around it fits the prefix and the suffix, when given.
const (
	quoteWeight   = 50
	prefixWeight  = 20
	suffixWeight  = 20
	maxCandidates = 64 // passages ranked at most
	maxErrorsCap  = 256
)

// candidate is a passage found by the approximate search.
type candidate struct {
	s, e   int // byte range in normDoc.text
	bi     int // index into normDoc.blocks
	errors int // edits between the passage and the quote
	score  float64
}

// Closest returns the passage of d that best matches q, with a score in
// [0, 1]: 1 for an exact and unique match (as Find would return), else the
// similarity of the passage to the quote (1 - edits/length), blended with the
// fit of the text before and after it to q.Prefix and q.Suffix when they are
// given (weights 50, 20, 20). For an ambiguous quote it returns the exact
// match whose context fits best. It reports false when nothing is within
// half the quote's length of edits. `scholia fix` uses it to re-anchor
// quotes after the article was edited.
func (d *Doc) Closest(q Quote) (Match, float64, bool) {
	m, err := d.Find(q)
	if err == nil {
		return m, 1, true
	}
	exact := Normalize(q.Exact)
	if exact == "" {
		return Match{}, 0, false
	}
	nd := d.model()
	var c *candidate
	if e, ok := err.(*Error); ok && e.tried {
		c = e.closest // Find has searched already
	} else if best, ok := nd.closest(exact, normalizeContext(q.Prefix), normalizeContext(q.Suffix)); ok {
		c = &best
	}
	if c == nil {
		return Match{}, 0, false
	}
	return nd.match(d, c.bi, c.s, c.e), c.score, true
}

// closest finds the passages of the non-Skip blocks with the fewest edits
// from exact (at most half its length, and 256), recovers where they start,
// and returns the best ranked: by score, then fewest edits, then first.
func (nd *normDoc) closest(exact, prefix, suffix string) (candidate, bool) {
	nd.buildRunes()
	pat := []rune(exact)
	m := len(pat)
	maxErr := min(m/2, maxErrorsCap)
	fwd := newMyers(pat)
	scores := make([]int32, len(nd.runes))
	best := int32(m + 1)
	type brange struct{ bi, rs, re int }
	var searched []brange
	for bi := range nd.blocks {
		b := &nd.blocks[bi]
		if b.skip {
			continue
		}
		rs, re := nd.runeIndex(b.start), nd.runeIndex(b.end)
		fwd.scores(nd.runes[rs:re], false, scores[rs:re])
		for _, s := range scores[rs:re] {
			best = min(best, s)
		}
		searched = append(searched, brange{bi, rs, re})
	}
	if int(best) > maxErr {
		return candidate{}, false
	}
	// Candidate ends: in each run of positions within the threshold, the
	// one with the fewest edits.
	threshold := min(int32(maxErr), best+int32(max(2, m/8)))
	type end struct{ bi, rs, j, errs int }
	var ends []end
	for _, br := range searched {
		for j := br.rs; j < br.re; {
			if scores[j] > threshold {
				j++
				continue
			}
			k := j
			for ; j < br.re && scores[j] <= threshold; j++ {
				if scores[j] < scores[k] {
					k = j
				}
			}
			ends = append(ends, end{br.bi, br.rs, k + 1, int(scores[k])})
		}
	}
	slices.SortStableFunc(ends, func(a, b end) int { return a.errs - b.errs })
	ends = ends[:min(len(ends), maxCandidates)]

	rev := newMyers(reversed(pat))
	pre, suf := []rune(prefix), []rune(suffix)
	var cands []candidate
	for _, en := range ends {
		start := nd.matchStart(rev, en.rs, en.j, en.errs)
		c := candidate{bi: en.bi, errors: en.errs}
		c.s, c.e = nd.snap(en.bi, int(nd.offset[start]), int(nd.offset[en.j]))
		for c.s < c.e && nd.text[c.s] == ' ' {
			c.s++
		}
		for c.e > c.s && nd.text[c.e-1] == ' ' {
			c.e--
		}
		if c.s == c.e {
			continue
		}
		c.score = nd.rank(c, m, pre, suf)
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		return candidate{}, false
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		switch {
		case a.score != b.score:
			if a.score > b.score {
				return -1
			}
			return 1
		case a.errors != b.errors:
			return a.errors - b.errors
		}
		return a.s - b.s
	})
	return cands[0], true
}

// matchStart returns where, in code points, the passage with errs edits
// that ends at end starts: Myers' algorithm, anchored, runs on the reversed
// pattern over the reversed text before end (no earlier than the block
// start bs); of the starts with fewest edits, the earliest (longest passage)
// wins.
func (nd *normDoc) matchStart(rev *myers, bs, end, errs int) int {
	lo := max(bs, end-rev.m-errs)
	text := reversed(nd.runes[lo:end])
	out := make([]int32, len(text))
	rev.scores(text, true, out)
	bestC, bestD := -1, int32(rev.m) // c = -1: the empty passage
	for c, d := range out {
		if d <= bestD {
			bestC, bestD = c, d
		}
	}
	return end - (bestC + 1)
}

// rank scores candidate c of a quote of m code points.
func (nd *normDoc) rank(c candidate, m int, prefix, suffix []rune) float64 {
	total := quoteWeight * (1 - float64(c.errors)/float64(m))
	weights := float64(quoteWeight)
	if len(prefix) > 0 {
		p := prefix[max(0, len(prefix)-contextRunes):]
		before := []rune(lastRunes(nd.text[:c.s], 2*len(p)))
		total += prefixWeight * (1 - float64(endDistance(p, before))/float64(len(p)))
		weights += prefixWeight
	}
	if len(suffix) > 0 {
		s := suffix[:min(len(suffix), contextRunes)]
		after := []rune(firstRunes(nd.text[c.e:], 2*len(s)))
		total += suffixWeight * (1 - float64(endDistance(reversed(s), reversed(after)))/float64(len(s)))
		weights += suffixWeight
	}
	return max(0, total/weights)
}

// endDistance returns the fewest edits between p and a tail of text (any
// start, ending where text ends).
func endDistance(p, text []rune) int {
	if len(text) == 0 {
		return len(p)
	}
	out := make([]int32, len(text))
	newMyers(p).scores(text, false, out)
	return int(out[len(out)-1])
}

// reversed returns a reversed copy of rs.
func reversed(rs []rune) []rune {
	out := slices.Clone(rs)
	slices.Reverse(out)
	return out
}
