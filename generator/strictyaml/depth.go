package strictyaml

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// DefaultDepth is the deepest nesting Parse accepts when given 0: far more
// than any site.yaml, front matter or sidecar needs.
const DefaultDepth = 32

// depthAt scans src, without parsing it, for the first place where
// collections nest deeper than max, and returns its 1-based line and byte
// column; ok is false when there is none.
//
// The YAML parser's memory grows with the square of the nesting depth, so
// a 200 KB file of brackets takes gigabytes; this scan is linear and runs
// first. It counts block nesting by indentation (and by "- " items that
// open a sequence on the same line) and flow nesting by every bracket
// outside quotes, comments and block scalars, wherever it stands (after a
// tag or an anchor too). It counts a bracket in a plain scalar as nesting,
// so it errs on the side of a higher depth, never a lower one. Lines end
// at "\n", "\r\n" or a lone "\r", as the parser's do.
func depthAt(src []byte, max int) (line, col int, ok bool) {
	var s depthScan
	for n, rest := 1, src; len(rest) > 0; n++ {
		text := rest
		rest = nil
		if i := bytes.IndexAny(text, "\r\n"); i >= 0 {
			end := i + 1
			if text[i] == '\r' && end < len(text) && text[end] == '\n' {
				end++
			}
			text, rest = text[:i], text[end:]
		}
		if i, over := s.line(text, max); over {
			return n, column(text, i), true
		}
	}
	return 0, 0, false
}

// depthScan is the state of depthAt between lines.
type depthScan struct {
	indents []int // indentation of each open block collection
	flow    int   // open flow brackets
	quote   byte  // the quote a flow scalar spans lines in, or 0
	literal int   // indentation a block scalar's lines exceed, or -1
	inBlock bool  // inside a block scalar
}

// line scans one line and returns the offset where the depth passes max.
func (s *depthScan) line(text []byte, max int) (int, bool) {
	indent := 0
	for indent < len(text) && text[indent] == ' ' {
		indent++
	}
	blank := indent == len(text) || text[indent] == '#' || text[indent] == '\r'
	if s.inBlock {
		if blank || indent > s.literal {
			return 0, false
		}
		s.inBlock = false
	}
	if blank && s.quote == 0 {
		return 0, false
	}
	i := indent
	if s.flow == 0 && s.quote == 0 {
		for len(s.indents) > 0 && s.indents[len(s.indents)-1] >= indent {
			s.indents = s.indents[:len(s.indents)-1]
		}
		s.indents = append(s.indents, indent)
		// "- - - x" opens a sequence per dash on one line.
		for i+1 < len(text) && text[i] == '-' && (text[i+1] == ' ' || text[i+1] == '\t') {
			i += 2
			for i < len(text) && text[i] == ' ' {
				i++
			}
			s.indents = append(s.indents, i)
			if len(s.indents) > max {
				return i, true
			}
		}
		if len(s.indents) > max {
			return indent, true
		}
	}
	return s.rest(text, i, max)
}

// rest scans a line from start, where its content begins, for quotes,
// comments, brackets and the start of a block scalar.
func (s *depthScan) rest(text []byte, start, max int) (int, bool) {
	for i := start; i < len(text); i++ {
		c := text[i]
		if s.quote != 0 {
			switch {
			case c == '\\' && s.quote == '"':
				i++
			case c == s.quote && s.quote == '\'' && i+1 < len(text) && text[i+1] == '\'':
				i++
			case c == s.quote:
				s.quote = 0
			}
			continue
		}
		// What stands right before c: a quote, a comment or a block
		// scalar starts only after a space, or where a value can start.
		afterSpace := i == start || text[i-1] == ' ' || text[i-1] == '\t'
		afterFlow := i > 0 && s.flow > 0 && strings.IndexByte("[{,", text[i-1]) >= 0
		switch {
		case c == '#' && afterSpace:
			return 0, false
		case (c == '"' || c == '\'') && (afterSpace || afterFlow):
			s.quote = c
		case c == '[' || c == '{':
			s.flow++
			if len(s.indents)+s.flow > max {
				return i, true
			}
		case (c == ']' || c == '}') && s.flow > 0:
			s.flow--
		case (c == '|' || c == '>') && s.flow == 0 && afterSpace && blockHeader(text[i+1:]):
			// Its lines are those indented more than the node that owns
			// it, which starts where the line's content does.
			s.inBlock, s.literal = true, start
			return 0, false
		}
	}
	return 0, false
}

// blockHeader reports whether what follows "|" or ">" is a block scalar's
// header: indicators, then only spaces or a comment.
func blockHeader(rest []byte) bool {
	for i, c := range rest {
		switch {
		case c == '-' || c == '+' || (c >= '1' && c <= '9'):
		case c == ' ' || c == '\t' || c == '\r':
		case c == '#' && i > 0 && (rest[i-1] == ' ' || rest[i-1] == '\t'):
			return true
		default:
			return false
		}
	}
	return true
}

// column converts a byte offset in a line to a 1-based column in
// characters.
func column(text []byte, off int) int {
	if off > len(text) {
		off = len(text)
	}
	return utf8.RuneCount(text[:off]) + 1
}
