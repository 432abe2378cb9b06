package markup

// scan is the state of Limits.Check between lines: a sketch of the blocks
// that goldmark's parser has open. It follows goldmark's rules for where
// containers, code and HTML blocks start and end exactly where it matters:
// a line taken for code is not counted, so a fence or HTML block that
// goldmark does not see would hide what follows. Elsewhere it errs on the
// side of counting.
type scan struct {
	l     Limits
	src   []byte
	stack []box     // open containers, outermost first
	fence fence     // the open fenced code block
	html  htmlBlock // the open HTML block
	para  para      // the open paragraph
	cells int       // of the tables so far
	pipes int       // escaped pipes in code in the tables so far
}

type boxKind uint8

const (
	quoteBox    boxKind = iota // ">"
	itemBox                    // list item: its content is width columns in
	footnoteBox                // footnote definition: content 4 columns in
)

type box struct {
	kind  boxKind
	width int
}

// fence is an open fenced code block: its lines are code while the
// containers it is in go on.
type fence struct {
	open bool
	char byte // '`' or '~'
	n    int  // length of the opening run
}

// htmlBlock is an open HTML block: its lines are raw HTML until end (or a
// blank line, for end "") while the containers it is in go on.
type htmlBlock struct {
	open bool
	end  string
}

// para is the open paragraph, counted as goldmark parses it inline: as a
// whole, or row by row once it is a table.
type para struct {
	open     bool
	lines    int
	brackets int
	runs     int  // of "*", "_" or "~"
	ticks    int  // runs of "`"
	inline   int  // lines parsed inline together: all, or a table row's one
	cols     int  // > 0: a table of cols columns from the delimiter row on
	noTable  bool // a delimiter row whose header did not fit: no table
	header   int  // the line of the table's header
	prev     span // the last line's content, a table's header perhaps
	prevPipe int  // escaped pipes in code in prev
	// maybe says the paragraph may start with link reference definitions
	// (its first line starts with "["), which goldmark takes out of it;
	// defs then holds every line's content.
	maybe bool
	defs  []span
}

// span is [start, end) of the source.
type span struct{ start, end int }

// line takes the line src[start:end].
func (s *scan) line(start, end int) *LimitError {
	c := newCursor(s.src, start, end)
	all := len(s.stack)
	matched := s.match(&c)
	switch {
	case s.fence.open && matched == all:
		if c.closes(s.fence) {
			s.fence.open = false
		}
		return nil
	case s.html.open && matched == all:
		if c.blank() && s.html.end == "" {
			s.html.open = false
		} else if s.html.end != "" && c.htmlEnds(s.html.end) {
			s.html.open = false
		}
		return nil
	}
	s.fence.open, s.html.open = false, false // their containers ended
	if c.blank() {
		s.stack = s.stack[:matched]
		s.endPara()
		return nil
	}
	if matched < all && s.para.open && !s.startsBlock(&c) {
		return s.text(&c) // a lazy continuation line
	}
	restrict := s.para.open && matched == all // a paragraph goes on unless interrupted
	if restrict && s.retries(&c) {
		restrict = false
	}
	s.stack = s.stack[:matched]
	opened, err := s.open(&c, restrict)
	if err != nil {
		return err
	}
	if opened || matched < all {
		s.endPara()
	}
	return s.leaf(&c)
}

// match passes the markers and indentation of the open containers that the
// line goes on with and returns how many it does.
func (s *scan) match(c *cursor) int {
	for i, b := range s.stack {
		switch {
		case b.kind == quoteBox:
			w, at, col := c.indent(4)
			if w > 3 || at >= len(c.line) || c.line[at] != '>' {
				return i
			}
			c.moveTo(at, col)
			c.skip(1)
			c.skipCols(1, c.col()) // an optional space
		case c.blank():
			// Blank lines go on in list items and footnotes.
		default:
			if w, _, _ := c.indent(b.width); w < b.width {
				return i
			}
			c.skipCols(b.width, c.col())
		}
	}
	return len(s.stack)
}

// startsBlock reports whether the rest of the line starts a block that
// interrupts a paragraph whose containers the line does not go on with:
// else it is the paragraph's lazy continuation.
func (s *scan) startsBlock(c *cursor) bool {
	w, at, _ := c.indent(4)
	if w > 3 || at >= c.ink {
		return false
	}
	if n, _, _ := c.listMarker(at); n > 0 && c.spacesTo(at) {
		return true
	}
	if _, ok := c.htmlStart(true); ok {
		return true
	}
	_, fenced := c.fenceAt(at)
	return c.line[at] == '>' || c.footnote(at) > 0 || c.atx(at) || fenced > 0 || c.thematic(at)
}

