package markup

import (
	"fmt"
	"html"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Notes are what a theme puts in the article for one claim, as HTML that
// the renderer wraps in its own elements (each with data-annot): the
// content of the note reference, of the margin note beside the claim and
// of the disclosure after the claim's block. An empty field leaves its
// element out (Ref: the grade label).
type Notes struct {
	// Ref is phrasing content for <a class="claim-ref">: say the grade
	// in text, for screen readers at least.
	Ref []byte
	// Margin is phrasing content for <span class="margin-note">, which
	// stands right before the claim's first mark (see [Phrasing]).
	Margin []byte
	// Disclosure is flow content for <details class="claim-disclosure">,
	// which follows the block that holds the claim's last mark; it starts
	// with its <summary>.
	Disclosure []byte
}

// NotesFunc makes the Notes of every claim once the claims are anchored.
// order holds the indexes of the anchored claims in the order their first
// marks come in the text, so that a theme numbers them as a reader meets
// them; it returns one Notes per claim, by index.
type NotesFunc func(order []int) ([]Notes, error)

// KindNote is the ast.NodeKind of Note.
var KindNote = ast.NewNodeKind("ClaimNote")

// Note is a node that holds a copy of a claim's note: its margin note
// (inline, before the first mark) or its disclosure (after the block).
type Note struct {
	ast.BaseInline
	Claim  *Claim
	Notes  *Notes
	Margin bool // the margin note, not the disclosure
}

// Kind implements ast.Node.
func (n *Note) Kind() ast.NodeKind { return KindNote }

// Dump implements ast.Node.
func (n *Note) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Claim": n.Claim.ID, "Margin": fmt.Sprint(n.Margin)}, nil)
}

type noteRenderer struct{}

func (noteRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindNote, renderNote)
}

func renderNote(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*Note)
	id, rating := html.EscapeString(n.Claim.ID), html.EscapeString(n.Claim.Rating)
	if n.Margin {
		_, _ = fmt.Fprintf(w, `<span class="margin-note" data-annot data-claim="%s" data-rating="%s">`, id, rating)
		_, _ = w.Write(n.Notes.Margin)
		_, _ = w.WriteString(`</span>`)
	} else {
		_, _ = fmt.Fprintf(w, `<details class="claim-disclosure" data-annot data-claim="%s" data-rating="%s">`, id, rating)
		_, _ = w.Write(n.Notes.Disclosure)
		_, _ = w.WriteString(`</details>`)
	}
	return ast.WalkSkipChildren, nil
}

// placeNotes asks j.notes for the claims' Notes and puts them in the tree
// that wrap has marked: the margin note before each claim's first mark, the
// disclosure after the block of its reference.
func placeNotes(j *job, root ast.Node) error {
	first := make([]*Mark, len(j.claims))
	ref := make([]*Mark, len(j.claims))
	var order []int
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if m, ok := n.(*Mark); ok && entering {
			switch {
			case m.Ref:
				ref[m.Index] = m
			case m.First:
				first[m.Index] = m
				order = append(order, m.Index)
			}
		}
		return ast.WalkContinue, nil
	})
	notes, err := j.notes(order)
	if err != nil {
		return err
	}
	if len(notes) != len(j.claims) {
		return fmt.Errorf("markup: %d notes for %d claims", len(notes), len(j.claims))
	}
	j.notesOf = notes
	after := map[ast.Node]ast.Node{} // block -> the last disclosure put after it
	for _, k := range order {
		ns := &notes[k]
		if ref[k] != nil {
			ref[k].Notes = ns
		}
		if len(ns.Margin) > 0 {
			late := j.marginLate != nil && j.marginLate[k]
			placeMargin(&Note{Claim: &j.claims[k], Notes: ns, Margin: true}, first[k], ref[k], late)
		}
		if len(ns.Disclosure) > 0 && ref[k] != nil {
			placeDisclosure(&Note{Claim: &j.claims[k], Notes: ns}, ref[k], after)
		}
	}
	return nil
}

