package markup

import (
	"bytes"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// cover is the part [start, end) of a piece's text that claim covers.
type cover struct{ claim, start, end int }

// wrap highlights the anchored claims of j in the document root: it
// splits text nodes at the claims' boundaries, wraps covered runs in Mark
// nodes and puts a note reference after each claim's last mark.
//
// Marks never cross an element boundary: each container (paragraph,
// emphasis, link, code span, ...) is rebuilt on its own, so a claim that
// spans <em> gets one mark before it, one inside and one after. Inside a
// container, marks open and close with a stack so overlapping claims nest.
//
// A claim whose reference has no place (see refPlace) is taken back: it
// gets no marks, and an error in j.errs.
func wrap(j *job, root ast.Node) {
	tm := j.model
	lastPiece := make([]int, len(j.claims))
	for k, m := range j.anchors {
		lastPiece[k] = -1
		if m == nil {
			continue
		}
		for _, s := range m.Spans {
			p := &tm.pieces[s.Ref]
			st, en := p.snap(s.Start, s.End)
			if st < en {
				p.cov = append(p.cov, cover{claim: k, start: st, end: en})
				lastPiece[k] = s.Ref
			}
		}
	}

	// Where each reference goes, decided before any node is split (a split
	// keeps the parent, and raw HTML is never split): after refAt[k], or,
	// when that is the claim's last piece itself, after the last part of
	// it that the claim covers.
	var raw *rawLinks
	if j.unsafe {
		raw = findRawLinks(root, tm.src)
	}
	if raw != nil && j.notes != nil {
		j.marginLate = make([]bool, len(j.claims))
		for k, m := range j.anchors {
			if m != nil {
				j.marginLate[k] = raw.openBefore(tm.pieces[m.Spans[0].Ref].node)
			}
		}
	}
	refAt := make([]ast.Node, len(j.claims))
	dropped := false
	for k, ref := range lastPiece {
		if ref < 0 {
			continue
		}
		at, err := refPlace(tm.pieces[ref].node, raw, j.path, tm.src)
		if err != nil {
			j.anchors[k] = nil
			j.errs = append(j.errs, &ClaimError{Index: k, Err: err})
			lastPiece[k] = -1
			dropped = true
			continue
		}
		refAt[k] = at
	}
	if dropped {
		for i := range tm.pieces {
			tm.pieces[i].cov = slices.DeleteFunc(tm.pieces[i].cov, func(c cover) bool { return j.anchors[c.claim] == nil })
		}
		slices.SortStableFunc(j.errs, func(a, b *ClaimError) int { return a.Index - b.Index })
	}

	w := wrapper{
		claims:    j.claims,
		claimsOf:  map[ast.Node][]int{},
		refsAfter: map[ast.Node][]int{},
		touched:   map[ast.Node]bool{},
	}
	last := make([]ast.Node, len(j.claims))
	for ref := range tm.pieces {
		p := &tm.pieces[ref]
		if len(p.cov) == 0 {
			continue
		}
		w.touch(p.node.Parent())
		for _, pt := range split(p) {
			var ks []int
			for _, c := range p.cov {
				if c.start <= pt.start && pt.end <= c.end && !slices.Contains(ks, c.claim) {
					ks = append(ks, c.claim)
				}
			}
			if len(ks) == 0 {
				continue
			}
			w.claimsOf[pt.node] = ks
			for _, k := range ks {
				if lastPiece[k] == ref {
					last[k] = pt.node
				}
			}
		}
	}
	for k, x := range refAt {
		if x == nil {
			continue
		}
		if x == tm.pieces[lastPiece[k]].node {
			x = last[k]
		}
		w.refsAfter[x] = append(w.refsAfter[x], k)
		w.touch(x.Parent())
	}
	for _, parent := range w.order {
		w.rebuild(parent)
	}
	markFirsts(w.order)
}

// refPlace returns the node that the note reference of a claim follows
// when the claim's last mark is in the inline node n (n itself, when it
// can). A link cannot hold the reference (nested <a> is invalid); a code
// span or strikethrough would show its label as code or struck out: the
// reference goes after them. With raw HTML rendered (raw != nil), a link
// may also be an <a ...> and an </a> of raw HTML around n: the reference
// goes after that </a>. When the </a> is not in n's block (or missing),
// the link holds everything after n up to the block's end, and the claim
// has no place for its reference: that is an error wrapping ErrInRawLink.
func refPlace(n ast.Node, raw *rawLinks, path string, src []byte) (ast.Node, error) {
	x := n
	for {
		for p := x.Parent(); p != nil && p.Type() != ast.TypeBlock; p = p.Parent() {
			switch p.(type) {
			case *ast.Link, *ast.AutoLink, *ast.CodeSpan, *extast.Strikethrough:
				x = p
			}
		}
		if raw == nil {
			return x, nil
		}
		st, open := raw.openAfter[x]
		if !open {
			return x, nil
		}
		c := raw.closer(st.seq)
		if c == nil || blockOf(c) != blockOf(x) {
			line, col := lineCol(src, st.openedAt)
			return nil, fmt.Errorf("%w that is not closed in the same block (<a> at %s:%d:%d): "+
				"its note reference would be inside the link; close the link with </a> in that block, "+
				"or end the quote before the link", ErrInRawLink, path, line, col)
		}
		x = c
	}
}

// blockOf is the block that holds the inline node n (n, if it is a block).
func blockOf(n ast.Node) ast.Node {
	for n != nil && n.Type() != ast.TypeBlock {
		n = n.Parent()
	}
	return n
}

// lineCol is the line and column (in characters), both from 1, of byte off
// of src.
func lineCol(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return bytes.Count(src[:off], []byte("\n")) + 1, utf8.RuneCount(src[start:off]) + 1
}

type wrapper struct {
	claims    []Claim
	claimsOf  map[ast.Node][]int // covered leaf -> claims covering it
	refsAfter map[ast.Node][]int // node -> claims whose reference follows it
	touched   map[ast.Node]bool
	order     []ast.Node // touched containers, in the order first touched
}

func (w *wrapper) touch(n ast.Node) {
	if n != nil && !w.touched[n] {
		w.touched[n] = true
		w.order = append(w.order, n)
	}
}

// part is one node of a split piece and the text range it renders.
type part struct {
	node       ast.Node
	start, end int
}

// split cuts p's node at every boundary of its covers. Each part keeps its
// share of the segment, the raw flag and (on the last part) any line break
// flag, so the parts render exactly as the whole did.
func split(p *piece) []part {
	var cuts []int
	for _, c := range p.cov {
		for _, r := range []int{c.start, c.end} {
			if r > 0 && r < len(p.text) {
				cuts = append(cuts, r)
			}
		}
	}
	if len(cuts) == 0 {
		return []part{{p.node, 0, len(p.text)}}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	n := p.node.(*ast.Text) // atoms are never cut (piece.canCut)
	parent := n.Parent()
	bounds := append(append([]int{0}, cuts...), len(p.text))
	parts := make([]part, 0, len(bounds)-1)
	for i := range len(bounds) - 1 {
		seg := text.NewSegment(p.src[bounds[i]], n.Segment.Stop)
		if i == 0 {
			seg.Start, seg.Padding = n.Segment.Start, n.Segment.Padding
		}
		if i+1 < len(bounds)-1 {
			seg.Stop = p.src[bounds[i+1]]
		}
		t := ast.NewTextSegment(seg)
		t.SetRaw(n.IsRaw())
		if i == len(bounds)-2 {
			t.SetSoftLineBreak(n.SoftLineBreak())
			t.SetHardLineBreak(n.HardLineBreak())
		}
		parent.InsertBefore(parent, n, t)
		parts = append(parts, part{t, bounds[i], bounds[i+1]})
	}
	parent.RemoveChild(parent, n)
	return parts
}

// snap widens [start, end) to the nearest places where p can be cut, so a
// span that ends inside an escape or entity takes all of it.
func (p *piece) snap(start, end int) (int, int) {
	for !p.canCut(start) {
		start--
	}
	for !p.canCut(end) {
		end++
	}
	return start, end
}

func isLeaf(n ast.Node) bool {
	switch n.(type) {
	case *ast.Text, *ast.String:
		return true
	}
	return false
}

// rendersNothing reports whether a leaf writes no HTML at all; such a leaf
// stays inside whatever mark is open rather than closing it.
func rendersNothing(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.Text:
		return n.Segment.Len() == 0 && n.Segment.Padding == 0 && !n.SoftLineBreak() && !n.HardLineBreak()
	case *ast.String:
		return len(n.Value) == 0
	}
	return false
}

type openedMark struct {
	claim int
	mark  *Mark
}

// rebuild re-creates parent's children with marks around covered leaves.
func (w *wrapper) rebuild(parent ast.Node) {
	var kids []ast.Node
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		kids = append(kids, c)
	}
	parent.RemoveChildren(parent)
	var stack []openedMark
	emit := func(n ast.Node) {
		if len(stack) > 0 {
			top := stack[len(stack)-1].mark
			top.AppendChild(top, n)
		} else {
			parent.AppendChild(parent, n)
		}
	}
	for i, c := range kids {
		switch {
		case !isLeaf(c):
			stack = stack[:0] // marks do not cross elements
			emit(c)
		case w.claimsOf[c] == nil && rendersNothing(c):
			emit(c)
		default:
			want := w.claimsOf[c]
			keep := 0
			for keep < len(stack) && slices.Contains(want, stack[keep].claim) {
				keep++
			}
			stack = stack[:keep]
			var fresh []int
			for _, k := range want {
				if !slices.ContainsFunc(stack, func(o openedMark) bool { return o.claim == k }) {
					fresh = append(fresh, k)
				}
			}
			// Claims that reach further open first, around the others:
			// fewer marks are split.
			reach := make(map[int]int, len(fresh))
			for _, k := range fresh {
				reach[k] = w.reach(kids, i, k)
			}
			slices.SortStableFunc(fresh, func(a, b int) int {
				if reach[a] != reach[b] {
					return reach[b] - reach[a]
				}
				return a - b
			})
			for _, k := range fresh {
				m := &Mark{Claim: &w.claims[k], Index: k}
				emit(m)
				stack = append(stack, openedMark{k, m})
			}
			emit(c)
		}
		if refs := w.refsAfter[c]; len(refs) > 0 {
			stack = stack[:0]
			for _, k := range refs {
				emit(&Mark{Claim: &w.claims[k], Index: k, Ref: true})
			}
		}
	}
}

// reach is the index of the last of kids, from i on, that claim k covers
// without a break (an element, an uncovered leaf or a note reference).
func (w *wrapper) reach(kids []ast.Node, i, k int) int {
	j := i
	for j+1 < len(kids) && w.refsAfter[kids[j]] == nil {
		next := kids[j+1]
		if !isLeaf(next) {
			break
		}
		ks := w.claimsOf[next]
		if !slices.Contains(ks, k) && (ks != nil || !rendersNothing(next)) {
			break
		}
		j++
	}
	return j
}

// markFirsts gives the first mark of each claim in document order its id.
func markFirsts(containers []ast.Node) {
	if len(containers) == 0 {
		return
	}
	root := containers[0]
	for root.Parent() != nil {
		root = root.Parent()
	}
	seen := map[*Claim]bool{}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if m, ok := n.(*Mark); ok && entering && !m.Ref && !seen[m.Claim] {
			seen[m.Claim] = true
			m.First = true
		}
		return ast.WalkContinue, nil
	})
}
