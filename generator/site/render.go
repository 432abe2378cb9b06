package site

import (
	"bytes"
	"io/fs"
	"maps"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
)

// outputs is a rendered site, held in memory: a build writes it to disk,
// the dev server serves it and patches it as files change.
type outputs struct {
	pages  map[string][]byte // generated files (pages, code.css), by output path
	copies map[string]source // files copied as they are, by output path
}

// source is a file to copy: from the site or the embedded theme. Sources
// are compared by site and name, never by file system: an fs.FS may be a
// map, which == cannot compare.
type source struct {
	fsys fs.FS
	name string
	site bool // from the site's own files, not the theme
}

func (s source) same(t source) bool { return s.site == t.site && s.name == t.name }

func (o *outputs) clone() *outputs {
	return &outputs{pages: maps.Clone(o.pages), copies: maps.Clone(o.copies)}
}

// file returns an output's bytes.
func (o *outputs) file(rel string) ([]byte, bool) {
	if b, ok := o.pages[rel]; ok {
		return b, true
	}
	if src, ok := o.copies[rel]; ok {
		b, err := fs.ReadFile(src.fsys, src.name)
		return b, err == nil
	}
	return nil, false
}

// forEach runs f on 0..n-1 on every core, turning panics into errors, and
// returns every error.
func forEach(n int, progress func(), name func(int) string, f func(int) error) diag.List {
	var (
		mu   sync.Mutex
		errs diag.List
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				if err := safely(name(i), func() error { return f(i) }); err != nil {
					mu.Lock()
					errs.Add(err)
					mu.Unlock()
				}
				if progress != nil {
					progress()
				}
			}
		})
	}
	wg.Wait()
	errs.Sort()
	return errs
}

// renderArticles renders the Markdown and reviews of arts into b.rendered.
// A failed article is left out of b.rendered and its errors returned.
func (b *builder) renderArticles(arts []*content.Article, progress func()) diag.List {
	got := make([]*Article, len(arts))
	errs := forEach(len(arts), progress, func(i int) string { return arts[i].Path }, func(i int) (err error) {
		got[i], err = renderArticle(b.md, b.site, arts[i])
		return err
	})
	for i, a := range arts {
		if got[i] != nil {
			b.rendered[a.Path] = got[i]
		}
	}
	return errs
}

// executeArticles executes the page templates of arts into out.
func (b *builder) executeArticles(arts []*content.Article, out *outputs) diag.List {
	pages := make([][]byte, len(arts))
	errs := forEach(len(arts), nil, func(i int) string { return arts[i].Path }, func(i int) (err error) {
		pages[i], err = b.articlePage(arts[i])
		return err
	})
	for i, a := range arts {
		if pages[i] != nil {
			out.pages[a.OutPath] = pages[i]
		}
		if art := b.rendered[a.Path]; art != nil && art.annotations != nil {
			out.pages[annotationsPath(a)] = art.annotations
		}
	}
	return errs
}

// articlePage executes the page of one rendered article; nil for the home
// page's own text, which the home page shows.
func (b *builder) articlePage(a *content.Article) ([]byte, error) {
	art := b.rendered[a.Path]
	if art == nil || a.Home {
		return nil, nil
	}
	kind := "page"
	if art.Annotated {
		kind = "article"
	}
	return b.theme.execute(&Page{
		Site: b.site, Kind: kind, Title: art.Title, Description: art.Description,
		URL: b.site.URL(a.URLPath), Permalink: b.site.Permalink(a.URLPath), Article: art,
	})
}

// renderAll renders the whole site. Articles that fail are left out; their
// errors come back with whatever did render.
func (b *builder) renderAll(progress func(done, total int)) (*outputs, diag.List) {
	arts := b.content.Articles
	total := len(arts) + 1 // each article, then everything else
	var done atomic.Int64
	step := func() {
		if progress != nil {
			progress(int(done.Add(1)), total)
		}
	}
	errs := b.renderArticles(arts, step)
	out := &outputs{pages: map[string][]byte{}, copies: map[string]source{}}
	ok := make([]*content.Article, 0, len(arts))
	for _, a := range arts {
		if b.rendered[a.Path] != nil {
			ok = append(ok, a)
		}
	}
	errs = append(errs, b.executeArticles(ok, out)...)
	errs = append(errs, b.executeLists(out)...)
	b.addFiles(out)
	step()
	errs.Sort()
	return out, errs
}

// changedPages lists the pages of next whose bytes differ from prev's, and
// the outputs of prev that next no longer has.
func changedPages(prev, next *outputs) (changed, removed []string) {
	for rel, b := range next.pages {
		if old, ok := prev.pages[rel]; !ok || !bytes.Equal(old, b) {
			changed = append(changed, rel)
		}
	}
	for rel, src := range next.copies {
		if old, ok := prev.copies[rel]; !ok || !old.same(src) {
			changed = append(changed, rel)
		}
	}
	for rel := range prev.pages {
		if _, ok := next.pages[rel]; !ok {
			removed = append(removed, rel)
		}
	}
	for rel := range prev.copies {
		if _, ok := next.copies[rel]; !ok {
			removed = append(removed, rel)
		}
	}
	return changed, removed
}
