package anchor

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// SuggestSimilarity is how alike a passage must be to a quote that is not
// found (1 - edits/length) for Find's error to suggest it: a passage less
// alike is another sentence, not a slip in this one.
const SuggestSimilarity = 0.6

// Find anchors q in d: see the package doc for the rules. It returns an
// *Error when q matches nowhere, several times, or across blocks.
func (d *Doc) Find(q Quote) (Match, error) {
	nd := d.model()
	exact := Normalize(q.Exact)
	if exact == "" {
		return Match{}, &Error{Kind: ErrEmpty, Msg: "quote is empty"}
	}
	if q.Occurrence < 0 {
		return Match{}, &Error{Kind: ErrNotFound,
			Msg: fmt.Sprintf("occurrence: %d is not a place; occurrences count from 1", q.Occurrence)}
	}
	prefix, suffix := normalizeContext(q.Prefix), normalizeContext(q.Suffix)
	found := nd.occurrences(exact)
	left := filter(nd.text, found.match, prefix, suffix)
	switch {
	case len(left) == 0:
		return Match{}, d.notFound(nd, found, exact, prefix, suffix)
	case q.Occurrence > len(left):
		ps := nd.placesOf(d, left)
		return Match{}, &Error{Kind: ErrNotFound, Places: ps,
			Msg: fmt.Sprintf("occurrence: %d is out of range: the quote%s matches only %s",
				q.Occurrence, contextNote(prefix, suffix), d.countPlaces(ps, len(left)))}
	case q.Occurrence > 0:
		o := left[q.Occurrence-1]
		return nd.match(d, o.bi, o.s, o.e), nil
	case len(left) > 1:
		return Match{}, d.ambiguous(nd, found, left, suffix)
	}
	o := left[0]
	return nd.match(d, o.bi, o.s, o.e), nil
}

// Text returns the normalised text of d: the text of each block, normalised
// and trimmed, joined by one space, in document order. Skip blocks are
// included (so that positions follow the document); blocks without text are
// left out. Match.Start and Match.End count code points in it.
func (d *Doc) Text() string {
	return d.model().text
}

// occ is one occurrence of a quote: bytes [s, e) of normDoc.text.
type occ struct {
	s, e int
	bi   int // index into normDoc.blocks; for a crossing, of the block it starts in
}

// found is every occurrence of a quote, by kind.
type found struct {
	match []occ // within one block that is not Skip
	skip  []occ // within one Skip block
	cross []occ // across a block boundary
}

// occurrences finds every occurrence of exact in nd.text, overlapping ones
// included. An occurrence that would cut a unit of the normalised text (a
// character with its combining marks, the "..." of an ellipsis, a run of
// dashes) is not one.
func (nd *normDoc) occurrences(exact string) found {
	var f found
	for s := range indexAll(nd.text, exact) {
		e := s + len(exact)
		bi, ok := nd.aligned(s, e)
		switch {
		case ok && nd.blocks[bi].skip:
			f.skip = append(f.skip, occ{s, e, bi})
		case ok:
			f.match = append(f.match, occ{s, e, bi})
		case bi < len(nd.blocks) && e > nd.blocks[bi].end:
			f.cross = append(f.cross, occ{s, e, bi})
		}
	}
	return f
}

// filter returns the occurrences in os whose context fits prefix and suffix.
func filter(text string, os []occ, prefix, suffix string) []occ {
	fit := func(o occ) bool { return fits(text, o, prefix, suffix) }
	// Comparing the context of each occurrence costs their number times
	// its length: quadratic for a long context in a periodic text. Past
	// the cost of a pass over the text, find the context once instead.
	if len(os)*(len(prefix)+len(suffix)) > len(text)+1<<16 {
		fit = markContext(text, prefix, suffix).fits
	}
	var left []occ
	for _, o := range os {
		if fit(o) {
			left = append(left, o)
		}
	}
	return left
}

