package markup

import (
	"html"
	"strconv"
	"unicode/utf8"

	"github.com/scholia/scholia/generator/anchor"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// pieceKind says how a piece's node renders its text, which decides where
// the node may be split.
type pieceKind uint8

const (
	kindText pieceKind = iota // *ast.Text resolved like html.Writer.Write
	kindRaw                   // raw *ast.Text (autolink labels): verbatim
	kindCode                  // *ast.Text in a code span: verbatim, final "\n" -> " "
	kindAtom                  // *ast.String or a line break: never split
)

// piece is the renderer's side of an anchor.Piece; its index is the Ref.
type piece struct {
	node ast.Node
	kind pieceKind
	text []byte
	// src[i] is the source offset of the token that produced text[i]: every
	// byte of an escape or entity maps to its first source byte, so a cut at
	// text offset r falls between tokens exactly when src[r] != src[r-1].
	src []int
	cov []cover // set by the wrapper: claims that cover part of this piece
}

// textModel is the article's rendered text, built from the goldmark AST.
type textModel struct {
	src    []byte
	doc    *anchor.Doc
	pieces []piece
	typo   map[*ast.String]text.Segment // source of the typographer's pieces
}

// buildModel walks the document and collects its text. It also prepares the
// tree so that later splits are clean: line breaks become empty Text nodes
// of their own, and autolinks get their label as a child Text node.
// typo gives the source bytes that each typographer piece replaces.
func buildModel(root ast.Node, path string, src []byte, typo map[*ast.String]text.Segment) *textModel {
	m := &textModel{src: src, doc: &anchor.Doc{Path: path, Source: src}, typo: typo}
	m.blocks(root)
	return m
}

func (m *textModel) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock:
			m.skipBlock(c)
			continue
		}
		if c.Type() != ast.TypeBlock {
			continue
		}
		if fc := c.FirstChild(); fc != nil && fc.Type() == ast.TypeInline {
			m.leafBlock(c)
		} else {
			m.blocks(c)
		}
	}
}

// skipBlock records a code or HTML block so the matcher can tell a quote
// taken from it apart from a quote that is simply wrong.
func (m *textModel) skipBlock(n ast.Node) {
	var t []byte
	var offs []int
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		for range seg.Padding {
			t = append(t, ' ')
			offs = append(offs, seg.Start)
		}
		for j := seg.Start; j < seg.Stop; j++ {
			t = append(t, m.src[j])
			offs = append(offs, j)
		}
	}
	if hb, ok := n.(*ast.HTMLBlock); ok && hb.HasClosure() {
		seg := hb.ClosureLine
		for j := seg.Start; j < seg.Stop; j++ {
			t = append(t, m.src[j])
			offs = append(offs, j)
		}
	}
	if len(t) == 0 {
		return
	}
	off := 0
	if len(offs) > 0 {
		off = offs[0]
	}
	m.doc.Blocks = append(m.doc.Blocks, anchor.Block{
		Skip:   true,
		Pieces: []anchor.Piece{{Text: string(t), Ref: -1, Source: offs, Offset: off}},
	})
}

func (m *textModel) leafBlock(n ast.Node) {
	var b anchor.Block
	pos := firstOffset(n)
	m.inline(n, &b, &pos, false)
	if len(b.Pieces) > 0 {
		m.doc.Blocks = append(m.doc.Blocks, b)
	}
}

// firstOffset is where a block's text starts in the source, for a first
// piece whose source is not known (an *ast.String not made by the
// typographer).
func firstOffset(n ast.Node) int {
	pos := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			pos = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if pos < 0 && n.Lines().Len() > 0 {
		pos = n.Lines().At(0).Start
	}
	return max(pos, 0)
}

func (m *textModel) add(b *anchor.Block, p piece, offset int) {
	if len(p.text) == 0 {
		return
	}
	ap := anchor.Piece{Text: string(p.text), Ref: len(m.pieces), Source: p.src, Offset: offset}
	if len(p.src) > 0 {
		ap.Offset = p.src[0]
	}
	m.pieces = append(m.pieces, p)
	b.Pieces = append(b.Pieces, ap)
}

