package markup

import "slices"

// linkDefinitions returns the index of the first of a paragraph's lines
// (spans of src, without their line break) that goldmark's link reference
// definition transformer leaves in the paragraph, len(lines) when it takes
// them all. It follows parseLinkReferenceDefinition of goldmark's
// parser/link_ref.go step by step, on the lines joined with "\n": whether a
// paragraph goes away decides how goldmark parses a setext underline after
// it, and so what the lines after that are.
func linkDefinitions(src []byte, lines []span) int {
	var buf []byte
	starts := make([]int, 0, len(lines)+1)
	for _, l := range lines {
		starts = append(starts, len(buf))
		buf = append(append(buf, src[l.start:l.end]...), '\n')
	}
	d := defReader{buf: buf, starts: starts}
	removed := make([]bool, len(lines))
	for pos := 0; ; {
		from, to, next, ok := d.definition(pos)
		if !ok {
			break
		}
		for i := from; i < max(to, from+1) && i < len(removed); i++ {
			removed[i] = true
		}
		pos = next
	}
	if i := slices.Index(removed, false); i >= 0 {
		return i
	}
	return len(lines)
}

// defReader reads the joined lines of a paragraph; starts[i] is where line
// i starts in buf.
type defReader struct {
	buf    []byte
	starts []int
}

// lineOf is the line that byte pos of buf is on.
func (d *defReader) lineOf(pos int) int {
	i, found := slices.BinarySearch(d.starts, pos)
	if !found {
		i--
	}
	return i
}

// spaces skips white space from pos, over line ends.
func (d *defReader) spaces(pos int) int {
	for pos < len(d.buf) && isBlankByte(d.buf[pos]) {
		pos++
	}
	return pos
}

// lineEnd is the end of the line of pos, after its "\n".
func (d *defReader) lineEnd(pos int) int {
	for pos < len(d.buf) && d.buf[pos] != '\n' {
		pos++
	}
	return min(pos+1, len(d.buf))
}

// closure finds closer from pos on, over line ends, as goldmark's
// FindClosure without nesting: an escaped byte is skipped, and opener
// (when it differs from closer) ends the search. When nothing is found, i
// is where goldmark's reader is left: the start of the line the search gave
// up on, or the end.
func (d *defReader) closure(pos int, opener, closer byte) (i int, found bool) {
	for i = pos; i < len(d.buf); i++ {
		switch c := d.buf[i]; {
		case c == '\\' && i+1 < len(d.buf) && d.buf[i+1] != '\n' && isPunct(d.buf[i+1]):
			i++
		case c == closer:
			return i, true
		case c == opener:
			return d.starts[d.lineOf(i)], false
		}
	}
	return len(d.buf), false
}

// definition reads the link reference definition at pos: lines [from, to)
// go, and the next one is read from next.
func (d *defReader) definition(pos int) (from, to, next int, ok bool) {
	p := d.spaces(pos)
	if p >= len(d.buf) || d.buf[p] != '[' {
		return 0, 0, 0, false
	}
	from = d.lineOf(p)
	q, found := d.closure(p+1, '[', ']')
	if !found || isBlankBytes(d.buf[p+1:q]) || q+1 >= len(d.buf) || d.buf[q+1] != ':' {
		return 0, 0, 0, false
	}
	p = d.spaces(q + 2)
	end, ok := d.destination(p)
	if !ok {
		return 0, 0, 0, false
	}
	newLine := isBlankBytes(d.buf[end:d.lineEnd(end)])
	last := d.lineOf(min(end, len(d.buf)-1))
	t := d.spaces(end)
	if t >= len(d.buf) || (d.buf[t] != '"' && d.buf[t] != '\'' && d.buf[t] != '(') {
		return from, last + 1, t, newLine
	}
	if t == end {
		return 0, 0, 0, false // no space before the title
	}
	closer := d.buf[t]
	if closer == '(' {
		closer = ')'
	}
	q, found = d.closure(t+1, d.buf[t], closer)
	switch {
	case !found && !newLine:
		return 0, 0, 0, false
	case !found:
		return from, last + 1, d.lineEnd(q), true
	case !isBlankBytes(d.buf[q+1 : d.lineEnd(q)]):
		if !newLine {
			return 0, 0, 0, false
		}
		return from, last, q + 1, true // the title is not the definition's
	}
	return from, d.lineOf(q) + 1, q + 1, true
}

// destination reads a link destination at p, within its line, as goldmark's
// parseLinkDestination does, and returns where it ends.
func (d *defReader) destination(p int) (end int, ok bool) {
	if p >= len(d.buf) {
		return p, false
	}
	line := d.buf[p:d.lineEnd(p)]
	escaped := func(i int) bool { return line[i] == '\\' && i < len(line)-1 && isPunct(line[i+1]) }
	if line[0] == '<' {
		for i := 1; i < len(line); i++ {
			switch {
			case escaped(i):
				i++
			case line[i] == '>':
				return p + i + 1, true
			}
		}
		return p, false
	}
	opened, i := 0, 0
scan:
	for i < len(line) {
		switch c := line[i]; {
		case escaped(i):
			i += 2
			continue
		case c == '(':
			opened++
		case c == ')':
			if opened--; opened < 0 {
				break scan
			}
		case isBlankByte(c):
			break scan
		}
		i++
	}
	return p + i, i != 0
}

func isBlankBytes(b []byte) bool {
	for _, c := range b {
		if !isBlankByte(c) {
			return false
		}
	}
	return true
}
