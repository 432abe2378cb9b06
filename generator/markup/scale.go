package markup

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindScale is the ast.NodeKind of Scale.
var KindScale = ast.NewNodeKind("Scale")

// Scale is a block node that stands for one of the site's rating scales:
// the paragraph {{< scale claim >}} or {{< scale article >}} becomes one,
// and [Options].Scale gives its HTML.
type Scale struct {
	ast.BaseBlock
	Which string // one of ScaleNames
}

// Kind implements ast.Node.
func (n *Scale) Kind() ast.NodeKind { return KindScale }

// Dump implements ast.Node.
func (n *Scale) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Which": n.Which}, nil)
}

// ScaleNames returns the scales that a shortcode may name, which are
// what [Options].Scale is asked for: "claim" and "article".
func ScaleNames() []string { return []string{"claim", "article"} }

// ShortcodeError is a shortcode that Scholia does not know, or one written
// where it cannot stand; Line and Col (characters), from 1, are where its
// "{{<" is in the Markdown given.
type ShortcodeError struct {
	Line, Col int
	Msg       string
}

// Error formats e as LINE:COL: message.
func (e *ShortcodeError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// ShortcodeErrors are the shortcode errors of one article, in the order
// of the text: [Renderer.Article] returns them as its error.
type ShortcodeErrors []*ShortcodeError

// Error joins the errors' messages with "; ".
func (es ShortcodeErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// scaleUsage is what every shortcode error ends with: what may be written.
func scaleUsage() string {
	var forms []string
	for _, n := range ScaleNames() {
		forms = append(forms, "{{< scale "+n+" >}}")
	}
	return "the shortcodes are " + strings.Join(forms, " and ") +
		`, each a paragraph of its own (write \{{< for the text "{{<" itself)`
}

// parseShortcode reads the shortcode that the paragraph text s (trimmed)
// is: the name of the scale, or the error's message.
func parseShortcode(s string) (which, msg string) {
	inner, ok := strings.CutPrefix(s, "{{<")
	if inner, ok = strings.CutSuffix(inner, ">}}"); !ok || strings.Contains(inner, ">}}") || strings.Contains(inner, "{{<") {
		return "", "a shortcode must be a paragraph of its own, with nothing else in it: " + scaleUsage()
	}
	f := strings.Fields(inner)
	switch {
	case len(f) == 0:
		return "", "a shortcode without a name: " + scaleUsage()
	case f[0] != "scale":
		return "", fmt.Sprintf("unknown shortcode %q: %s", f[0], scaleUsage())
	case len(f) == 1:
		return "", "{{< scale >}} names no scale: " + scaleUsage()
	case len(f) > 2:
		return "", fmt.Sprintf("{{< scale %s >}} names more than one scale: %s", strings.Join(f[1:], " "), scaleUsage())
	}
	for _, n := range ScaleNames() {
		if f[1] == n {
			return n, ""
		}
	}
	return "", fmt.Sprintf("unknown scale %q: %s", f[1], scaleUsage())
}

// scaleTransformer turns each paragraph that is a shortcode into a Scale
// node, before the claims' text model is built: what replaces the
// paragraph is the site's, not the article's, so no quote can match it and
// an article renders it alike with claims and without.
type scaleTransformer struct{}

func (scaleTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	j, _ := pc.Get(jobKey).(*job)
	var found []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock:
			if bytes.HasPrefix(bytes.TrimLeft(blockSource(n, src), " \t"), []byte("{{<")) {
				found = append(found, n)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, n := range found {
		s := blockSource(n, src)
		which, msg := parseShortcode(string(bytes.TrimSpace(s)))
		if msg != "" {
			if j != nil {
				at := n.Lines().At(0).Start + len(s) - len(bytes.TrimLeft(s, " \t"))
				line, col := lineCol(src, at)
				j.shortcodes = append(j.shortcodes, &ShortcodeError{Line: line, Col: col, Msg: msg})
			}
			continue
		}
		sc := &Scale{Which: which}
		sc.SetLines(n.Lines())
		n.Parent().ReplaceChild(n.Parent(), n, sc)
	}
}

// blockSource is the source of a paragraph's lines, joined: without the
// markers of the block quotes or list items that hold it.
func blockSource(n ast.Node, src []byte) []byte {
	lines := n.Lines()
	var b []byte
	for i := range lines.Len() {
		seg := lines.At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}

// scaleRenderer writes a Scale node as what its callback gives, or as
// nothing when there is none.
type scaleRenderer struct {
	scale func(which string) ([]byte, error)
}

func (r scaleRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindScale, r.render)
}

func (r scaleRenderer) render(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering || r.scale == nil {
		return ast.WalkSkipChildren, nil
	}
	which := node.(*Scale).Which
	b, err := r.scale(which)
	if err != nil {
		return ast.WalkStop, fmt.Errorf("scale %s: %w", which, err)
	}
	_, _ = w.Write(b)
	if len(b) > 0 && b[len(b)-1] != '\n' {
		// As goldmark ends each block it writes.
		_ = w.WriteByte('\n')
	}
	return ast.WalkSkipChildren, nil
}

// scaleExtender adds the scale shortcode to a goldmark.Markdown: the
// transformer that makes Scale nodes and their renderer.
type scaleExtender struct {
	scale func(which string) ([]byte, error)
}

func (e scaleExtender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		// Before claimTransformer builds the text model, which must
		// not see the shortcode's paragraph.
		util.Prioritized(scaleTransformer{}, 1000),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(scaleRenderer{e.scale}, 100)))
}
