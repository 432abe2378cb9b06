package fix

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scholia/scholia/generator/content"
)

// edits change a sidecar's text line by line, so that everything they do
// not touch (comments, key order, blank lines, the other values' quoting)
// stays as it was.
type edits struct {
	lines []string // the file's lines, each with its line break
	ops   []op
}

// op replaces lines [from, to) (0-based) with text: to == from inserts.
type op struct {
	from, to int
	text     []string
}

func newEdits(src []byte) *edits {
	return &edits{lines: strings.SplitAfter(string(src), "\n")}
}

// value is where the value of a key written at p stands: its lines, the
// column (bytes) where it starts on the first, and how it is quoted.
type value struct {
	first, last int // 0-based lines
	col         int // byte offset of the value on line first
	style       byte
	comment     string // a comment after a one-line value, kept
}

// valueAt finds the value of the key written at p ("key: value").
func (e *edits) valueAt(p content.Pos) (value, error) {
	i := p.Line - 1
	if i < 0 || i >= len(e.lines) {
		return value{}, fmt.Errorf("line %d is not in the file", p.Line)
	}
	line := strings.TrimRight(e.lines[i], "\r\n")
	k := byteCol(line, p.Col)
	colon := strings.Index(line[k:], ":")
	if colon < 0 {
		return value{}, fmt.Errorf("line %d: no key at column %d", p.Line, p.Col)
	}
	v := value{first: i, last: i, col: k + colon + 1}
	for v.col < len(line) && line[v.col] == ' ' {
		v.col++
	}
	rest := line[v.col:]
	keyIndent := k
	switch {
	case rest == "" || rest[0] == '|' || rest[0] == '>':
		// A block scalar, or a value on the lines below: it runs while
		// lines are indented deeper than the key, or blank.
		v.style = '|'
		for j := i + 1; j < len(e.lines); j++ {
			l := strings.TrimRight(e.lines[j], "\r\n")
			if strings.TrimSpace(l) != "" && indentOf(l) <= keyIndent {
				break
			}
			if strings.TrimSpace(l) != "" {
				v.last = j
			}
		}
	case rest[0] == '"' || rest[0] == '\'':
		v.style = rest[0]
		end, last, ok := e.closeQuote(i, v.col, rest[0])
		if !ok {
			return value{}, fmt.Errorf("line %d: the quoted value does not end", p.Line)
		}
		v.last = last
		if last == i {
			v.comment = strings.TrimRight(line[end:], " ")
		}
	default:
		v.style = 'p'
		if c := strings.Index(rest, " #"); c >= 0 {
			v.comment = rest[c:]
		}
	}
	return v, nil
}

// closeQuote finds the quote that closes the one at line i, byte col: the
// byte after it and its line.
func (e *edits) closeQuote(i, col int, q byte) (end, line int, ok bool) {
	for j := i; j < len(e.lines); j++ {
		l := e.lines[j]
		start := 0
		if j == i {
			start = col + 1
		}
		for k := start; k < len(l); k++ {
			switch {
			case q == '"' && l[k] == '\\':
				k++
			case l[k] == q && q == '\'' && k+1 < len(l) && l[k+1] == '\'':
				k++
			case l[k] == q:
				return k + 1, j, true
			}
		}
	}
	return 0, 0, false
}

// set writes s as the value of the key at p, in the value's own quoting
// when it can hold s, or as it is when raw (a number).
func (e *edits) set(p content.Pos, s string, raw bool) error {
	v, err := e.valueAt(p)
	if err != nil {
		return err
	}
	if !raw {
		s = encode(s, v.style)
	}
	head := e.lines[v.first][:v.col]
	e.ops = append(e.ops, op{from: v.first, to: v.last + 1, text: []string{head + s + v.comment + lineBreak(e.lines[v.last])}})
	return nil
}

// isMapping reports whether the value of the key at p is a mapping, as a
// quote given as a TextQuoteSelector is.
func (e *edits) isMapping(p content.Pos) bool {
	v, err := e.valueAt(p)
	if err != nil {
		return false
	}
	first := strings.TrimRight(e.lines[v.first], "\r\n")[v.col:]
	if strings.HasPrefix(first, "{") {
		return true
	}
	if v.style == '|' && first == "" && v.last > v.first {
		next := strings.TrimSpace(e.lines[v.first+1])
		return strings.Contains(next, ":") && !strings.HasPrefix(next, "-")
	}
	return false
}

// remove deletes the key at p and its value.
func (e *edits) remove(p content.Pos) error {
	v, err := e.valueAt(p)
	if err != nil {
		return err
	}
	e.ops = append(e.ops, op{from: v.first, to: v.last + 1})
	return nil
}

// add writes "key: s" after the value of the key at after, as indented:
// s quoted, or as it is when raw (a number).
func (e *edits) add(after content.Pos, key, s string, raw bool) error {
	v, err := e.valueAt(after)
	if err != nil {
		return err
	}
	if !raw {
		s = encode(s, '"')
	}
	indent := strings.Repeat(" ", byteCol(e.lines[v.first], after.Col))
	text := indent + key + ": " + s + "\n"
	if lineBreak(e.lines[v.last]) == "" {
		text = "\n" + strings.TrimSuffix(text, "\n") // after the file's last line
	}
	e.ops = append(e.ops, op{from: v.last + 1, to: v.last + 1, text: []string{text}})
	return nil
}

// apply returns the edited text; ops must not overlap.
func (e *edits) apply() []byte {
	var b strings.Builder
	next := 0
	for i := 0; i <= len(e.lines); i++ {
		for _, o := range e.ops {
			if o.from == i {
				for _, t := range o.text {
					b.WriteString(t)
				}
				next = max(next, o.to)
			}
		}
		if i < len(e.lines) && i >= next {
			b.WriteString(e.lines[i])
		}
	}
	return []byte(b.String())
}

// encode writes s as a YAML scalar: plain when the value was plain and s
// reads the same plain, single-quoted when it was and s fits on a line,
// double-quoted otherwise.
func encode(s string, style byte) string {
	switch {
	case style == 'p' && plainSafe(s):
		return s
	case style == '\'' && !strings.ContainsAny(s, "\n\r\t"):
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return strconv.Quote(s) // a JSON-style string is a YAML double-quoted scalar
}

// plainSafe reports whether s reads back as itself as a plain scalar.
func plainSafe(s string) bool {
	if s == "" || strings.TrimSpace(s) != s || strings.ContainsAny(s, "\n\r\t") ||
		strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(s[0])) {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~":
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err != nil
}

func byteCol(line string, col int) int {
	b := 0
	for n := 1; n < col && b < len(line); n++ {
		_, size := utf8.DecodeRuneInString(line[b:])
		b += size
	}
	return b
}

func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

func lineBreak(l string) string {
	switch {
	case strings.HasSuffix(l, "\r\n"):
		return "\r\n"
	case strings.HasSuffix(l, "\n"):
		return "\n"
	}
	return "" // the file's last line, without one
}
