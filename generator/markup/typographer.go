package markup

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// typographer is extension.Typographer for articles. The *ast.String nodes
// that goldmark's typographer makes (curly quotes, dashes, ellipses, angle
// quotes) have no source segment; this one records, for the text model,
// which source bytes each replaces (`"`, `--`, `...`, ...), so that
// positions in messages point at them.
type typographer struct{}

func (typographer) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		// The priority extension.Typographer gives its parser.
		util.Prioritized(typographerParser{extension.NewTypographerParser()}, 9999),
	))
}

// typographerParser wraps goldmark's typographer parser; it parses exactly
// as that does.
type typographerParser struct{ parser.InlineParser }

func (p typographerParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, before := block.Position()
	n := p.InlineParser.Parse(parent, block, pc)
	if s, ok := n.(*ast.String); ok {
		if j, _ := pc.Get(jobKey).(*job); j != nil {
			// The typographer replaces a few bytes of one line.
			if l, after := block.Position(); l == line && before.Padding == 0 && after.Start > before.Start {
				j.typo[s] = text.NewSegment(before.Start, after.Start)
			}
		}
	}
	return n
}