// placeMargin puts the margin note n right before the claim's first mark,
// so that it floats beside the line where the claim starts, or before the
// link, code span or strikethrough that holds it: a note inside a link
// would nest links, and one inside code would be styled as code. Other
// claims' marks around it are split there, as they are around a note
// reference, since a note inside a mark would be read as part of that
// claim. A note that would stand inside a raw HTML link follows the note
// reference instead, which is never in one. A claim in a heading has its
// margin note right before the heading, which would otherwise read the
// note as part of its title, and a claim in a table cell right before the
// table, since a float in a cell stays in its cell.
func placeMargin(n *Note, first, ref *Mark, late bool) {
	block := outermostInline(first).Parent()
	switch {
	case isHeading(block):
		block.Parent().InsertBefore(block.Parent(), block, n)
	case isTableCell(block):
		for t := block.Parent(); t != nil; t = t.Parent() {
			if _, ok := t.(*extast.Table); ok {
				t.Parent().InsertBefore(t.Parent(), t, n)
				return
			}
		}
	case late && ref != nil:
		ref.Parent().InsertAfter(ref.Parent(), ref, n)
	case !late:
		x := beforeOf(outOfMarks(first))
		x.Parent().InsertBefore(x.Parent(), x, n)
	}
}

// outOfMarks splits the marks that hold n (other claims' marks, which
// hold only text and marks) right before n, and returns the outermost of
// the nodes that now start at n: a node before which nothing of a mark
// stands.
func outOfMarks(n ast.Node) ast.Node {
	x := n
	for {
		m, ok := x.Parent().(*Mark)
		if !ok {
			return x
		}
		if x.PreviousSibling() != nil {
			rest := &Mark{Claim: m.Claim, Index: m.Index}
			for c := x; c != nil; {
				next := c.NextSibling()
				m.RemoveChild(m, c)
				rest.AppendChild(rest, c)
				c = next
			}
			m.Parent().InsertAfter(m.Parent(), m, rest)
			x = rest
			continue
		}
		x = m
	}
}

// beforeOf is the node a margin note for inline node n stands before: n,
// or the outermost link, code span, strikethrough or mark around it.
func beforeOf(n ast.Node) ast.Node {
	x := n
	for p := n.Parent(); p != nil && p.Type() != ast.TypeBlock; p = p.Parent() {
		switch p.(type) {
		case *ast.Link, *ast.AutoLink, *ast.CodeSpan, *extast.Strikethrough, *Mark:
			x = p
		}
	}
	return x
}

// outermostInline is the inline element of n's block that holds n (n
// itself, if it is a child of the block).
func outermostInline(n ast.Node) ast.Node {
	for p := n.Parent(); p != nil && p.Type() != ast.TypeBlock; p = p.Parent() {
		n = p
	}
	return n
}

func isHeading(n ast.Node) bool {
	_, ok := n.(*ast.Heading)
	return ok
}

func isTableCell(n ast.Node) bool {
	_, ok := n.(*extast.TableCell)
	return ok
}

// openBefore reports whether a raw HTML link is open right before the
// place of a margin note for n: the note would be inside it.
func (r *rawLinks) openBefore(n ast.Node) bool {
	for x := beforeOf(n); x != nil; x = x.Parent() {
		if p := x.PreviousSibling(); p != nil {
			_, open := r.openAfter[p]
			return open
		}
	}
	return false
}

// placeDisclosure puts the disclosure n after the block that holds the
// claim's reference, after any disclosure already there: after a paragraph
// or heading, after a whole table, and at the end of a tight list item's
// text, since a sibling there would change the item's HTML.
func placeDisclosure(n *Note, ref *Mark, after map[ast.Node]ast.Node) {
	b := blockOf(ref)
	for p := b; p != nil; p = p.Parent() {
		if _, ok := p.(*extast.Table); ok {
			b = p
		}
	}
	if _, ok := b.(*ast.TextBlock); ok {
		b.AppendChild(b, n)
		return
	}
	prev := b
	if a := after[b]; a != nil {
		prev = a
	}
	b.Parent().InsertAfter(b.Parent(), prev, n)
	after[b] = n
}
