package site

import (
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
)

// patch applies changes to content/ and templates/assets/ to a copy of
// prev: it reloads and re-renders only the articles that changed, then the
// lists that show them. Everything is done on copies, so prev keeps serving
// until the new state is swapped in.
func (l *Live) patch(prev *liveState, paths []string) (*liveState, error) {
	b, out := prev.b.clone(), prev.out.clone()
	fsys := b.opts.FS
	touched := map[string]bool{} // article paths to reload
	assets := false
	for _, p := range paths {
		switch {
		case p == "templates/assets" || strings.HasPrefix(p, "templates/assets/"):
			assets = true
		case content.IsSidecar(p):
			touched[content.ArticlePath(p)] = true
		case content.IsArticle(p):
			touched[p] = true
		case strings.HasPrefix(p, content.Dir+"/"):
			b.updateFile(p, out)
			if !exists(fsys, p) { // a deleted folder takes its articles
				for _, a := range b.content.Articles {
					if strings.HasPrefix(a.Path, p+"/") {
						touched[a.Path] = true
					}
				}
			}
		}
	}
	var errs diag.List
	if assets {
		th, err := loadTheme(fsys)
		if err != nil {
			return nil, err
		}
		b.theme = th
		for rel := range out.copies {
			if strings.HasPrefix(rel, "assets/") {
				delete(out.copies, rel)
			}
		}
		b.addFiles(out)
	}
	var reload []*content.Article
	for p := range touched {
		a, err := b.reload(p, out)
		errs.Add(err)
		if a != nil {
			reload = append(reload, a)
		}
	}
	errs.Add(content.CheckOutputs(b.content))
	if len(errs) > 0 {
		return nil, errs
	}
	if errs = b.renderArticles(reload, nil); len(errs) > 0 {
		return nil, errs
	}
	if m := menu(b.site, b.content.Articles); !slices.Equal(m, b.site.Menu) {
		b.site.Menu = m
		reload = b.content.Articles // every page shows the menu
	}
	errs = append(b.executeArticles(reload, out), b.executeLists(out)...)
	if len(errs) > 0 {
		return nil, errs
	}
	return &liveState{b: b, out: out}, nil
}

// clone copies what an update changes, so the state being served is never
// written to.
func (b *builder) clone() *builder {
	c := *b
	cs := *b.content
	cs.Articles = slices.Clone(cs.Articles)
	cs.Static = slices.Clone(cs.Static)
	c.content = &cs
	c.rendered = maps.Clone(b.rendered)
	c.listKeys = maps.Clone(b.listKeys)
	s := *b.site
	c.site = &s
	return &c
}

// reload loads the article at p again, or removes it when it is gone or
// left out (a draft, a future article). It returns the article to render.
func (b *builder) reload(p string, out *outputs) (*content.Article, error) {
	fsys := b.opts.FS
	b.removeArticle(p, out)
	if !exists(fsys, p) {
		if sc := content.SidecarPath(p); exists(fsys, sc) {
			return nil, diag.Errorf(sc, 1, 1, "sidecar without its article: add %s or rename the sidecar after the article it reviews", p)
		}
		return nil, nil
	}
	a, keep, err := content.LoadArticle(fsys, b.cfg, p, &content.Options{Drafts: b.opts.Drafts, Future: b.opts.Future, Now: b.opts.Now})
	if err != nil || !keep {
		return nil, err
	}
	i := sort.Search(len(b.content.Articles), func(i int) bool { return b.content.Articles[i].Path >= p })
	b.content.Articles = slices.Insert(b.content.Articles, i, a)
	if a.Home {
		b.content.Home = a
	}
	return a, nil
}

// removeArticle takes the article at p and its page out.
func (b *builder) removeArticle(p string, out *outputs) {
	i := slices.IndexFunc(b.content.Articles, func(a *content.Article) bool { return a.Path == p })
	if i < 0 {
		return
	}
	a := b.content.Articles[i]
	b.content.Articles = slices.Delete(b.content.Articles, i, i+1)
	delete(b.rendered, p)
	delete(out.pages, a.OutPath)
	delete(out.pages, annotationsPath(a))
	if b.content.Home == a {
		b.content.Home = nil
	}
}

// updateFile adds, replaces or removes a file that is copied as it is.
func (b *builder) updateFile(p string, out *outputs) {
	b.content.Static = slices.DeleteFunc(b.content.Static, func(f content.File) bool {
		if f.Path == p || strings.HasPrefix(f.Path, p+"/") {
			delete(out.copies, f.Out)
			return true
		}
		return false
	})
	info, err := fs.Stat(b.opts.FS, p)
	if err != nil || !info.Mode().IsRegular() || content.Skip(path.Base(p)) {
		return
	}
	f := content.File{Path: p, Out: content.FileOut(p)}
	b.content.Static = append(b.content.Static, f)
	sort.Slice(b.content.Static, func(i, j int) bool { return b.content.Static[i].Path < b.content.Static[j].Path })
	out.copies[f.Out] = source{fsys: b.opts.FS, name: p, site: true}
}