// inline collects the text of parent's inline children. Only node kinds whose
// rendering is known are entered: an unknown inline node is not text.
func (m *textModel) inline(parent ast.Node, b *anchor.Block, pos *int, code bool) {
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		switch n := c.(type) {
		case *ast.Text:
			seg := n.Segment
			switch {
			case code:
				t, offs := verbatim(m.src, seg)
				if len(t) > 0 && t[len(t)-1] == '\n' {
					t[len(t)-1] = ' ' // as the code span renderer writes it
				}
				m.add(b, piece{node: n, kind: kindCode, text: t, src: offs}, seg.Start)
			case n.IsRaw():
				// html.Renderer ignores line break flags on raw text.
				t, offs := verbatim(m.src, seg)
				m.add(b, piece{node: n, kind: kindRaw, text: t, src: offs}, seg.Start)
			default:
				t, offs := resolveSegment(m.src, seg)
				m.add(b, piece{node: n, kind: kindText, text: t, src: offs}, seg.Start)
				if n.SoftLineBreak() || n.HardLineBreak() {
					// The break becomes a node of its own so that a mark
					// ending at this text closes before the <br> or "\n".
					brk := ast.NewTextSegment(text.NewSegment(seg.Stop, seg.Stop))
					brk.SetSoftLineBreak(n.SoftLineBreak())
					brk.SetHardLineBreak(n.HardLineBreak())
					n.SetSoftLineBreak(false)
					n.SetHardLineBreak(false)
					parent.InsertAfter(parent, n, brk)
					m.add(b, piece{node: brk, kind: kindAtom, text: []byte("\n")}, seg.Stop)
					c = brk
				}
			}
			*pos = seg.Stop
		case *ast.String:
			// The typographer's pieces are at the bytes they replace; any
			// other string is placed after the text before it.
			if seg, ok := m.typo[n]; ok {
				m.add(b, piece{node: n, kind: kindAtom, text: stringText(n)}, seg.Start)
				*pos = seg.Stop
			} else {
				m.add(b, piece{node: n, kind: kindAtom, text: stringText(n)}, *pos)
			}
		case *ast.CodeSpan:
			m.inline(n, b, pos, true)
		case *ast.AutoLink:
			m.autoLink(n, b, pos)
		case *ast.Emphasis, *ast.Link, *extast.Strikethrough:
			m.inline(n, b, pos, code)
		}
	}
}

// autoLink makes an autolink's label markable: the label becomes a raw Text
// child, which the link renderer writes in place of the label.
func (m *textModel) autoLink(n *ast.AutoLink, b *anchor.Block, pos *int) {
	if n.HasChildren() {
		return
	}
	label := n.Label(m.src)
	start := cap(m.src) - cap(label)
	if len(label) == 0 || start < 0 || start+len(label) > len(m.src) ||
		&m.src[start] != &label[0] {
		return // the label is not a slice of the source: leave it unmarkable
	}
	t := ast.NewRawTextSegment(text.NewSegment(start, start+len(label)))
	n.AppendChild(n, t)
	tx, offs := verbatim(m.src, t.Segment)
	m.add(b, piece{node: t, kind: kindRaw, text: tx, src: offs}, start)
	*pos = t.Segment.Stop
}

// stringText is what a reader sees of an *ast.String, rendered as
// html.Renderer.renderString does.
func stringText(n *ast.String) []byte {
	switch {
	case n.IsCode():
		return []byte(html.UnescapeString(string(n.Value)))
	case n.IsRaw():
		return append([]byte(nil), n.Value...)
	}
	t, _ := resolve(n.Value, 0, nil, nil)
	return t
}

