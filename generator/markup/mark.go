package markup

import (
	"bytes"
	"fmt"
	"html"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// KindMark is the ast.NodeKind of Mark.
var KindMark = ast.NewNodeKind("ClaimMark")

// Mark is an inline node that highlights part of a claim's quote, or, with
// Ref set, the note reference that follows the claim's last mark.
type Mark struct {
	ast.BaseInline
	Claim *Claim
	Index int  // the claim's index, for the reference's accessible name
	First bool // the claim's first mark in document order: carries the id
	Ref   bool // the note reference rather than a mark; has no children
	// Notes, on a reference, are the theme's notes of the claim, whose
	// Ref is the reference's content (nil: the grade label).
	Notes *Notes
}

// Kind implements ast.Node.
func (n *Mark) Kind() ast.NodeKind { return KindMark }

// Dump implements ast.Node.
func (n *Mark) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Claim": n.Claim.ID,
		"First": strconv.FormatBool(n.First),
		"Ref":   strconv.FormatBool(n.Ref),
	}, nil)
}

// markRenderer renders Mark nodes, and code spans, whose children may now
// be marks: goldmark's own code span renderer assumes *ast.Text children.
type markRenderer struct{}

func (markRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMark, renderMark)
	reg.Register(ast.KindCodeSpan, renderCodeSpan)
}

// taskRenderer renders task list boxes, for articles and notes alike,
// with the accessible names of [Options].TaskLabels.
type taskRenderer struct{ done, notDone string }

func newTaskRenderer(labels [2]string) taskRenderer {
	t := taskRenderer{done: labels[0], notDone: labels[1]}
	if t.done == "" {
		t.done = "done"
	}
	if t.notDone == "" {
		t.notDone = "not done"
	}
	return t
}

func (t taskRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(extast.KindTaskCheckBox, t.renderTaskCheckBox)
}

func renderMark(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Mark)
	if n.Ref {
		if entering {
			writeRef(w, n)
		}
		return ast.WalkSkipChildren, nil
	}
	if entering {
		openMark(w, n)
	} else {
		_, _ = w.WriteString("</mark>")
	}
	return ast.WalkContinue, nil
}

func openMark(w util.BufWriter, n *Mark) {
	id := html.EscapeString(n.Claim.ID)
	_, _ = w.WriteString(`<mark class="claim"`)
	if n.First {
		_, _ = fmt.Fprintf(w, ` id="claim-%s"`, id)
	}
	_, _ = fmt.Fprintf(w, ` data-claim="%s" data-rating="%s">`, id, html.EscapeString(n.Claim.Rating))
}

// writeRef writes the note reference. Its text is the grade label, so the
// grade is never shown by colour alone; the accessible name starts with that
// text (WCAG 2.5.3) and adds which claim it is, so that the references of a
// page are told apart.
func writeRef(w util.BufWriter, n *Mark) {
	if n.Notes != nil && len(n.Notes.Ref) > 0 {
		// The theme's content says the grade in text itself.
		_, _ = fmt.Fprintf(w, `<a class="claim-ref" href="#note-%s" data-annot data-rating="%s">`,
			html.EscapeString(n.Claim.ID), html.EscapeString(n.Claim.Rating))
		_, _ = w.Write(n.Notes.Ref)
		_, _ = w.WriteString(`</a>`)
		return
	}
	label := refLabel(n.Claim)
	_, _ = fmt.Fprintf(w,
		`<a class="claim-ref" href="#note-%s" data-annot data-rating="%s" aria-label="%s: note on claim %d">%s</a>`,
		html.EscapeString(n.Claim.ID), html.EscapeString(n.Claim.Rating),
		html.EscapeString(label), n.Index+1, html.EscapeString(label))
}

func refLabel(c *Claim) string {
	switch {
	case c.Label != "":
		return c.Label
	case c.Rating != "":
		return c.Rating
	}
	return "Note"
}

// renderTaskCheckBox writes a task list box as goldmark does, plus an
// accessible name: a form control without one fails axe's "label" rule,
// disabled or not.
func (t taskRenderer) renderTaskCheckBox(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if node.(*extast.TaskCheckBox).IsChecked {
		_, _ = fmt.Fprintf(w, `<input checked="" disabled="" type="checkbox" aria-label="%s"> `, html.EscapeString(t.done))
	} else {
		_, _ = fmt.Fprintf(w, `<input disabled="" type="checkbox" aria-label="%s"> `, html.EscapeString(t.notDone))
	}
	return ast.WalkContinue, nil
}

func renderCodeSpan(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</code>")
		return ast.WalkContinue, nil
	}
	if n.Attributes() != nil {
		_, _ = w.WriteString("<code")
		ghtml.RenderAttributes(w, n, ghtml.CodeAttributeFilter)
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString("<code>")
	}
	writeCodeChildren(w, source, n)
	return ast.WalkSkipChildren, nil
}

func writeCodeChildren(w util.BufWriter, source []byte, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			// As html.Renderer.renderCodeSpan: verbatim, a line's "\n" as " ".
			value := c.Segment.Value(source)
			if bytes.HasSuffix(value, []byte("\n")) {
				writeEscaped(w, value[:len(value)-1])
				_ = w.WriteByte(' ')
			} else {
				writeEscaped(w, value)
			}
		case *Mark:
			if c.Ref {
				writeRef(w, c)
				continue
			}
			openMark(w, c)
			writeCodeChildren(w, source, c)
			_, _ = w.WriteString("</mark>")
		}
	}
}

func writeEscaped(w util.BufWriter, v []byte) {
	_, _ = w.Write(util.EscapeHTML(v))
}

// claimExtender adds the claim extension to a goldmark.Markdown: the Mark
// node's renderer and the transformer that finds and wraps claims. The
// transformer does nothing unless the parse context carries a job.
type claimExtender struct{}

func (claimExtender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		// After every other transformer (footnotes move their definitions
		// to the end of the document, tables rebuild their cells).
		util.Prioritized(claimTransformer{}, 100000),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		// Before html.Renderer (1000), so that its code span renderer is
		// replaced.
		util.Prioritized(markRenderer{}, 100),
		util.Prioritized(noteRenderer{}, 100),
	))
}
