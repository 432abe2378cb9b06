package markup

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// limitPlace is what a test wants of a *LimitError: the limit and where.
type limitPlace struct {
	Name      string
	Line, Col int
}

// placeOf is the limitPlace of err, the zero one for nil.
func placeOf(t testing.TB, err error) limitPlace {
	t.Helper()
	if err == nil {
		return limitPlace{}
	}
	var le *LimitError
	if !errors.As(err, &le) {
		t.Fatalf("error %v is not a *LimitError", err)
	}
	return limitPlace{le.Name, le.Line, le.Col}
}

func TestCheck(t *testing.T) {
	small := Limits{MarkdownDepth: 2, TableColumns: 2, TableCells: 6, TableEscapedPipes: 1,
		ParagraphBrackets: 2, ParagraphEmphasis: 2, ParagraphCodeSpans: 2, ParagraphLines: 3, MarkdownSize: 100}
	tests := []struct {
		name string
		src  string
		want limitPlace // zero: accepted
	}{
		{name: "empty", src: ""},
		{name: "within every limit", src: "# [a] *b*\n\n> - [c](d) _e_\n\n|a|b|\n|-|-|\n|x|y|\n"},
		{name: "size", src: strings.Repeat("a", 99) + "\nb\n", want: limitPlace{"markdown_size", 2, 1}},
		{name: "quotes on one line", src: "> > > x", want: limitPlace{"markdown_depth", 1, 5}},
		{name: "quotes on lines", src: ">\n> >\n> > >\n", want: limitPlace{"markdown_depth", 3, 5}},
		{name: "lists by indentation", src: "- a\n  - b\n    - c\n", want: limitPlace{"markdown_depth", 3, 5}},
		{name: "ordered lists on one line", src: "1. 1. 1. x", want: limitPlace{"markdown_depth", 1, 7}},
		{name: "footnotes", src: "[^a]: [^b]: [^c]: x", want: limitPlace{"markdown_depth", 1, 13}},
		{name: "mixed containers", src: "> - [^a]: x", want: limitPlace{"markdown_depth", 1, 5}},
		{name: "lazy lines keep lists open", src: "- a\nb\n  - c\nd\n    - e\n", want: limitPlace{"markdown_depth", 5, 5}},
		{name: "thematic break is no list", src: "- - - - - -\n* * * *\n"},
		{name: "no space, no list", src: "-a\n  -b\n    -c\n"},
		{name: "fenced code does not nest", src: "```\n> > > >\n  - - a\n```\n"},
		{name: "fenced code in a list", src: "- a\n  ~~~\n  > > >\n  ~~~\n"},
		{name: "fence ends with its list", src: "- ```\n> > >\n", want: limitPlace{"markdown_depth", 2, 5}},
		{name: "info string with a backtick", src: "``` a`\n> > >\n", want: limitPlace{"markdown_depth", 2, 5}},
		{name: "short closing fence", src: "````\n```\n> > >\n````\n"},
		{name: "indented code does not nest", src: "    > > > >\n"},
		{name: "HTML block hides a fence", src: "<div>\n```\n\n> > >\n", want: limitPlace{"markdown_depth", 4, 5}},
		{name: "HTML comment", src: "<!--\n> > >\n-->\n"},
		{name: "brackets", src: "[a] [b]\n[c]", want: limitPlace{"paragraph_brackets", 2, 1}},
		{name: "brackets per paragraph", src: "[a] [b]\n\n[c] [d]\n"},
		{name: "link reference definitions", src: "[a]: /a\n[b]: /b\n[c]: /c\n", want: limitPlace{"paragraph_brackets", 3, 1}},
		{name: "brackets in code", src: "```\n[[[[\n```\n"},
		{name: "emphasis", src: "*a* __b__ ~c~", want: limitPlace{"paragraph_emphasis", 1, 5}},
		{name: "emphasis per heading", src: "# *a*\n# *b*\n"},
		{name: "code spans", src: "`a` and ``b``", want: limitPlace{"paragraph_code_spans", 1, 9}},
		{name: "lines", src: "a\nb\nc\nd\n", want: limitPlace{"paragraph_lines", 4, 1}},
		{name: "table rows count one by one", src: "|a|\n|-|\nb\nc\n"},
		{name: "columns", src: "a|b|c\n-|-|-\n", want: limitPlace{"table_columns", 2, 1}},
		{name: "delimiter row without header", src: "-|-|-\n"},
		{name: "header wider than delimiter", src: "a|b|c\n-|-\n"},
		{name: "cells", src: "a|b\n-|-\nx\ny\nz\n", want: limitPlace{"table_cells", 5, 1}},
		{name: "rows are parsed one by one", src: "a|b\n-|-\n[x] *y*\n[x] *y*\n"},
		{name: "escaped pipes", src: "|a|\n|-|\n|`x\\|y\\|`|\n", want: limitPlace{"table_escaped_pipes", 3, 7}},
		{name: "escaped pipes outside code", src: "|a|\n|-|\n|x\\|y\\|z|\n"},
		{name: "setext heading is no table", src: "a\n-\n`x\\|y\\|`\n"},
		{name: "columns count characters", src: "> ä > ö > ü", want: limitPlace{}},
		{name: "depth counts characters", src: "ä\n\n> > > ü", want: limitPlace{"markdown_depth", 3, 5}},
		{name: "crlf", src: "> a\r\n> > b\r\n> > > c\r\n", want: limitPlace{"markdown_depth", 3, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := placeOf(t, small.Check([]byte(tt.src)))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check(%q) (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

// TestCheckSpecExamples checks that the default limits reject none of the
// CommonMark spec's examples, one by one or all in one document.
func TestCheckSpecExamples(t *testing.T) {
	var all bytes.Buffer
	for _, ex := range loadSpec(t) {
		if err := DefaultLimits().Check([]byte(ex.Markdown)); err != nil {
			t.Errorf("example %d (%s): %v", ex.Example, ex.Section, err)
		}
		all.WriteString(ex.Markdown + "\n\n")
	}
	if err := DefaultLimits().Check(all.Bytes()); err != nil {
		t.Errorf("all examples: %v", err)
	}
	src, _ := largeArticle(100)
	if err := DefaultLimits().Check(src); err != nil {
		t.Errorf("the benchmark's article: %v", err)
	}
}

// TestLimitsDefaults checks that a field of 0 or less takes its default
// and any other keeps its value.
func TestLimitsDefaults(t *testing.T) {
	five := DefaultLimits()
	five.TableColumns = 5
	for name, tt := range map[string]struct{ in, want Limits }{
		"zero":     {in: Limits{}, want: DefaultLimits()},
		"negative": {in: Limits{MarkdownDepth: -1}, want: DefaultLimits()},
		"one set":  {in: Limits{TableColumns: 5}, want: five},
	} {
		t.Run(name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.in.orDefault()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestLimitError(t *testing.T) {
	src := []byte(strings.Repeat("> ", 101) + "x\n")
	err := DefaultLimits().Check(src)
	want := &LimitError{Line: 1, Col: 201, Offset: 200, Name: "markdown_depth", Limit: 100,
		Msg: "lists, quotes and footnotes nest 101 deep, more than limits.markdown_depth (100): " +
			"flatten the nesting or raise the limit in site.yaml"}
	if diff := cmp.Diff(error(want), err); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got, wantText := err.Error(), "1:201: "+want.Msg; got != wantText {
		t.Errorf("Error() = %q, want %q", got, wantText)
	}
}

// TestEntryPointsCheck checks that Article, Note and Goldmark's Convert
// apply Options.Limits before they parse.
func TestEntryPointsCheck(t *testing.T) {
	opts := Options{Limits: Limits{MarkdownDepth: 2}}
	src := "Intro.\n\n> > > deep\n"
	want := limitPlace{"markdown_depth", 3, 5}
	t.Run("Article", func(t *testing.T) {
		res, err := New(opts).Article("a.md", []byte(src), nil)
		if res != nil {
			t.Errorf("Article returned a result with error %v", err)
		}
		if diff := cmp.Diff(want, placeOf(t, err)); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("Goldmark", func(t *testing.T) {
		var b bytes.Buffer
		if diff := cmp.Diff(want, placeOf(t, Goldmark(opts).Convert([]byte(src), &b))); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("Note", func(t *testing.T) {
		got := string(New(opts).Note("n", src))
		wantHTML := fmt.Sprintf("<p>(note not rendered: 3:5: %s)</p>\n",
			"lists, quotes and footnotes nest 3 deep, more than limits.markdown_depth (2): flatten the nesting or raise the limit in site.yaml")
		if got != wantHTML {
			t.Errorf("Note = %q, want %q", got, wantHTML)
		}
	})
	t.Run("defaults", func(t *testing.T) {
		if _, err := New(Options{}).Article("a.md", []byte(src), nil); err != nil {
			t.Errorf("Article with default limits: %v", err)
		}
	})
}