func verbatim(src []byte, seg text.Segment) ([]byte, []int) {
	t := make([]byte, 0, seg.Len())
	offs := make([]int, 0, seg.Len())
	for range seg.Padding {
		t = append(t, ' ')
		offs = append(offs, seg.Start)
	}
	for i := seg.Start; i < seg.Stop; i++ {
		if src[i] == 0 { // util.EscapeHTML writes NUL as U+FFFD
			t = append(t, "\uFFFD"...)
			offs = append(offs, i, i, i)
			continue
		}
		t = append(t, src[i])
		offs = append(offs, i)
	}
	return t, offs
}

func resolveSegment(src []byte, seg text.Segment) ([]byte, []int) {
	// Sized for the common case, text with no references, so that the
	// slices are made once: a build makes these for every run of text.
	n := seg.Padding + seg.Len()
	t := make([]byte, 0, n)
	offs := make([]int, 0, n)
	for range seg.Padding {
		t = append(t, ' ')
		offs = append(offs, seg.Start)
	}
	return resolve(src[seg.Start:seg.Stop], seg.Start, t, offs)
}

// resolve appends to t what goldmark's html.DefaultWriter.Write makes of v,
// before HTML escaping: backslash escapes of punctuation dropped, entity and
// numeric character references resolved, NUL replaced. It must follow Write
// step by step (including its limits on reference lengths), or a split node
// would not render as the whole did; TestResolveMatchesWriter checks that.
// base is the source offset of v[0].
func resolve(v []byte, base int, t []byte, offs []int) ([]byte, []int) {
	emit := func(s []byte, at int) {
		t = append(t, s...)
		for range s {
			offs = append(offs, at)
		}
	}
	escaped := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		if escaped && util.IsPunct(c) {
			// The backslash was emitted as a literal: take it back.
			t, offs = t[:len(t)-1], offs[:len(offs)-1]
			emit(v[i:i+1], base+i-1)
			escaped = false
			continue
		}
		switch c {
		case 0:
			emit([]byte("\uFFFD"), base+i)
			escaped = false
			continue
		case '&':
			if s, end, ok := reference(v, i); ok {
				emit(s, base+i)
				i = end
				continue
			}
		case '\\':
			emit(v[i:i+1], base+i)
			escaped = true
			continue
		}
		escaped = false
		emit(v[i:i+1], base+i)
	}
	return t, offs
}

// reference resolves the character reference starting at v[i] == '&' as
// html.defaultWriter.Write does; end is the index of its ';'.
func reference(v []byte, i int) (s []byte, end int, ok bool) {
	limit := len(v)
	next := i + 1
	if next < limit && v[next] == '#' {
		nnext := next + 1
		if nnext >= limit {
			return nil, 0, false
		}
		nc := v[nnext]
		var start, j, base, maxDigits int
		var found bool
		switch {
		case nc == 'x' || nc == 'X':
			start = nnext + 1
			j, found = util.ReadWhile(v, [2]int{start, limit}, util.IsHexDecimal)
			base, maxDigits = 16, 7
		case nc >= '0' && nc <= '9':
			start = nnext
			j, found = util.ReadWhile(v, [2]int{start, limit}, util.IsNumeric)
			base, maxDigits = 10, 8
		default:
			return nil, 0, false
		}
		if !found || j >= limit || v[j] != ';' || j-start >= maxDigits {
			return nil, 0, false
		}
		n, _ := strconv.ParseUint(string(v[start:j]), base, 32)
		return utf8.AppendRune(nil, util.ToValidRune(rune(n))), j, true
	}
	j, found := util.ReadWhile(v, [2]int{next, limit}, util.IsAlphaNumeric)
	if !found || j >= limit || v[j] != ';' {
		return nil, 0, false
	}
	e, found := util.LookUpHTML5EntityByName(string(v[next:j]))
	if !found {
		return nil, 0, false
	}
	return e.Characters, j, true
}

// canCut reports whether p's node can be split at text offset r so that the
// parts render exactly as the whole.
func (p *piece) canCut(r int) bool {
	if r <= 0 || r >= len(p.text) {
		return true
	}
	if p.kind == kindAtom || !utf8.RuneStart(p.text[r]) {
		return false
	}
	return p.src[r] != p.src[r-1]
}
