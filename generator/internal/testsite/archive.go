package testsite

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Claims per article of an archive, and how many of them cross the edge
// of an emphasis (one in three).
const archiveClaims = 10

var (
	claimGrades   = strings.Fields("accurate mostly-accurate mixed misleading inaccurate unsupported not-checkable")
	articleGrades = strings.Fields("very-high high neutral low very-low")
	tagPool       = strings.Fields("budget courts elections health transport housing energy schools police water trade defence farming science labour media tax climate rail ports")
	claimants     = []string{"The minister", "A council spokesman", "The agency", "An opposition member", "The article", "A trade union", "The auditor"}
)

// ArchivePath is the slash path, from the site root, of article i of an
// archive; its sidecar is beside it, ending in .annotations.yaml.
func ArchivePath(i int) string { return fmt.Sprintf("content/articles/a%05d.md", i) }

// Archive writes a site of n generated articles under dir, the same for
// the same seed: site.yaml and content/articles/aNNNNN.md (see
// [ArchivePath]) with their sidecars. Each article has about 1,000 words:
// an introduction and six ## sections of paragraphs with emphasis, strong
// text and links to https URLs, a bullet list, a blockquote and a fenced
// go code block; its sidecar has a review and 10 claims, each quoting 5-12
// words of a paragraph that occur nowhere else in the article, a third of
// them across an emphasis edge. Article i depends only on seed and i, so a
// small archive is the start of a larger one.
func Archive(dir string, n int, seed int64) error {
	folder := filepath.Join(dir, "content", "articles")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: Synthetic archive\ndescription: Generated articles for benchmarks.\n"), 0o644); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	for i := range n {
		md, sidecar, err := ArchiveArticle(seed, i)
		if err != nil {
			return err
		}
		p := filepath.Join(dir, filepath.FromSlash(ArchivePath(i)))
		if err := os.WriteFile(p, []byte(md), 0o644); err != nil {
			return fmt.Errorf("archive: %w", err)
		}
		if err := os.WriteFile(strings.TrimSuffix(p, ".md")+".annotations.yaml", []byte(sidecar), 0o644); err != nil {
			return fmt.Errorf("archive: %w", err)
		}
	}
	return nil
}

// ArchiveArticle returns the Markdown and the sidecar of article i of the
// archive made with seed.
func ArchiveArticle(seed int64, i int) (md, sidecar string, err error) {
	a := &article{p: prose{rand.New(rand.NewPCG(uint64(seed), uint64(i)))}}
	date := time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, a.p.r.IntN(14*365)).Format(time.DateOnly)
	a.frontMatter(date)
	a.text()
	quotes, err := a.quotes(archiveClaims)
	if err != nil {
		return "", "", fmt.Errorf("archive article %d: %w", i, err)
	}
	return a.body.String(), a.sidecar(date, quotes), nil
}

// article is an article being generated: its Markdown, the text of each
// block as it renders, and the paragraphs that quotes come from.
type article struct {
	p      prose
	body   strings.Builder
	blocks []string
	paras  [][]word
}

func (a *article) frontMatter(date string) {
	tags := a.p.r.Perm(len(tagPool))[:2+a.p.r.IntN(2)]
	names := make([]string, len(tags))
	for i, t := range tags {
		names[i] = tagPool[t]
	}
	fmt.Fprintf(&a.body, "---\ntitle: %q\ndate: %s\ntags: [%s]\ndescription: %q\n---\n\n",
		a.p.title(), date, strings.Join(names, ", "), plain(a.p.sentence()))
}

// text writes the body: about 1,000 words.
func (a *article) text() {
	a.paragraph(5)
	for s := range 6 {
		t := a.p.title()
		fmt.Fprintf(&a.body, "## %s\n\n", t)
		a.blocks = append(a.blocks, t)
		a.paragraph(6)
		switch s {
		case 1:
			a.list()
		case 3:
			a.blockquote()
		case 4:
			a.code()
		}
		a.paragraph(6)
	}
}

func (a *article) paragraph(sentences int) {
	ws := a.p.paragraph(sentences)
	a.body.WriteString(markdown(ws) + "\n\n")
	a.blocks = append(a.blocks, plain(ws))
	a.paras = append(a.paras, ws)
}

func (a *article) list() {
	for range 4 + a.p.r.IntN(3) {
		ws := a.p.sentence()
		a.body.WriteString("- " + markdown(ws) + "\n")
		a.blocks = append(a.blocks, plain(ws))
	}
	a.body.WriteString("\n")
}

func (a *article) blockquote() {
	ws := a.p.paragraph(3)
	a.body.WriteString("> " + markdown(ws) + "\n\n")
	a.blocks = append(a.blocks, plain(ws))
}

// code writes a small go function named from the vocabulary.
func (a *article) code() {
	name := a.p.pick(verbs) + capital(a.p.pick(nouns))
	fmt.Fprintf(&a.body, "```go\n// %s sums the %s figures of n years.\nfunc %s(n int) (total int) {\n"+
		"\tfor i := range n {\n\t\ttotal += i * %d // %s\n\t}\n\treturn total\n}\n```\n\n",
		name, a.p.pick(adjs), name, 2+a.p.r.IntN(97), a.p.pick(nouns))
}

// quotes picks n distinct runs of 5-12 words from the paragraphs, each
// found once in the article's text; every third crosses an emphasis edge.
func (a *article) quotes(n int) ([]string, error) {
	// Blocks joined by a space, so that a run matching across two blocks
	// counts too.
	all := strings.Join(a.blocks, " ")
	seen := map[string]bool{}
	var quotes []string
	for try := 0; len(quotes) < n; try++ {
		if try > 10000 {
			return nil, fmt.Errorf("found only %d unique quotes of %d", len(quotes), n)
		}
		ws := a.paras[a.p.r.IntN(len(a.paras))]
		size := 5 + a.p.r.IntN(8)
		if size > len(ws) {
			continue
		}
		run := ws[a.p.r.IntN(len(ws)-size+1):][:size]
		if len(quotes)%3 == 0 && !crossesEmphasis(run) {
			continue
		}
		q := strings.TrimRight(plain(run), ".,")
		if !seen[q] && count(all, q) == 1 {
			seen[q] = true
			quotes = append(quotes, q)
		}
	}
	return quotes, nil
}

func crossesEmphasis(run []word) bool {
	for i := 1; i < len(run); i++ {
		if run[i].emph != run[i-1].emph {
			return true
		}
	}
	return false
}

// count counts the matches of q in s, overlapping ones too.
func count(s, q string) int {
	c := 0
	for i := strings.Index(s, q); i >= 0; {
		c++
		j := strings.Index(s[i+1:], q)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return c
}

// sidecar is the review: its grade and summary, and a claim per quote.
func (a *article) sidecar(date string, quotes []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "review:\n  rating: %s\n  summary: %q\n  reviewers: [Benchmark desk]\n  date: %s\nclaims:\n",
		a.p.pick(articleGrades), markdown(a.p.paragraph(2)), date)
	for k, q := range quotes {
		fmt.Fprintf(&b, "  - id: c%d\n    quote: %q\n    claimant: %s\n    rating: %s\n    note: %q\n    sources:\n",
			k+1, q, a.p.pick(claimants), a.p.pick(claimGrades), markdown(a.p.paragraph(1+a.p.r.IntN(3))))
		for s := range 1 + a.p.r.IntN(2) {
			fmt.Fprintf(&b, "      - title: %q\n        url: https://example.org/sources/%d/%d\n", a.p.title(), k, s)
		}
	}
	return b.String()
}