// retries reports whether the line is a setext underline under a paragraph
// that goldmark's paragraph transformers take away whole (a table from its
// first line, or link reference definitions only): goldmark then parses the
// line again as if no paragraph were open. The paragraph ends.
func (s *scan) retries(c *cursor) bool {
	w, at, _ := c.indent(4)
	if w > 3 || !c.setext(at) || c.thematic(at) {
		return false
	}
	p := &s.para
	defs := 0
	if p.maybe {
		defs = linkDefinitions(s.src, p.defs)
	}
	if defs < p.lines && !(p.cols > 0 && p.header == defs) {
		return false
	}
	s.endPara()
	return true
}

// open opens the containers that start the rest of the line. restrict says
// the line would go on with an open paragraph, which an empty list item or
// an ordered one that does not start at 1 cannot interrupt.
func (s *scan) open(c *cursor, restrict bool) (opened bool, err *LimitError) {
	for {
		w, at, col := c.indent(4)
		if w > 3 || at >= c.ink {
			return opened, nil
		}
		b := box{kind: quoteBox}
		switch n, one, ordered := c.listMarker(at); {
		case c.line[at] == '>':
			c.moveTo(at, col)
			c.skip(1)
			c.skipCols(1, c.col())
		case n > 0 && c.spacesTo(at):
			if !ordered && c.thematic(at) {
				return opened, nil
			}
			before := *c
			width, blank := c.itemWidth(at, col, n, w)
			if restrict && !opened && (blank || ordered && !one) {
				*c = before // paragraph text after all
				return opened, nil
			}
			b = box{kind: itemBox, width: width}
		case c.footnote(at) > 0:
			c.moveTo(at, col)
			c.skip(c.footnote(at))
			b = box{kind: footnoteBox, width: 4}
		default:
			return opened, nil
		}
		s.stack = append(s.stack, b)
		opened = true
		if d := len(s.stack); d > s.l.MarkdownDepth {
			return true, s.l.errorAt(s.src, c.off+at, "markdown_depth", s.l.MarkdownDepth, depthMsg, d, s.l.MarkdownDepth)
		}
	}
}

// itemWidth is the width of the list item whose marker of n bytes is at
// byte at, of column acol, after w columns of indentation: the columns up
// to its content, counted as goldmark counts them, with tab stops from
// where the line's containers left off. It moves the cursor to the
// content, unless that is blank.
func (c *cursor) itemWidth(at, acol, n, w int) (width int, blank bool) {
	base := w + n // goldmark's match[4]: where the content may start
	c.moveTo(at, acol)
	c.skip(n)
	if c.blank() {
		return base + 1, true
	}
	gap := 0
	for i := c.pos; i < len(c.line) && (c.line[i] == ' ' || c.line[i] == '\t'); i++ {
		if c.line[i] == ' ' {
			gap++
		} else {
			gap += 4 - (base+gap)%4
		}
	}
	if gap > 4 {
		gap = 1 // content that starts with indented code
	}
	c.skipCols(gap, base)
	return base + gap, false
}

// leaf takes the rest of the line, after its containers: code, a heading,
// a break, the start of a fence or HTML block, or paragraph text.
func (s *scan) leaf(c *cursor) *LimitError {
	w, at, col := c.indent(4)
	if at >= c.ink {
		return nil // an empty container
	}
	if w > 3 {
		if s.para.open {
			return s.text(c) // indented text goes on with a paragraph
		}
		return nil // indented code
	}
	if end, ok := c.htmlStart(s.para.open); ok {
		s.endPara()
		c.moveTo(at, col)
		if end == "" || !c.htmlEnds(end) {
			s.html = htmlBlock{open: true, end: end}
		}
		return nil
	}
	if ch, n := c.fenceAt(at); n > 0 {
		s.endPara()
		s.fence = fence{open: true, char: ch, n: n}
		return nil
	}
	switch {
	case c.thematic(at):
		s.endPara()
		return nil
	case s.para.open && c.setext(at):
		s.endPara() // a setext heading: retries took the other case
		return nil
	case c.atx(at):
		s.endPara()
		c.moveTo(at, col)
		err := s.text(c) // a heading is parsed inline on its own
		s.endPara()
		return err
	}
	c.moveTo(at, col)
	return s.text(c)
}

// endPara ends the open paragraph, if any.
func (s *scan) endPara() { s.para = para{defs: s.para.defs[:0]} }
