package site

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// generatedSite makes a site of n annotated articles of about 600 words and
// 8 claims each, in memory.
func generatedSite(n int) fstest.MapFS {
	fsys := fstest.MapFS{"site.yaml": {Data: []byte("title: Generated\n")}}
	words := strings.Fields("the committee said that its members had reviewed every report and found no evidence of the payments described by the minister in his statement to parliament last spring")
	for i := range n {
		var body, sidecar strings.Builder
		fmt.Fprintf(&body, "---\ntitle: Article %d\ndate: 2026-%02d-%02d\ntags: [t%d, common]\n---\n\n", i, i%12+1, i%28+1, i%10)
		sidecar.WriteString("review:\n  rating: low\n  summary: A generated review.\nclaims:\n")
		for p := range 24 {
			fmt.Fprintf(&body, "Paragraph %d of article %d: ", p, i)
			for w := range 25 {
				if w == 5 {
					body.WriteString("*")
				}
				body.WriteString(words[(p*7+w)%len(words)])
				if w == 7 {
					body.WriteString("*")
				}
				body.WriteString(" ")
			}
			body.WriteString("\n\n")
			if p%3 == 0 {
				fmt.Fprintf(&sidecar, "  - id: c%d\n    quote: \"Paragraph %d of article %d: %s\"\n    rating: mixed\n    note: A *generated* note.\n    sources:\n      - title: Source\n        url: https://example.org/%d\n",
					p, p, i, strings.Join([]string{words[(p*7)%len(words)], words[(p*7+1)%len(words)], words[(p*7+2)%len(words)]}, " "), p)
			}
		}
		fsys[fmt.Sprintf("content/articles/a%04d.md", i)] = &fstest.MapFile{Data: []byte(body.String())}
		fsys[fmt.Sprintf("content/articles/a%04d.annotations.yaml", i)] = &fstest.MapFile{Data: []byte(sidecar.String())}
	}
	return fsys
}

// benchmarkBuild builds fsys over and over; with write unset it renders
// everything without writing, which separates the pipeline from the disk.
func benchmarkBuild(b *testing.B, fsys fstest.MapFS, write bool) {
	out := ""
	if write {
		out = filepath.Join(b.TempDir(), "public")
	}
	pages, runs := 0, 0
	for b.Loop() {
		runs++
		res, err := Build(Options{FS: fsys, Out: out, Now: fixedNow})
		if err != nil {
			b.Fatal(err)
		}
		pages = res.Pages
	}
	b.ReportMetric(float64(pages*runs)/b.Elapsed().Seconds(), "pages/s")
}

func BenchmarkBuildExample(b *testing.B) {
	fsys := fstest.MapFS{}
	for _, name := range []string{"site.yaml", "content/about.md", "content/articles/russia-taliban-arms.md", "content/articles/russia-taliban-arms.annotations.yaml"} {
		data, err := fs.ReadFile(exampleFS, name)
		if err != nil {
			b.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	benchmarkBuild(b, fsys, true)
}

func BenchmarkBuild1000(b *testing.B) { benchmarkBuild(b, generatedSite(1000), true) }

func BenchmarkCheck1000(b *testing.B) { benchmarkBuild(b, generatedSite(1000), false) }

// BenchmarkLiveUpdate1000 measures what the dev server does after one
// article of a 1,000-article site is saved: reload it, render it and the
// lists that show it.
func BenchmarkLiveUpdate1000(b *testing.B) {
	dir := b.TempDir()
	for name, f := range generatedSite(1000) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	l, err := NewLive(Options{FS: os.DirFS(dir), Now: fixedNow})
	if err != nil {
		b.Fatal(err)
	}
	article := filepath.Join(dir, "content/articles/a0500.md")
	orig, _ := os.ReadFile(article)
	i := 0
	for b.Loop() {
		i++
		os.WriteFile(article, append(orig, fmt.Sprintf("\nEdit %d.\n", i)...), 0o644)
		if _, err := l.Update([]string{"content/articles/a0500.md"}); err != nil {
			b.Fatal(err)
		}
	}
}
