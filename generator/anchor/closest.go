package anchor

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"
)

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

// DefaultMaxWork is the cap on the approximate search of one quote when
// Doc.MaxWork is 0, in steps (see Doc.MaxWork): 100,000,000, well under a
// second (0.4 s for a quote of 4,000 code points, 63 steps a code point,
// over an article of 1,500,000, on a shared 2-core machine). A quote of 250
// code points (4 steps) may be searched over 25,000,000 code points, some
// 4,000,000 words.
const DefaultMaxWork = 100_000_000

// maxTotalWork is the cap on the approximate searches of all the quotes
// of one Doc that Find does not find: ten times the cap on one, so that a
// sidecar of a hundred quotes that are not there costs seconds, not
// minutes.
func (d *Doc) maxTotalWork() int {
	if m := d.maxWork(); m < math.MaxInt/10 {
		return 10 * m
	}
	return math.MaxInt
}

// maxWork returns d.MaxWork, or DefaultMaxWork when it is not set.
func (d *Doc) maxWork() int {
	if d.MaxWork <= 0 {
		return DefaultMaxWork
	}
	return d.MaxWork
}

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
// half the quote's length of edits, or when the search was cut off (see
// Doc.MaxWork; Find's error tells which). `scholia fix` uses it to
// re-anchor quotes after the article was edited.
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
	} else {
		c, _, _ = nd.closest(exact, normalizeContext(q.Prefix), normalizeContext(q.Suffix), d.maxWork())
	}
	if c == nil {
		return Match{}, 0, false
	}
	return nd.match(d, c.bi, c.s, c.e), c.score, true
}

// closest finds the passages of the non-Skip blocks with the fewest edits
// from exact (at most half its length, and 256), recovers where they start,
// and returns the best ranked: by score, then fewest edits, then first. It
// returns nil when nothing is close, and cut set when that could not be
// told in maxWork steps (see Doc.MaxWork): it counts the steps of each
// stage before it takes them, so that it never takes more.
//
// used is the steps it took (nothing is counted for a stage it did not
// take), which Find counts against the article's budget.
func (nd *normDoc) closest(exact, prefix, suffix string, maxWork int) (best *candidate, cut bool, used int) {
	budget := maxWork
	defer func() { used = min(maxWork, max(0, maxWork-budget)) }()
	nd.buildRunes()
	pat := []rune(exact)
	m := len(pat)
	maxErr := min(m/2, maxErrorsCap)
	// A passage of a block has at least m minus the block's length edits:
	// blocks too short to hold one close enough are not searched, so that
	// a quote longer than the article costs nothing.
	type brange struct{ bi, rs, re int }
	var searched []brange
	n := 0 // code points searched
	for bi := range nd.blocks {
		b := &nd.blocks[bi]
		rs, re := nd.runeIndex(b.start), nd.runeIndex(b.end)
		if !b.skip && re-rs >= m-maxErr {
			searched = append(searched, brange{bi, rs, re})
			n += re - rs
		}
	}
	if len(searched) == 0 {
		return nil, false, 0
	}
	if budget = maxWork - steps(m, n); budget < 0 {
		budget = maxWork // cut before it started: nothing done
		return nil, true, 0
	}
	// The tables of the pattern and of its reverse are the same size.
	fwd := newMyers(pat, budget/2)
	if fwd == nil {
		budget = maxWork
		return nil, true, 0
	}
	budget -= 2 * len(fwd.peq)
	scores := make([]int32, len(nd.runes))
	low := int32(m + 1)
	for _, br := range searched {
		fwd.scores(nd.runes[br.rs:br.re], false, scores[br.rs:br.re])
		for _, s := range scores[br.rs:br.re] {
			low = min(low, s)
		}
	}
	if int(low) > maxErr {
		return nil, false, 0
	}
	// Candidate ends: in each run of positions within the threshold, the
	// one with the fewest edits; the maxCandidates with the fewest, and
	// of those with as many the first, are kept as they come, so that a
	// periodic text with a run at every word does not fill memory.
	threshold := min(int32(maxErr), low+int32(max(2, m/8)))
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
			ends = addEnd(ends, end{br.bi, br.rs, k + 1, int(scores[k])})
		}
	}
	ends = fewestErrors(ends)
	for _, en := range ends {
		if budget -= steps(m, en.j-startFrom(en, m)); budget < 0 {
			return nil, true, 0
		}
	}

	rev := newMyers(reversed(pat), len(fwd.peq))
	pre, suf := []rune(prefix), []rune(suffix)
	var cands []candidate
	for _, en := range ends {
		start := nd.matchStart(rev, startFrom(en, m), en.j)
		c := candidate{bi: en.bi, errors: en.errs}
		c.s, c.e = nd.snap(en.bi, int(nd.offset[start]), int(nd.offset[en.j]))
		for c.s < c.e && nd.text[c.s] == ' ' {
			c.s++
		}
		for c.e > c.s && nd.text[c.e-1] == ' ' {
			c.e--
		}
		c.s, c.e = nd.wholeWords(en.bi, c.s, c.e)
		if c.s == c.e {
			continue
		}
		c.score = nd.rank(c, m, pre, suf)
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		return nil, false, 0
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
	return &cands[0], false, 0
}

