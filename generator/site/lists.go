package site

import (
	"sort"

	"github.com/scholia/scholia/generator/markup"
)

// home is the home page: the body of content/index.md if there is one, and
// the articles, newest first, each with its review grade and claim counts.
func (b *builder) home(rendered []*Article) *Page {
	p := &Page{Site: b.site, Kind: "home", URL: b.site.URL(""), Permalink: b.site.Permalink(""), Description: b.site.Description}
	for i, a := range b.content.Articles {
		art := rendered[i]
		switch {
		case a.URLPath == "":
			p.Body = art.Body
			p.Title = art.Title
		case !isMenuPage(a):
			s := &Summary{Title: art.Title, URL: b.site.URL(a.URLPath), Description: art.Description, Date: art.Date, Counts: art.Counts, Claims: len(art.Claims)}
			if art.Review != nil {
				g := art.Review.Grade
				s.Review = &g
			}
			p.Articles = append(p.Articles, s)
		}
	}
	sort.SliceStable(p.Articles, func(i, j int) bool {
		a, b := p.Articles[i], p.Articles[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.Title < b.Title
	})
	return p
}

func (b *builder) notFound() *Page {
	return &Page{Site: b.site, Kind: "404", Title: "Page not found", URL: b.site.URL("404.html"), Permalink: b.site.Permalink("404.html")}
}

// copyFiles writes the theme's assets, the code stylesheet and the site's
// other files; it returns how many it wrote.
func (b *builder) copyFiles(out *output) (int, error) {
	if out == nil {
		return 0, nil
	}
	n := 0
	for rel, f := range b.theme.assets {
		if err := out.copy(rel, f.fsys, f.name); err != nil {
			return n, err
		}
		n++
	}
	if err := out.write("assets/code.css", markup.Stylesheet()); err != nil {
		return n, err
	}
	n++
	for _, f := range b.content.Static {
		if err := out.copy(f.Out, b.fsys, f.Path); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
