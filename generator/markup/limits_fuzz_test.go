package markup

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// tinyLimits are low enough that small inputs reach them, so that the fuzz
// target and TestCheckAgreesWithGoldmark compare Check with goldmark at
// every limit.
var tinyLimits = Limits{
	MarkdownSize: 1 << 16, MarkdownDepth: 3, TableColumns: 3, TableCells: 12,
	TableEscapedPipes: 2, ParagraphBrackets: 3, ParagraphEmphasis: 3,
	ParagraphCodeSpans: 3, ParagraphLines: 3,
}

// built is what goldmark builds of some Markdown, measured as Limits are.
type built struct {
	depth, columns, cells, pipes, brackets, runs, ticks, lines int
}

// measure parses src with the articles' goldmark setup and measures the
// tree: the deepest nesting of quotes, list items and footnotes, the widest
// table, all tables' cells and escaped pipes in code, and the most brackets
// and emphasis runs in the lines of one inline block.
func measure(src []byte) built {
	var b built
	doc := Goldmark(Options{}).Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Blockquote, *ast.ListItem, *extast.Footnote:
			d := 0
			for p := ast.Node(n); p != nil; p = p.Parent() {
				switch p.(type) {
				case *ast.Blockquote, *ast.ListItem, *extast.Footnote:
					d++
				}
			}
			b.depth = max(b.depth, d)
		case *extast.Table:
			b.columns = max(b.columns, len(n.Alignments))
			b.cells += n.ChildCount() * len(n.Alignments)
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *extast.TableCell:
			var line []byte
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				line = append(line, seg.Value(src)...)
			}
			brackets, runs, ticks, pipes := inlineMarks(line)
			b.brackets, b.runs, b.ticks = max(b.brackets, brackets), max(b.runs, runs), max(b.ticks, ticks)
			b.lines = max(b.lines, n.Lines().Len())
			if _, ok := n.(*extast.TableCell); ok {
				b.pipes += pipes
			}
		}
		return ast.WalkContinue, nil
	})
	return b
}

// inlineMarks counts what Check counts in the text of one inline block.
func inlineMarks(line []byte) (brackets, runs, ticks, pipes int) {
	tick := false
	for i, c := range line {
		switch c {
		case '[':
			brackets++
		case '*', '_', '~':
			if i == 0 || line[i-1] != c {
				runs++
			}
		case '`':
			tick = true
			if i == 0 || line[i-1] != c {
				ticks++
			}
		case '|':
			if i > 0 && line[i-1] == '\\' && tick {
				pipes++
			}
		}
	}
	return brackets, runs, ticks, pipes
}

// over says which of l the measures b go over.
func (b built) over(l Limits) []string {
	var o []string
	for _, m := range []struct {
		name     string
		got, max int
	}{
		{"markdown_depth", b.depth, l.MarkdownDepth},
		{"table_columns", b.columns, l.TableColumns},
		{"table_cells", b.cells, l.TableCells},
		{"table_escaped_pipes", b.pipes, l.TableEscapedPipes},
		{"paragraph_brackets", b.brackets, l.ParagraphBrackets},
		{"paragraph_emphasis", b.runs, l.ParagraphEmphasis},
		{"paragraph_code_spans", b.ticks, l.ParagraphCodeSpans},
		{"paragraph_lines", b.lines, l.ParagraphLines},
	} {
		if m.got > m.max {
			o = append(o, fmt.Sprintf("%s %d > %d", m.name, m.got, m.max))
		}
	}
	return o
}

// checkAgrees checks Check(src) at l against what goldmark builds: an
// accepted src stays within l; a rejected one has a well-formed error.
func checkAgrees(t *testing.T, l Limits, src []byte) {
	t.Helper()
	err := l.Check(src)
	if err == nil {
		if o := measure(src).over(l); len(o) > 0 {
			t.Errorf("Check accepts %q, but goldmark builds %s", src, strings.Join(o, ", "))
		}
		return
	}
	var le *LimitError
	if !errors.As(err, &le) {
		t.Fatalf("Check(%q) = %v, not a *LimitError", src, err)
	}
	line, col := lineCol(src, le.Offset)
	if le.Line != line || le.Col != col || le.Offset < 0 || le.Offset > len(src) || le.Msg == "" ||
		!strings.Contains(le.Msg, "limits."+le.Name) || !utf8.ValidString(le.Name) {
		t.Errorf("Check(%q): bad error %+v (line:col of offset %d:%d)", src, le, line, col)
	}
}

func TestCheckAgreesWithGoldmark(t *testing.T) {
	for _, ex := range loadSpec(t) {
		t.Run(fmt.Sprintf("example-%d", ex.Example), func(t *testing.T) {
			checkAgrees(t, tinyLimits, []byte(ex.Markdown))
		})
	}
}

// FuzzLimits checks that Check never panics, that its errors are well
// formed, that what it accepts goldmark builds within the limits, and that
// an accepted input renders.
func FuzzLimits(f *testing.F) {
	for _, s := range hostileSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 4096 {
			return
		}
		_ = DefaultLimits().Check(src)
		checkAgrees(t, tinyLimits, src)
		if tinyLimits.Check(src) == nil {
			if _, err := New(Options{Limits: tinyLimits}).Article("f.md", src, nil); err != nil {
				t.Fatalf("Article(%q) = %v after Check accepted it", src, err)
			}
		}
	})
}

// hostileSeeds are small versions of the hostile articles, and inputs on
// the edges between code, HTML and paragraphs.
func hostileSeeds() []string {
	return []string{
		strings.Repeat("[a](", 10), strings.Repeat("[a](<b", 5), strings.Repeat("[a](b (\n", 5),
		strings.Repeat("- ", 10) + "x", strings.Repeat("- ", 10), strings.Repeat("- \n", 10),
		strings.Repeat("> ", 10) + "x", strings.Repeat("> \n", 10), strings.Repeat("1. ", 6),
		"- x\n  - x\n    - x\n      - x\n        - x\n", strings.Repeat("[^a]: ", 5),
		strings.Repeat("|a", 5) + "|\n" + strings.Repeat("|-", 5) + "|\n", "|a|\n|-|\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\n",
		"|a|\n|-|\n|`x\\|y`|\n|`x\\|y`|\n|`x\\|y`|\n", strings.Repeat("_a a* ", 5), strings.Repeat("*a_ ", 5),
		strings.Repeat("[x]: u\n", 5), "```\n> > > >\n```\n", "~~~\n- - - -x\n~~~\n> > > >\n",
		"<div>\n```\n\n> > > >\n", "para\n<span>\n```\n\n> > > >\n```\n", "[a]: /u\n===\n    [[[[\n",
		"- a\nb\n  - c\nd\n    - e\nf\n      - g\n", "> \t- ```\n> \t    [[[[\n", "-\tfoo\n\n\t  - bar\n",
		"<!--\n```\n-->\n> > > >\n", "    ```\n> > > >\n", "* * *\n- - -\n_ _ _\n",
		"e`e``e```e````", "a `b` c\nd\ne\nf\ng\n", "*\n\t* + *", "*\t* + \t*", "> \t-\tx\n>\t  - y\n",
	}
}