// wholeWords widens [s, e) of block bi to the whole words it cuts into,
// so that a passage reads as the text does: "green cheese", never "green
// chee".
func (nd *normDoc) wholeWords(bi, s, e int) (int, int) {
	b := &nd.blocks[bi]
	if s == e {
		return s, e
	}
	if first, _ := utf8.DecodeRuneInString(nd.text[s:e]); isWordRune(first) {
		for s > b.start {
			r, size := utf8.DecodeLastRuneInString(nd.text[b.start:s])
			if !isWordRune(r) {
				break
			}
			s -= size
		}
	}
	if last, _ := utf8.DecodeLastRuneInString(nd.text[s:e]); isWordRune(last) {
		for e < b.end {
			r, size := utf8.DecodeRuneInString(nd.text[e:b.end])
			if !isWordRune(r) {
				break
			}
			e += size
		}
	}
	return nd.snap(bi, s, e)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// similarity is how alike a passage is to a quote of m code points:
// 1 - edits/m.
func (c *candidate) similarity(m int) float64 { return 1 - float64(c.errors)/float64(max(m, 1)) }

// steps returns the steps (see Doc.MaxWork) of searching n code points for
// a pattern of m, saturating rather than overflowing an int.
func steps(m, n int) int {
	words := (m + 63) / 64
	if n > 0 && words > math.MaxInt/n {
		return math.MaxInt
	}
	return words * n
}

// end is where a candidate passage ends, in code points: j, in the block
// bi that starts at rs, with errs edits.
type end struct{ bi, rs, j, errs int }

// addEnd appends en, which comes after ends in the document, to ends, and
// keeps them down to 2*maxCandidates: fewestErrors of the result is
// fewestErrors of all the ends ever added.
func addEnd(ends []end, en end) []end {
	if ends = append(ends, en); len(ends) == 2*maxCandidates {
		return fewestErrors(ends)
	}
	return ends
}

// fewestErrors returns the first maxCandidates of ends, by fewest errors,
// then document order: the sort is stable, so that what addEnd keeps and
// the ends it adds later sort as all of them would.
func fewestErrors(ends []end) []end {
	slices.SortStableFunc(ends, func(a, b end) int { return a.errs - b.errs })
	return ends[:min(len(ends), maxCandidates)]
}

// startFrom returns how far back, in code points, the passage that ends at
// en can start for a pattern of m: m plus its edits, within its block.
func startFrom(en end, m int) int {
	return max(en.rs, en.j-m-en.errs)
}

// matchStart returns where, in code points, the passage that ends at end
// starts: Myers' algorithm, anchored, runs on the reversed pattern over the
// reversed text from end back to lo; of the starts with fewest edits, the
// earliest (longest passage) wins.
func (nd *normDoc) matchStart(rev *myers, lo, end int) int {
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
	newMyers(p, math.MaxInt).scores(text, false, out)
	return int(out[len(out)-1])
}

// reversed returns a reversed copy of rs.
func reversed(rs []rune) []rune {
	out := slices.Clone(rs)
	slices.Reverse(out)
	return out
}
