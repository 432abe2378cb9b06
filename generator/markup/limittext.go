package markup

// text takes the rest of the line as paragraph text: a table's header,
// delimiter row or row, or a line to count as the paragraph's.
func (s *scan) text(c *cursor) *LimitError {
	p := &s.para
	if !p.open {
		*p = para{open: true, defs: p.defs[:0]}
		if _, at, _ := c.indent(4); at < len(c.line) && c.line[at] == '[' {
			p.maybe = true
		}
	}
	line := span{c.off + c.pos, c.off + len(c.line)}
	if p.maybe {
		p.defs = append(p.defs, line)
	}
	defer func() { p.lines++; p.prev = line }()
	if p.inline++; p.inline > s.l.ParagraphLines {
		_, at, _ := c.indent(4)
		return s.l.errorAt(s.src, c.off+min(at, len(c.line)), "paragraph_lines", s.l.ParagraphLines, linesMsg, p.inline, s.l.ParagraphLines)
	}
	if p.cols == 0 && !p.noTable && p.lines > 0 {
		if cols := c.delimiterRow(); cols > 0 {
			if headerCells(s.src[p.prev.start:p.prev.end]) > cols {
				p.noTable = true // goldmark gives up on tables in this paragraph
			} else {
				return s.table(c, cols)
			}
		}
	}
	pipes := &p.prevPipe
	if p.cols > 0 {
		if err := s.row(c, p.cols); err != nil {
			return err
		}
		pipes = &s.pipes
	} else {
		p.prevPipe = 0
	}
	return s.count(c, pipes)
}

// table starts a table of cols columns at its delimiter row, the line at c.
func (s *scan) table(c *cursor, cols int) *LimitError {
	p := &s.para
	_, at, _ := c.indent(4)
	if cols > s.l.TableColumns {
		return s.l.errorAt(s.src, c.off+at, "table_columns", s.l.TableColumns, columnsMsg, cols, s.l.TableColumns)
	}
	p.cols, p.header = cols, p.lines-1
	s.pipes += p.prevPipe
	if s.pipes > s.l.TableEscapedPipes {
		return s.l.errorAt(s.src, p.prev.start, "table_escaped_pipes", s.l.TableEscapedPipes, pipesMsg, s.pipes, s.l.TableEscapedPipes)
	}
	return s.addCells(c.off+at, cols)
}

// row counts a table row: cols cells whatever the line holds. Unless the
// paragraph may have started with link reference definitions (then goldmark
// may not see the same table), each row is parsed inline on its own.
func (s *scan) row(c *cursor, cols int) *LimitError {
	if p := &s.para; !p.maybe {
		p.brackets, p.runs, p.ticks, p.inline = 0, 0, 0, 1
	}
	_, at, _ := c.indent(4)
	return s.addCells(c.off+min(at, len(c.line)), cols)
}

func (s *scan) addCells(off, n int) *LimitError {
	s.cells += n
	if s.cells > s.l.TableCells {
		return s.l.errorAt(s.src, off, "table_cells", s.l.TableCells, cellsMsg, s.cells, s.l.TableCells)
	}
	return nil
}

// count counts the brackets and emphasis runs of the rest of the line for
// the paragraph, and the escaped pipes after a backtick in a cell in pipes.
func (s *scan) count(c *cursor, pipes *int) *LimitError {
	p, l := &s.para, s.l
	tick := false
	for i := c.pos; i < len(c.line); i++ {
		switch ch := c.line[i]; ch {
		case '[':
			if p.brackets++; p.brackets > l.ParagraphBrackets {
				return l.errorAt(s.src, c.off+i, "paragraph_brackets", l.ParagraphBrackets, bracketsMsg, p.brackets, l.ParagraphBrackets)
			}
		case '*', '_', '~':
			if i > c.pos && c.line[i-1] == ch {
				continue
			}
			if p.runs++; p.runs > l.ParagraphEmphasis {
				return l.errorAt(s.src, c.off+i, "paragraph_emphasis", l.ParagraphEmphasis, emphasisMsg, p.runs, l.ParagraphEmphasis)
			}
		case '`':
			tick = true
			if i > c.pos && c.line[i-1] == '`' {
				continue
			}
			if p.ticks++; p.ticks > l.ParagraphCodeSpans {
				return l.errorAt(s.src, c.off+i, "paragraph_code_spans", l.ParagraphCodeSpans, ticksMsg, p.ticks, l.ParagraphCodeSpans)
			}
		case '|':
			if i == 0 || c.line[i-1] != '\\' {
				tick = false // a new cell
				continue
			}
			if !tick {
				continue
			}
			if *pipes++; pipes == &s.pipes && s.pipes > l.TableEscapedPipes {
				return l.errorAt(s.src, c.off+i-1, "table_escaped_pipes", l.TableEscapedPipes, pipesMsg, s.pipes, l.TableEscapedPipes)
			}
		}
	}
	return nil
}

// headerCells is the number of cells goldmark's table extension makes of
// a header row: "|"-separated, one at each end dropped, "\|" not a pipe.
func headerCells(row []byte) int {
	i, j := 0, len(row)
	for i < j && isBlankByte(row[i]) {
		i++
	}
	for j > i && isBlankByte(row[j-1]) {
		j--
	}
	if i < j && row[i] == '|' {
		i++
	}
	if i < j && row[j-1] == '|' {
		j--
	}
	n := 0
	for pos := i; pos < j; n++ {
		k := pos
		for k < j && (row[k] != '|' || k > 0 && row[k-1] == '\\') {
			k++
		}
		pos = k + 1
	}
	return n
}
