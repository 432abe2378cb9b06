package markup

import (
	"bytes"
	"regexp"
	"strings"
)

// cursor walks one line of the source for Limits.Check as goldmark's
// reader does: a tab goes to the next multiple of 4 columns, and a
// container that takes part of a tab leaves the rest of it as padding,
// spaces before the next byte.
type cursor struct {
	line []byte // without its "\n"
	off  int    // source offset of line[0]
	pos  int    // the next byte
	acol int    // the column where line[pos] starts
	pad  int    // spaces before line[pos], left of a tab
	ink  int    // end of the last byte that is not white space: the rest is blank from there
	// tbFrom is where the longest tail of the line made of one of "-*_"
	// (tbChar) and white space starts, for thematic breaks; -1 until needed.
	tbFrom int
	tbChar byte
}

func newCursor(src []byte, start, end int) cursor {
	c := cursor{line: src[start:end], off: start, tbFrom: -1}
	c.ink = len(c.line)
	for c.ink > 0 && isBlankByte(c.line[c.ink-1]) {
		c.ink--
	}
	return c
}

// isBlankByte is goldmark's util.IsSpace: a line of these is blank.
func isBlankByte(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// blank reports whether the rest of the line is white space.
func (c *cursor) blank() bool { return c.pos >= c.ink }

// col is the cursor's column, goldmark's LineOffset.
func (c *cursor) col() int { return c.acol - c.pad }

// indent measures the white space at the cursor, up to max columns: its
// width, and the byte where it ends and that byte's column.
func (c *cursor) indent(max int) (w, at, acol int) {
	acol = c.acol
	for at = c.pos; at < len(c.line) && c.pad+acol-c.acol < max; at++ {
		switch c.line[at] {
		case ' ':
			acol++
		case '\t':
			acol += 4 - acol%4
		default:
			return c.pad + acol - c.acol, at, acol
		}
	}
	return c.pad + acol - c.acol, at, acol
}

// moveTo puts the cursor on byte at, of column acol, as indent returned them.
func (c *cursor) moveTo(at, acol int) { c.pos, c.acol, c.pad = at, acol, 0 }

// skip passes n bytes that are not white space.
func (c *cursor) skip(n int) { c.pos += n; c.acol += n; c.pad = 0 }

// skipCols passes n columns of white space, as goldmark's IndentPosition
// counts them from column base: a tab that goes past them leaves padding.
func (c *cursor) skipCols(n, base int) {
	for w := 0; w < n; {
		if c.pad > 0 {
			c.pad--
			w++
			continue
		}
		if c.pos >= len(c.line) {
			return
		}
		switch c.line[c.pos] {
		case ' ':
			w++
			c.acol++
		case '\t':
			w += 4 - (base+w)%4
			c.acol += 4 - c.acol%4
			c.pad = max(w-n, 0)
		default:
			return
		}
		c.pos++
	}
}

// spacesTo reports whether only spaces are between the cursor and byte
// at: goldmark takes a list marker or an HTML block only after spaces
// (padding is spaces), never after a tab.
func (c *cursor) spacesTo(at int) bool {
	for i := c.pos; i < at; i++ {
		if c.line[i] != ' ' {
			return false
		}
	}
	return true
}

// rest is the rest of the line as goldmark's reader shows it, padding and
// all.
func (c *cursor) rest() []byte {
	if c.pad == 0 {
		return c.line[c.pos:]
	}
	return append(bytes.Repeat([]byte(" "), c.pad), c.line[c.pos:]...)
}

// listMarker returns the length of the list marker at byte at ("-", "+",
// "*", or up to 9 digits and "." or ")") and, for an ordered one, whether
// its number is 1; n is 0 when there is none. A marker must be followed by
// a space, a tab or the end of the line.
func (c *cursor) listMarker(at int) (n int, one, ordered bool) {
	l := c.line
	switch ch := l[at]; {
	case ch == '-' || ch == '+' || ch == '*':
		n = 1
	case '0' <= ch && ch <= '9':
		i := at
		for i < len(l) && i-at < 10 && '0' <= l[i] && l[i] <= '9' {
			i++
		}
		if i-at > 9 || i >= len(l) || (l[i] != '.' && l[i] != ')') {
			return 0, false, false
		}
		one = strings.TrimLeft(string(l[at:i]), "0") == "1"
		n, ordered = i+1-at, true
	default:
		return 0, false, false
	}
	if at+n < len(l) && l[at+n] != ' ' && l[at+n] != '\t' {
		return 0, false, false
	}
	return n, one, ordered
}

// thematic reports whether the line from byte at on is a thematic break:
// three or more of one of "-", "*" or "_", and white space. Each call that
// says no scans the rest of the line at most once more than the last
// marker, so a line costs linear time however many markers it has.
func (c *cursor) thematic(at int) bool {
	if c.tbFrom < 0 {
		i := len(c.line) - 1
		for i >= 0 && isBlankByte(c.line[i]) {
			i--
		}
		c.tbFrom = len(c.line)
		if i >= 0 && (c.line[i] == '-' || c.line[i] == '*' || c.line[i] == '_') {
			c.tbChar = c.line[i]
			for i >= 0 && (c.line[i] == c.tbChar || isBlankByte(c.line[i])) {
				i--
			}
			c.tbFrom = i + 1
		}
	}
	if at < c.tbFrom || c.line[at] != c.tbChar {
		return false
	}
	n := 0
	for i := at; i < len(c.line) && n < 3; i++ {
		if c.line[i] == c.tbChar {
			n++
		}
	}
	return n >= 3
}

// atx reports whether an ATX heading ("#" to "######" and a space) starts
// at byte at.
func (c *cursor) atx(at int) bool {
	i := at
	for i < len(c.line) && c.line[i] == '#' {
		i++
	}
	return i > at && i-at <= 6 && (i == len(c.line) || isBlankByte(c.line[i]))
}

// fenceAt returns the fence character and run length of a code fence
// opening at byte at; n is 0 when there is none.
func (c *cursor) fenceAt(at int) (ch byte, n int) {
	ch = c.line[at]
	if ch != '`' && ch != '~' {
		return 0, 0
	}
	i := at
	for i < len(c.line) && c.line[i] == ch {
		i++
	}
	if i-at < 3 || (ch == '`' && bytes.IndexByte(c.line[i:], '`') >= 0) {
		return 0, 0
	}
	return ch, i - at
}

// closes reports whether the rest of the line closes fence f.
func (c *cursor) closes(f fence) bool {
	w, at, _ := c.indent(4)
	if w >= 4 {
		return false
	}
	i := at
	for i < len(c.line) && c.line[i] == f.char {
		i++
	}
	return i-at >= f.n && i >= c.ink
}

// setext reports whether the line from byte at is a setext underline: a run
// of "=" or "-", then white space.
func (c *cursor) setext(at int) bool {
	ch := c.line[at]
	if ch != '=' && ch != '-' {
		return false
	}
	i := at
	for i < len(c.line) && c.line[i] == ch {
		i++
	}
	return i >= c.ink
}

// footnote returns the length of a footnote definition's "[^label]:" at
// byte at, found as goldmark finds it; 0 when there is none.
func (c *cursor) footnote(at int) int {
	l := c.line
	if at+1 >= len(l) || l[at] != '[' || l[at+1] != '^' {
		return 0
	}
	start := at + 2
	label := l[start:min(len(l), at+1+999)]
	for i := 0; i < len(label); i++ {
		switch label[i] {
		case '\\':
			if i+1 < len(label) && isPunct(label[i+1]) {
				i++
			}
		case '[':
			return 0
		case ']':
			if start+i+1 >= len(l) || l[start+i+1] != ':' || len(bytes.TrimLeft(label[:i], " \t\r")) == 0 {
				return 0
			}
			return i + 4 // "[^", the label, "]:"
		}
	}
	return 0
}

// isPunct is goldmark's util.IsPunct: ASCII punctuation.
func isPunct(b byte) bool {
	return '!' <= b && b <= '/' || ':' <= b && b <= '@' || '[' <= b && b <= '`' || '{' <= b && b <= '~'
}

// delimiterRow returns the number of columns of a table's delimiter row
// ("|---|:-:|") that is the rest of the line, as goldmark's table
// extension reads it, or 0.
func (c *cursor) delimiterRow() int {
	row := c.line[c.pos:]
	if w, _, _ := c.indent(4); w > 3 {
		return 0
	}
	dash, other := false, false
	for _, b := range row {
		switch {
		case b == '-':
			dash = true
		case b == '|' || b == ':':
			other = true
		case isBlankByte(b):
			other = true
		default:
			return 0
		}
	}
	if !dash || !other {
		return 0
	}
	cells := bytes.Split(row, []byte{'|'})
	if len(bytes.Trim(cells[0], " \t\r")) == 0 {
		cells = cells[1:]
	}
	if len(cells) > 0 && len(bytes.Trim(cells[len(cells)-1], " \t\r")) == 0 {
		cells = cells[:len(cells)-1]
	}
	for _, cell := range cells {
		if !delimCell.Match(cell) {
			return 0
		}
	}
	return len(cells)
}

var delimCell = regexp.MustCompile(`^\s*:?-+:?\s*$`)

// The HTML block starts of goldmark's parser/html_block.go.
var (
	htmlType1 = regexp.MustCompile(`(?i)^[ ]{0,3}<(script|pre|style|textarea)(?:\s.*|>.*|/>.*|)$`)
	htmlType4 = regexp.MustCompile(`^[ ]{0,3}<![A-Z]+`)
	htmlType6 = regexp.MustCompile(`^[ ]{0,3}<(?:/[ ]*)?([a-zA-Z]+[a-zA-Z0-9\-]*)(?:[ ].*|>.*|/>.*|)$`)
	htmlType7 = regexp.MustCompile(`^[ ]{0,3}<(/[ ]*)?([a-zA-Z]+[a-zA-Z0-9\-]*)(` + htmlAttribute + `*)[ ]*(?:>|/>)[ ]*$`)
)

const htmlAttribute = `(?:[\r\n \t]+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:[\r\n \t]*=[\r\n \t]*(?:[^\"'=<>` + "`" + `\x00-\x20]+|'[^']*'|"[^"]*"))?)`

// htmlBlockTags are the tag names of HTML blocks of type 6.
var htmlBlockTags = strings.Fields(`address article aside base basefont blockquote body
	caption center col colgroup dd details dialog dir div dl dt fieldset figcaption
	figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe
	legend li link main menu menuitem meta nav noframes ol optgroup option p param
	search section summary table tbody td tfoot th thead title tr track ul`)

// Ends of HTML blocks: type1End stands for any of </script>, </pre>,
// </style> and </textarea>; "" for a blank line.
const type1End = "</"

// htmlStart returns how the HTML block that the rest of the line starts
// ends, as goldmark's html block parser decides; ok is false when it starts
// none. inPara says a paragraph is open, which a block of type 7 cannot
// interrupt.
func (c *cursor) htmlStart(inPara bool) (end string, ok bool) {
	if _, at, _ := c.indent(4); at >= len(c.line) || c.line[at] != '<' || !c.spacesTo(at) {
		return "", false
	}
	rest := c.rest()
	t := bytes.TrimLeft(rest, " ")
	switch {
	case htmlType1.Match(rest):
		return type1End, true
	case bytes.HasPrefix(t, []byte("<!--")):
		return "-->", true
	case bytes.HasPrefix(t, []byte("<?")):
		return "?>", true
	case htmlType4.Match(rest):
		return ">", true
	case bytes.HasPrefix(t, []byte("<![CDATA[")):
		return "]]>", true
	}
	if m := htmlType7.FindSubmatchIndex(rest); m != nil {
		name := strings.ToLower(string(rest[m[4]:m[5]]))
		closing, attrs := m[2] >= 0 && m[3] > m[2], m[6] != m[7]
		switch {
		case isBlockTag(name):
			return "", true
		case name != "script" && name != "style" && name != "pre" && !inPara && !(closing && attrs):
			return "", true
		}
	}
	if m := htmlType6.FindSubmatchIndex(rest); m != nil && isBlockTag(strings.ToLower(string(rest[m[2]:m[3]]))) {
		return "", true
	}
	return "", false
}

func isBlockTag(name string) bool {
	for _, t := range htmlBlockTags {
		if t == name {
			return true
		}
	}
	return false
}

// htmlEnds reports whether the rest of the line holds end, the end of an
// HTML block of type 1 to 5.
func (c *cursor) htmlEnds(end string) bool {
	rest := c.line[c.pos:]
	if end != type1End {
		return bytes.Contains(rest, []byte(end))
	}
	lower := bytes.ToLower(rest)
	for _, tag := range []string{"</script>", "</pre>", "</style>", "</textarea>"} {
		if bytes.Contains(lower, []byte(tag)) {
			return true
		}
	}
	return false
}
