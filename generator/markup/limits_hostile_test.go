package markup

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostileCase is an article that took goldmark (or this package) minutes or
// gigabytes before the limits: want is the error Article now gives, or the
// zero limitPlace when it renders.
type hostileCase struct {
	name   string
	src    func() []byte
	unsafe bool
	want   limitPlace
}

func repeat(s string, n int) func() []byte {
	return func() []byte { return []byte(strings.Repeat(s, n)) }
}

// nestedLists is n lines, each a list item 2 columns deeper than the last.
func nestedLists(n int) []byte {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	return []byte(b.String())
}

// wideTable is a table of cols columns and rows one-cell rows, which
// goldmark fills up to every column.
func wideTable(cols, rows int) []byte {
	return []byte(strings.Repeat("|a", cols) + "|\n" + strings.Repeat("|-", cols) + "|\n" + strings.Repeat("x\n", rows))
}

// backticks is "e`e“e```..." up to n backticks: no run closes another.
func backticks(n int) []byte {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString("e" + strings.Repeat("`", i))
	}
	return []byte(b.String())
}

// bigArticle is the benchmark's article repeated to mb megabytes.
func bigArticle(mb int) []byte {
	one, _ := largeArticle(10)
	return bytes.Repeat(one, mb<<20/len(one)+1)[:mb<<20]
}

// hostileCases are the hostile articles as measured: before the limits, the
// first took 89 s, nested lists 63 s and 900 MB, the wide table 1.1 GB, the
// big article 9 s and 3 GB.
func hostileCases() []hostileCase {
	return []hostileCase{
		{name: "unclosed links", src: repeat("[a](", 100_000), want: limitPlace{"paragraph_brackets", 1, 4001}},
		{name: "unclosed link titles", src: repeat("[a](b (\n", 100_000), want: limitPlace{"paragraph_brackets", 1001, 1}},
		{name: "link definitions", src: repeat("[x]: u\n", 100_000), want: limitPlace{"paragraph_brackets", 1001, 1}},
		{name: "emphasis", src: repeat("_a a* ", 50_000), want: limitPlace{"paragraph_emphasis", 1, 3001}},
		{name: "lists on one line", src: func() []byte { return []byte(strings.Repeat("- ", 100_000) + "x") }, want: limitPlace{"markdown_depth", 1, 201}},
		{name: "dashes on one line", src: repeat("- ", 100_000)}, // a thematic break
		{name: "list items", src: repeat("- \n", 100_000)},
		{name: "ordered lists on one line", src: repeat("1. ", 100_000), want: limitPlace{"markdown_depth", 1, 301}},
		{name: "quotes on one line", src: repeat("> ", 100_000), want: limitPlace{"markdown_depth", 1, 201}},
		{name: "quote lines", src: repeat("> \n", 100_000)},
		{name: "footnotes on one line", src: repeat("[^a]: ", 20_000), want: limitPlace{"markdown_depth", 1, 601}},
		{name: "nested lists", src: func() []byte { return nestedLists(3000) }, want: limitPlace{"markdown_depth", 101, 201}},
		{name: "wide table", src: func() []byte { return wideTable(20_000, 250) }, want: limitPlace{"table_columns", 2, 1}},
		{name: "long table", src: func() []byte { return wideTable(1000, 100_000) }, want: limitPlace{"table_cells", 1002, 1}},
		{name: "escaped pipes in table code", src: func() []byte { return []byte("|a|\n|-|\n" + strings.Repeat("|`x\\|y`|\n", 40_000)) },
			want: limitPlace{"table_escaped_pipes", 1003, 4}},
		{name: "unclosed code spans", src: func() []byte { return backticks(2000) }, want: limitPlace{"paragraph_code_spans", 1, 501502}},
		{name: "long paragraph with unclosed code spans", src: func() []byte { return []byte(string(backticks(100)) + "\n" + strings.Repeat("x\n", 100_000)) },
			want: limitPlace{"paragraph_lines", 10_001, 1}},
		{name: "raw links in an HTML block", unsafe: true, src: func() []byte { return []byte("<div>\n" + strings.Repeat("<a>\n", 200_000)) }},
		{name: "50 MB", src: func() []byte { return bigArticle(50) }, want: bigArticlePlace(50)},
	}
}

// bigArticlePlace is where bigArticle(mb) goes over markdown_size.
func bigArticlePlace(mb int) limitPlace {
	src := bigArticle(mb)[:DefaultLimits().MarkdownSize]
	lineStart := bytes.LastIndexByte(src, '\n') + 1
	return limitPlace{"markdown_size", bytes.Count(src, []byte("\n")) + 1, utf8.RuneCount(src[lineStart:]) + 1}
}

// TestHostileArticles renders each hostile article at its measured size:
// it fails fast at the limit it goes over, or renders.
func TestHostileArticles(t *testing.T) {
	for _, hc := range hostileCases() {
		t.Run(hc.name, func(t *testing.T) {
			if hc.want == (limitPlace{}) && testing.Short() {
				t.Skip("renders a large article")
			}
			res, err := New(Options{Unsafe: hc.unsafe}).Article("hostile.md", hc.src(), nil)
			if got := placeOf(t, err); got != hc.want {
				t.Fatalf("error at %+v, want %+v (%v)", got, hc.want, err)
			}
			if err == nil && len(res.HTML) == 0 {
				t.Errorf("no HTML")
			}
		})
	}
}

// BenchmarkHostile times Article on each hostile article: with the limits,
// the check that rejects it, or its rendering.
func BenchmarkHostile(b *testing.B) {
	for _, hc := range hostileCases() {
		src := hc.src()
		r := New(Options{Unsafe: hc.unsafe})
		b.Run(strings.ReplaceAll(hc.name, " ", "-"), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				_, _ = r.Article("hostile.md", src, nil)
			}
		})
	}
}

// BenchmarkCheck times Limits.Check alone on the benchmark's article.
func BenchmarkCheck(b *testing.B) {
	src, _ := largeArticle(100)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if err := DefaultLimits().Check(src); err != nil {
			b.Fatal(err)
		}
	}
}
