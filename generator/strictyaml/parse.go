package strictyaml

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/scholia/scholia/generator/diag"
)

// Decoder reads the nodes of one parsed file and collects the problems it
// finds as *diag.Error values at the file's positions.
type Decoder struct {
	path    string
	offset  int // added to the parser's line numbers
	lines   int // the number of lines of the input, for clamping
	errs    diag.List
	aliases map[*ast.AliasNode]ast.Node // each alias's target: the anchor of its name defined last before it
	budget  int                         // nodes Any may still visit (alias bombs)
	syntax  bool
}

// Node is one value of a parsed file, or nothing (the zero Node) when a key
// was not given.
type Node struct {
	n         ast.Node
	line, col int
}

// Given reports whether n holds a value: it is false for a key that is
// absent, empty or null.
func (n Node) Given() bool {
	if n.n == nil {
		return false
	}
	_, null := n.n.(*ast.NullNode)
	return !null
}

// Exists reports whether the key of n was written at all, even with an empty
// value.
func (n Node) Exists() bool { return n.line > 0 }

const bom = "\uFEFF"

// Lines counts the lines of src as the YAML parser does: "\n", "\r\n"
// and a lone "\r" each end one.
func Lines(src []byte) int {
	return bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) - bytes.Count(src, []byte("\r\n")) + 1
}

// Parse parses src, the text of the file path (relative to the site root)
// that starts on line firstLine of the file, and returns a Decoder for it
// with the root node of its one document. A syntax error is recorded in the
// Decoder and the root is then the zero Node, so a caller can go on as with
// an empty file and return d.Err() at the end. A leading byte order mark is
// ignored.
//
// Collections may nest at most maxDepth deep (DefaultDepth when 0). This is
// checked before parsing, because the parser's memory grows with the
// square of the depth; a file nested deeper gets one error, at the place
// where it passes the limit, and is not parsed.
func Parse(path string, src []byte, firstLine, maxDepth int) (*Decoder, Node) {
	d := &Decoder{
		path:    path,
		offset:  firstLine - 1,
		lines:   Lines(src),
		aliases: map[*ast.AliasNode]ast.Node{},
		budget:  100000,
	}
	if bytes.HasPrefix(src, []byte(bom)) {
		// An editor does not show the BOM, so columns on line 1 count
		// from the first character after it.
		src = src[len(bom):]
	}
	if e := diag.CheckUTF8(path, src, 1); e != nil {
		d.add(e.Line, e.Col, e.Msg)
		d.syntax = true
		return d, Node{}
	}
	if maxDepth <= 0 {
		maxDepth = DefaultDepth
	}
	if line, col, over := depthAt(src, maxDepth); over {
		d.add(line, col, fmt.Sprintf("the YAML nests more than %d deep here, past limits.yaml_depth: flatten it, or raise limits.yaml_depth in site.yaml", maxDepth))
		d.syntax = true
		return d, Node{}
	}
	file, err := parse(src)
	if err != nil {
		d.syntaxError(err)
		return d, Node{}
	}
	if file == nil || len(file.Docs) == 0 {
		return d, Node{}
	}
	if len(file.Docs) > 1 {
		doc := file.Docs[1]
		line, col := 1, 1
		if doc.Start != nil {
			line, col = doc.Start.Position.Line, doc.Start.Position.Column
		} else if doc.Body != nil && doc.Body.GetToken() != nil {
			line, col = doc.Body.GetToken().Position.Line, doc.Body.GetToken().Position.Column
		}
		d.add(line, col, `a second YAML document starts here: a file holds one document, so remove this "---" line`)
	}
	body := file.Docs[0].Body
	ast.Walk(&aliasResolver{d: d, anchors: map[string]ast.Node{}}, body)
	if body == nil {
		return d, Node{}
	}
	return d, d.node(body)
}

// parse runs the YAML parser, turning a panic in it into an error so that no
// input can crash a build.
func parse(src []byte) (file *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			file, err = nil, fmt.Errorf("YAML parser failed: %v", r)
		}
	}()
	return parser.ParseBytes(src, 0, parser.AllowDuplicateMapKey())
}