// fits reports whether the text before o ends with prefix and the text
// after it starts with suffix. The context reaches into the neighbouring
// blocks through the space that joins them. A prefix that does not end with
// a space also fits when one space separates it from the quote, and a
// suffix that does not start with one likewise.
func fits(text string, o occ, prefix, suffix string) bool {
	before, after := text[:o.s], text[o.e:]
	// The spaced forms are tested without building prefix+" " and
	// " "+suffix, which would allocate at every occurrence.
	if prefix != "" && !strings.HasSuffix(before, prefix) &&
		(strings.HasSuffix(prefix, " ") || !strings.HasSuffix(before, " ") ||
			!strings.HasSuffix(before[:len(before)-1], prefix)) {
		return false
	}
	if suffix != "" && !strings.HasPrefix(after, suffix) &&
		(strings.HasPrefix(suffix, " ") || !strings.HasPrefix(after, " ") ||
			!strings.HasPrefix(after[1:], suffix)) {
		return false
	}
	return true
}

// maxPlaces is how many places an error lists at most: a quote such as "a"
// may match a million.
const maxPlaces = 10

// placesOf returns the places of the first maxPlaces of os.
func (nd *normDoc) placesOf(d *Doc, os []occ) []Place {
	ps := make([]Place, min(len(os), maxPlaces))
	for i, o := range os[:len(ps)] {
		ps[i] = nd.place(d, o.s, o.e)
	}
	return ps
}

// countPlaces formats ps, the first of n places, as "N places:
// PATH:LINE:COL "context", ...", ending with ", and K more" when ps are
// fewer than n.
func (d *Doc) countPlaces(ps []Place, n int) string {
	s := pluralPlaces(n) + ": " + d.places(ps)
	if n > len(ps) {
		s += fmt.Sprintf(", and %d more", n-len(ps))
	}
	return s
}

// contextNote returns " with the given prefix", "... suffix", "... prefix
// and suffix", or "".
func contextNote(prefix, suffix string) string {
	switch {
	case prefix != "" && suffix != "":
		return " with the given prefix and suffix"
	case prefix != "":
		return " with the given prefix"
	case suffix != "":
		return " with the given suffix"
	}
	return ""
}

// ambiguous is the error for several matches left: it lists them (up to
// maxPlaces) and suggests a prefix that picks the first.
func (d *Doc) ambiguous(nd *normDoc, f found, left []occ, suffix string) *Error {
	ps := nd.placesOf(d, left)
	e := &Error{Kind: ErrAmbiguous, Places: ps}
	e.Suggest = suggestPrefix(nd.text, f.match, left[0], suffix)
	var hint string
	if e.Suggest != "" {
		hint = fmt.Sprintf("add prefix: %q (or occurrence: 1) to pick the first", e.Suggest)
	} else {
		hint = "add a prefix or suffix, or occurrence: N to pick one"
	}
	e.Msg = fmt.Sprintf("quote is ambiguous: it matches %s; %s", d.countPlaces(ps, len(left)), hint)
	return e
}

// A suggested prefix has at most maxSuggestWords words and maxSuggestBytes
// bytes (a "word" may be a whole article without spaces).
const (
	maxSuggestWords = 12
	maxSuggestBytes = 256
)

// suggestPrefix returns the shortest run of whole words right before first
// (reaching into earlier blocks if need be) that, as a prefix together with
// suffix, leaves first as the only match of all; "" when none of up to
// maxSuggestWords words (and maxSuggestBytes bytes) does.
func suggestPrefix(text string, all []occ, first occ, suffix string) string {
	before := text[:first.s]
	if before == "" {
		return ""
	}
	// Every run ends with the byte before first, so where a run must end
	// to fit a match (see fits) is the same for all runs: right before it,
	// or one space earlier when the runs do not end with a space.
	var ends []int
	for _, o := range filter(text, all, "", suffix) {
		if o.s > 0 && text[o.s-1] == ' ' && before[len(before)-1] != ' ' {
			o.s--
		}
		ends = append(ends, o.s)
	}
	// A longer run fits only where the shorter one does: each compares
	// just its new words, at the ends left.
	i, done := len(before), 0
	for words := 0; words < maxSuggestWords && i > 0; words++ {
		// Move i to the start of the previous word.
		i = strings.LastIndexByte(strings.TrimRight(before[:i], " "), ' ') + 1
		cand := before[i:]
		if len(cand) > maxSuggestBytes {
			break
		}
		left := ends[:0]
		for _, e := range ends {
			if strings.HasSuffix(text[:e-done], cand[:len(cand)-done]) {
				left = append(left, e)
			}
		}
		if ends, done = left, len(cand); len(ends) == 1 {
			return cand
		}
	}
	return ""
}

