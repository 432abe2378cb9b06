package markup

import "fmt"

// Limits bound what one Markdown source may ask of the parser. goldmark's
// time grows with the square of a few constructs (containers nested in one
// another, brackets, emphasis marks, backticks and lines in one paragraph,
// escaped pipes in table code) and a table's memory with its columns times
// its rows, so
// that a few hundred kilobytes can take minutes or gigabytes; [Limits.Check]
// finds them first, in one cheap pass. Each field is the key of the same
// name in snake case under limits: in site.yaml (MarkdownDepth is
// markdown_depth, and so on); one that is 0 or less takes its value in
// [DefaultLimits].
type Limits struct {
	// MarkdownSize is the most bytes of Markdown.
	MarkdownSize int
	// MarkdownDepth is how deep lists, block quotes and footnote
	// definitions may nest in one another.
	MarkdownDepth int
	// TableColumns is the most columns of a table.
	TableColumns int
	// TableCells is the most cells of all the tables together, counted as
	// columns times rows: goldmark fills a short row up to every column, so
	// "x" on a line is a whole row.
	TableCells int
	// TableEscapedPipes is the most escaped pipes (\|) after a backtick in
	// a table cell, in all the tables together.
	TableEscapedPipes int
	// ParagraphBrackets is the most "[" in one paragraph, heading or table
	// row, link reference definitions included.
	ParagraphBrackets int
	// ParagraphEmphasis is the most runs of "*", "_" or "~" in one
	// paragraph, heading or table row.
	ParagraphEmphasis int
	// ParagraphCodeSpans is the most runs of "`" in one paragraph,
	// heading or table row.
	ParagraphCodeSpans int
	// ParagraphLines is the most lines of one paragraph (a table's rows
	// after its delimiter row each count on their own).
	ParagraphLines int
	// InlineMarks is the most characters that may start an inline node
	// (quotes the typographer curls, emphasis, backticks, brackets, "<",
	// "&", "!" and "\\") in the whole article, code included. Each such
	// node costs about a kilobyte of memory while the article is built.
	InlineMarks int
}

// DefaultLimits returns the limits that a zero field stands for: far above
// any real article (the largest are a few hundred kilobytes, with lists a
// few levels deep), low enough that an article at every limit still renders
// in seconds.
func DefaultLimits() Limits {
	return Limits{
		MarkdownSize:       10_000_000,
		MarkdownDepth:      100,
		TableColumns:       1000,
		TableCells:         1_000_000,
		TableEscapedPipes:  1000,
		ParagraphBrackets:  1000,
		ParagraphEmphasis:  1000,
		ParagraphCodeSpans: 1000,
		ParagraphLines:     10_000,
		InlineMarks:        400_000,
	}
}

// orDefault is l with every field that is not positive set to its default.
func (l Limits) orDefault() Limits {
	d := DefaultLimits()
	for _, f := range []struct{ v, def *int }{
		{&l.MarkdownSize, &d.MarkdownSize}, {&l.MarkdownDepth, &d.MarkdownDepth}, {&l.TableColumns, &d.TableColumns},
		{&l.TableCells, &d.TableCells}, {&l.TableEscapedPipes, &d.TableEscapedPipes},
		{&l.ParagraphBrackets, &d.ParagraphBrackets}, {&l.ParagraphEmphasis, &d.ParagraphEmphasis},
		{&l.ParagraphCodeSpans, &d.ParagraphCodeSpans}, {&l.ParagraphLines, &d.ParagraphLines},
		{&l.InlineMarks, &d.InlineMarks},
	} {
		if *f.v <= 0 {
			*f.v = *f.def
		}
	}
	return l
}

// LimitError is Markdown that goes over one of the [Limits].
type LimitError struct {
	// Line and Col are where, from 1, in the source given to Check (or
	// Article); Col counts characters. Offset is the same place in bytes.
	Line, Col, Offset int
	// Name is the limit's key in site.yaml, such as "markdown_depth".
	Name string
	// Limit is the limit's value.
	Limit int
	// Msg says what went over the limit and what to do, without the place.
	Msg string
}

// Error formats e as LINE:COL: message.
// inlineMark marks the bytes that may start an inline node.
var inlineMark = func() (m [256]bool) {
	for _, c := range []byte("\"'*_~`[]<&!\\") {
		m[c] = true
	}
	return m
}()

// nthMark returns the offset of the nth inline mark of src, or -1.
func nthMark(src []byte, n int) int {
	for i, c := range src {
		if inlineMark[c] {
			if n--; n == 0 {
				return i
			}
		}
	}
	return -1
}

func (e *LimitError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// Check reports whether src stays within l: nil, or a *LimitError at the
// first place where it does not. It reads src once, line by line, without
// parsing it: it sketches CommonMark's blocks well enough to tell
// containers, paragraphs, table rows and code apart, and where it cannot
// tell it counts, so that it may over-estimate but never under-estimates
// what goldmark builds. Code blocks count for nothing.
func (l Limits) Check(src []byte) error {
	l = l.orDefault()
	if len(src) > l.MarkdownSize {
		return l.errorAt(src, l.MarkdownSize, "markdown_size", l.MarkdownSize,
			"the Markdown is %d bytes, more than limits.markdown_size (%d): split the article or raise the limit in site.yaml",
			len(src), l.MarkdownSize)
	}
	s := scan{l: l, src: src}
	for start := 0; start < len(src); {
		end := start
		for end < len(src) && src[end] != '\n' {
			end++
		}
		if err := s.line(start, end); err != nil {
			return err
		}
		start = end + 1
	}
	// Last, so that a paragraph over its own limits is named as such.
	if off := nthMark(src, l.InlineMarks+1); off >= 0 {
		return l.errorAt(src, off, "inline_marks", l.InlineMarks,
			"more than %d quotes, brackets and other marks of inline Markdown up to here, past limits.inline_marks: split the article or raise the limit in site.yaml",
			l.InlineMarks)
	}
	return nil
}

// errorAt is the *LimitError of limit name at byte off of src.
func (l Limits) errorAt(src []byte, off int, name string, limit int, format string, args ...any) *LimitError {
	line, col := lineCol(src, off)
	return &LimitError{Line: line, Col: col, Offset: off, Name: name, Limit: limit, Msg: fmt.Sprintf(format, args...)}
}

// The messages of the limits that Check finds line by line.
const (
	depthMsg    = "lists, quotes and footnotes nest %d deep, more than limits.markdown_depth (%d): flatten the nesting or raise the limit in site.yaml"
	columnsMsg  = "the table has %d columns, more than limits.table_columns (%d): split the table or raise the limit in site.yaml"
	cellsMsg    = "the tables have %d cells up to this row (columns times rows: a short row has every column), more than limits.table_cells (%d): make the tables smaller or raise the limit in site.yaml"
	pipesMsg    = "the tables have %d escaped pipes (\\|) in code up to here, more than limits.table_escaped_pipes (%d): write fewer or raise the limit in site.yaml"
	bracketsMsg = "the paragraph has %d brackets ([) up to here, more than limits.paragraph_brackets (%d): split the paragraph with blank lines or raise the limit in site.yaml"
	emphasisMsg = "the paragraph has %d runs of *, _ or ~ up to here, more than limits.paragraph_emphasis (%d): split the paragraph with blank lines or raise the limit in site.yaml"
	ticksMsg    = "the paragraph has %d runs of ` up to here, more than limits.paragraph_code_spans (%d): split the paragraph with blank lines or raise the limit in site.yaml"
	linesMsg    = "the paragraph has %d lines up to here, more than limits.paragraph_lines (%d): split it with blank lines or raise the limit in site.yaml"
)
