package anchor

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// normDoc is the normalised form of a Doc, built on first use by model and
// reused by every Find.
type normDoc struct {
	text   string      // the normalised blocks joined by one space
	blocks []normBlock // the blocks with text, in document order

	lines []int // byte offsets in Doc.Source where lines start (lazy)

	// For the approximate search (lazy): text as runes, and the byte
	// offset in text of each rune (plus len(text) at the end).
	runes  []rune
	offset []int32
}

// normBlock is one block of Doc that has text after normalisation.
type normBlock struct {
	index      int   // into Doc.Blocks
	start, end int   // byte range in normDoc.text
	skip       bool  // Doc.Blocks[index].Skip
	pieceStart []int // raw offset of each piece in the block's concatenated text, and the total
	// rs[i] and re[i] are the raw byte range, in the concatenated piece
	// texts, of the unit that produced byte start+i of normDoc.text.
	rs, re []int32
}

// model returns the normalised form of d, building it on first use.
func (d *Doc) model() *normDoc {
	if d.norm == nil {
		d.norm = buildModel(d)
	}
	return d.norm
}

func buildModel(d *Doc) *normDoc {
	nd := &normDoc{}
	var text strings.Builder
	var raw strings.Builder
	for bi, blk := range d.Blocks {
		raw.Reset()
		starts := make([]int, 0, len(blk.Pieces)+1)
		for _, p := range blk.Pieces {
			starts = append(starts, raw.Len())
			raw.WriteString(p.Text)
		}
		starts = append(starts, raw.Len())
		// Sized once for the common case, where normalising does not make
		// the text longer.
		n := normalizer{trim: true, track: true, out: make([]byte, 0, raw.Len()), rs: make([]int32, 0, raw.Len()), re: make([]int32, 0, raw.Len())}
		n.run(raw.String())
		if len(n.out) == 0 {
			continue
		}
		if text.Len() > 0 {
			text.WriteByte(' ')
		}
		start := text.Len()
		text.Write(n.out)
		nd.blocks = append(nd.blocks, normBlock{
			index: bi, start: start, end: text.Len(), skip: blk.Skip,
			pieceStart: starts, rs: n.rs, re: n.re,
		})
	}
	nd.text = text.String()
	return nd
}

// blockAt returns the index in nd.blocks of the block that holds byte p of
// nd.text, or of the block after p when p is a joining space.
func (nd *normDoc) blockAt(p int) int {
	return sort.Search(len(nd.blocks), func(i int) bool { return nd.blocks[i].end > p })
}

// aligned reports whether the byte range [s, e) of nd.text lies within one
// block, starts and ends on unit boundaries (so that no character is cut),
// and returns that block's index.
func (nd *normDoc) aligned(s, e int) (int, bool) {
	bi := nd.blockAt(s)
	if bi >= len(nd.blocks) || s < nd.blocks[bi].start || e > nd.blocks[bi].end || s >= e {
		return bi, false
	}
	b := &nd.blocks[bi]
	ls, le := s-b.start, e-b.start
	if ls > 0 && b.rs[ls] == b.rs[ls-1] {
		return bi, false
	}
	if le < len(b.rs) && b.rs[le] == b.rs[le-1] {
		return bi, false
	}
	return bi, true
}

// snap widens the byte range [s, e) of block bi to whole units.
func (nd *normDoc) snap(bi, s, e int) (int, int) {
	b := &nd.blocks[bi]
	for s > b.start && b.rs[s-b.start] == b.rs[s-1-b.start] {
		s--
	}
	for e < b.end && e > b.start && b.rs[e-b.start] == b.rs[e-1-b.start] {
		e++
	}
	return s, e
}

// spans returns the pieces that bytes [s, e) of block bi cover.
func (nd *normDoc) spans(d *Doc, bi, s, e int) []Span {
	b := &nd.blocks[bi]
	rs, re := int(b.rs[s-b.start]), int(b.re[e-1-b.start])
	var out []Span
	pieces := d.Blocks[b.index].Pieces
	for i := range pieces {
		ps, pe := b.pieceStart[i], b.pieceStart[i+1]
		lo, hi := max(rs, ps), min(re, pe)
		if lo >= hi {
			continue
		}
		out = append(out, Span{Block: b.index, Piece: i, Start: lo - ps, End: hi - ps, Ref: pieces[i].Ref})
	}
	return out
}

// sourceOffset returns the byte offset in Doc.Source of byte p of nd.text,
// or -1 when unknown. p must lie within a block.
func (nd *normDoc) sourceOffset(d *Doc, p int) int {
	bi := nd.blockAt(p)
	if bi >= len(nd.blocks) {
		return -1
	}
	b := &nd.blocks[bi]
	if p < b.start {
		p = b.start
	}
	raw := int(b.rs[p-b.start])
	i := sort.Search(len(b.pieceStart)-1, func(i int) bool { return b.pieceStart[i+1] > raw })
	pieces := d.Blocks[b.index].Pieces
	if i >= len(pieces) {
		return -1
	}
	pc := pieces[i]
	off := raw - b.pieceStart[i]
	switch {
	case off < len(pc.Source):
		return pc.Source[off]
	case len(pc.Source) > 0:
		return pc.Source[len(pc.Source)-1]
	}
	return pc.Offset
}

// lineCol returns the 1-based line and column (in characters) of byte p of
// nd.text in Doc.Source; 0, 0 when unknown.
func (nd *normDoc) lineCol(d *Doc, p int) (line, col int) {
	off := nd.sourceOffset(d, p)
	if off < 0 || d.Source == nil {
		return 0, 0
	}
	off = min(off, len(d.Source))
	if nd.lines == nil {
		nd.lines = []int{0}
		for i, c := range d.Source {
			if c == '\n' {
				nd.lines = append(nd.lines, i+1)
			}
		}
	}
	l := sort.Search(len(nd.lines), func(i int) bool { return nd.lines[i] > off }) - 1
	return l + 1, utf8.RuneCount(d.Source[nd.lines[l]:off]) + 1
}

// runeIndex returns the code point index in nd.text of byte p.
func (nd *normDoc) runeIndex(p int) int {
	if nd.offset != nil {
		return sort.Search(len(nd.offset), func(i int) bool { return int(nd.offset[i]) >= p })
	}
	return utf8.RuneCountInString(nd.text[:p])
}

// buildRunes fills nd.runes and nd.offset.
func (nd *normDoc) buildRunes() {
	if nd.runes != nil {
		return
	}
	n := utf8.RuneCountInString(nd.text)
	nd.runes = make([]rune, 0, n)
	nd.offset = make([]int32, 0, n+1)
	for i, r := range nd.text {
		nd.runes = append(nd.runes, r)
		nd.offset = append(nd.offset, int32(i))
	}
	nd.offset = append(nd.offset, int32(len(nd.text)))
}

// match returns the Match for bytes [s, e) of block bi.
func (nd *normDoc) match(d *Doc, bi, s, e int) Match {
	m := Match{
		Spans: nd.spans(d, bi, s, e),
		Start: nd.runeIndex(s),
		Exact: nd.text[s:e],
	}
	m.End = m.Start + utf8.RuneCountInString(m.Exact)
	m.Prefix = lastRunes(nd.text[:s], contextRunes)
	m.Suffix = firstRunes(nd.text[e:], contextRunes)
	m.Line, m.Col = nd.lineCol(d, s)
	return m
}

// contextRunes is how many code points of context Match.Prefix and
// Match.Suffix hold at most.
const contextRunes = 32

// lastRunes returns the last n code points of s.
func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// firstRunes returns the first n code points of s.
func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