// aliasResolver walks a document in order and gives each alias the anchor
// of its name defined last before it, as YAML says: an anchor may be
// redefined, and an alias before any anchor of its name is an error.
type aliasResolver struct {
	d       *Decoder
	anchors map[string]ast.Node
}

func (a *aliasResolver) Visit(n ast.Node) ast.Visitor {
	switch v := n.(type) {
	case *ast.AnchorNode:
		if v.Name != nil {
			a.anchors[v.Name.GetToken().Value] = v.Value
		}
	case *ast.AliasNode:
		if v.Value == nil {
			break
		}
		name := v.Value.GetToken().Value
		if target, ok := a.anchors[name]; ok {
			a.d.aliases[v] = target
		} else {
			a.d.Errorf(a.d.node(n), "alias *%s is not defined: define it first with &%s, or remove the *", name, name)
		}
	}
	return a
}

// syntaxError records a parser error at its place.
func (d *Decoder) syntaxError(err error) {
	line, col, msg := 1, 1, err.Error()
	if ye, ok := err.(interface {
		GetToken() *token.Token
		GetMessage() string
	}); ok {
		msg = ye.GetMessage()
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			line, col = tk.Position.Line, tk.Position.Column
		}
	}
	d.syntax = true
	msg = strings.ReplaceAll(msg, "\t", `\t`)
	d.add(line, col, "YAML syntax error: "+msg+syntaxHint(msg))
}

// SyntaxError reports whether the text could not be parsed; the root is
// then the zero Node.
func (d *Decoder) SyntaxError() bool { return d.syntax }

// syntaxHint says what to do about the parser's commonest complaints.
func syntaxHint(msg string) string {
	switch {
	case strings.Contains(msg, "mapping value is not allowed"):
		return `; if a value contains ": ", put it in quotes, and check the indentation`
	case strings.Contains(msg, "tab character"), strings.Contains(msg, `'\t'`):
		return "; indent with spaces, not tabs"
	case strings.Contains(msg, "could not find end character"), strings.Contains(msg, "unterminated"):
		return "; close the quote"
	}
	return "; check the indentation and quote values that contain : # [ ] { } or start with a special character"
}

// node wraps n with its position. An undefined alias (reported by Parse)
// becomes an empty value.
func (d *Decoder) node(n ast.Node) Node {
	line, col := position(n)
	if al, ok := n.(*ast.AliasNode); ok && d.aliases[al] == nil {
		n = nil
	}
	return Node{n: n, line: line, col: col}
}

// position is where n starts: for a block mapping, its first key.
func position(n ast.Node) (int, int) {
	switch v := n.(type) {
	case nil:
		return 0, 0
	case *ast.MappingNode:
		if !v.IsFlowStyle && len(v.Values) > 0 {
			return position(v.Values[0])
		}
	case *ast.MappingValueNode:
		if v.Key != nil {
			return position(v.Key)
		}
	case *ast.LiteralNode:
		if v.Start != nil {
			return v.Start.Position.Line, v.Start.Position.Column
		}
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return 0, 0
	}
	return tk.Position.Line, tk.Position.Column
}

// add records a problem at a line and column of the parsed text.
func (d *Decoder) add(line, col int, msg string) {
	line += d.offset
	if line < 1+d.offset {
		line = 1 + d.offset
	}
	if max := d.lines + d.offset; line > max {
		line = max
	}
	if col < 1 {
		col = 1
	}
	d.errs = append(d.errs, &diag.Error{Path: d.path, Line: line, Col: col, Msg: msg})
}

// Errorf records a problem at n. The zero Node is placed at the start of the
// text.
func (d *Decoder) Errorf(n Node, format string, args ...any) {
	d.add(n.line, n.col, fmt.Sprintf(format, args...))
}

// FilePos returns n's position in the file (parsed lines shifted to the
// file's), as stored in errors.
func (d *Decoder) FilePos(n Node) (line, col int) {
	if n.line == 0 {
		return 0, 0
	}
	return n.line + d.offset, n.col
}

// Errors returns how many problems have been found so far, so that a
// caller can tell which part of a document had them.
func (d *Decoder) Errors() int { return len(d.errs) }

// Err returns the problems found so far as a sorted diag.List, or nil.
func (d *Decoder) Err() error {
	d.errs.Sort()
	return d.errs.Err()
}