// notFound explains why no match was left: the quote occurs only with
// another context, only in code, only across blocks, or nowhere, in which
// case the closest passage is shown.
func (d *Doc) notFound(nd *normDoc, f found, exact, prefix, suffix string) *Error {
	switch {
	case len(f.match) > 0:
		ps := nd.placesOf(d, f.match)
		return &Error{Kind: ErrNotFound, Places: ps,
			Msg: fmt.Sprintf("quote not found%s in %s, but without it the quote matches %s",
				contextNote(prefix, suffix), d.where(0, 0), d.countPlaces(ps, len(f.match)))}
	case len(f.skip) > 0:
		ps := nd.placesOf(d, f.skip)
		more := ""
		if len(f.skip) > 1 {
			more = fmt.Sprintf(" (and %d more)", len(f.skip)-1)
		}
		return &Error{Kind: ErrInCode, Places: ps,
			Msg: fmt.Sprintf("quote is only in a code block or raw HTML, at %s%s, which is never annotated",
				d.where(ps[0].Line, ps[0].Col), more)}
	case len(f.cross) > 0:
		o := f.cross[0]
		_, size := utf8.DecodeLastRuneInString(nd.text[:o.e])
		start := nd.place(d, o.s, o.e)
		end := nd.place(d, o.e-size, o.e)
		return &Error{Kind: ErrCrossBlock, Places: []Place{start, end},
			Msg: fmt.Sprintf("quote crosses blocks: it starts at %s and ends at %s; a claim must lie within one paragraph, heading, list item or table cell",
				d.where(start.Line, start.Col), d.where(end.Line, end.Col))}
	}
	limit := min(d.maxWork(), max(0, d.maxTotalWork()-d.spent))
	c, cut, used := nd.closest(exact, prefix, suffix, limit)
	d.spent += used
	switch {
	case cut && limit < d.maxWork():
		return &Error{Kind: ErrNotFound, tried: true,
			Msg: fmt.Sprintf("quote not found in %s (search cut off: the quotes not found in this article have used up its %d steps; fix them and build again to get suggestions)",
				d.where(0, 0), d.maxTotalWork())}
	case cut:
		return &Error{Kind: ErrNotFound, tried: true,
			Msg: fmt.Sprintf("quote not found in %s (search cut off at %d steps; shorten the quote to get a suggestion)",
				d.where(0, 0), d.maxWork())}
	case c == nil:
		return &Error{Kind: ErrNotFound, tried: true,
			Msg: fmt.Sprintf("quote not found in %s, nor anything close to it", d.where(0, 0))}
	case c.similarity(utf8.RuneCountInString(exact)) < SuggestSimilarity:
		return &Error{Kind: ErrNotFound, tried: true, closest: c,
			Msg: fmt.Sprintf("quote not found in %s, nor anything close to it (no passage is %.0f%% like it)", d.where(0, 0), 100*SuggestSimilarity)}
	}
	p := nd.place(d, c.s, c.e)
	passage := nd.text[c.s:c.e]
	return &Error{Kind: ErrNotFound, Places: []Place{p}, Suggest: passage, closest: c, tried: true,
		Msg: fmt.Sprintf("quote not found in %s; did you mean: %q (%s)?",
			d.where(0, 0), passage, d.where(p.Line, p.Col))}
}
