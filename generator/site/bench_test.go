package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/scholia/scholia/generator/internal/testsite"
)

// generatedSite is testsite.Generated in memory.
func generatedSite(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range testsite.Generated(n) {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
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
	if err := testsite.Write(dir, testsite.Generated(1000)); err != nil {
		b.Fatal(err)
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

// benchRun loads the configuration and theme of fsys and prepares .Site,
// as a run does before its articles.
func benchRun(b *testing.B, fsys fstest.MapFS) *run {
	b.Helper()
	r, err := newRun(Options{FS: fsys, Now: fixedNow}, discard{}, newFileCache(), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	r.site = r.newSite(nil)
	return r
}

// BenchmarkArticlePage renders one generated article (parse, anchor,
// Markdown, notes, JSON-LD, annotations) and executes its page.
func BenchmarkArticlePage(b *testing.B) {
	fsys := generatedSite(1)
	r := benchRun(b, fsys)
	b.ReportAllocs()
	for b.Loop() {
		a, _, _, err := r.load("content/articles/a0000.md", true)
		if err != nil {
			b.Fatal(err)
		}
		art, _, err := renderArticle(r.md, r.theme, r.site, a)
		if err != nil {
			b.Fatal(err)
		}
		if err := r.articlePage("a/index.html", key{}, a, art); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListPage keys and executes the first page of the claims index
// of a 200-article site: what each list page costs a build.
func BenchmarkListPage(b *testing.B) {
	fsys := generatedSite(200)
	r := benchRun(b, fsys)
	if errs := r.all(); len(errs) > 0 {
		b.Fatal(errs)
	}
	var recs []*record
	known := map[any]key{}
	for _, rec := range r.next {
		if rec.listed() {
			recs = append(recs, rec)
			rec.digests(known)
		}
	}
	var claims *list
	for _, l := range r.listPages(recs) {
		if l.rel == "claims/index.html" {
			claims = &l
		}
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		k := newKeyer("list")
		k.known = known
		k.value(claims.page)
		k.sum()
		buf.Reset()
		if err := r.theme.Execute(&buf, claims.page); err != nil {
			b.Fatal(err)
		}
	}
}
