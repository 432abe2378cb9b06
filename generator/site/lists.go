package site

import (
	"fmt"
	"hash/fnv"
	"sort"

	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/markup"
)

// executeLists renders the pages that list articles, which a change of any
// article may touch: the home page, and the 404 page (for the menu). A list
// whose data is what it was when its page was made is not made again: on a
// large site that is most of what a save would cost.
func (b *builder) executeLists(out *outputs) diag.List {
	var errs diag.List
	for rel, p := range map[string]*Page{"index.html": b.home(), "404.html": b.notFound()} {
		key := fingerprint(p)
		if _, ok := out.pages[rel]; ok && b.listKeys[rel] == key {
			continue
		}
		html, err := b.theme.execute(p)
		if err != nil {
			errs.Add(err)
			continue
		}
		out.pages[rel] = html
		b.listKeys[rel] = key
	}
	return errs
}

// fingerprint hashes what a list page shows; pointers are followed, so two
// pages built from equal data hash alike.
func fingerprint(p *Page) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%v\x00", p.Kind, p.Title, p.Description, p.Body, p.Site.Menu)
	for _, s := range p.Articles {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%d\x00%d\x00%v\x00%d\x00", s.Title, s.URL, s.Description, s.Author,
			s.Date.Unix(), s.Lastmod.Unix(), s.Tags, s.Claims)
		if s.Review != nil {
			fmt.Fprintf(h, "%s\x00", s.Review.ID)
		}
		for _, c := range s.Counts {
			fmt.Fprintf(h, "%s=%d\x00", c.Grade.ID, c.N)
		}
	}
	return h.Sum64()
}

// summaries are the listed articles, newest first.
func (b *builder) summaries() []*Summary {
	var list []*Summary
	for _, a := range b.content.Articles {
		art := b.rendered[a.Path]
		if art == nil || a.Home || isMenuPage(a) {
			continue
		}
		s := &Summary{
			Title: art.Title, URL: b.site.URL(a.URLPath), Permalink: b.site.Permalink(a.URLPath),
			Description: art.Description, Author: art.Author, Date: art.Date, Lastmod: art.Lastmod,
			Tags: art.Tags, Counts: art.Counts, Claims: len(art.Claims),
		}
		if s.Lastmod.IsZero() {
			s.Lastmod = a.ModTime
		}
		if art.Review != nil {
			g := art.Review.Grade
			s.Review = &g
		}
		list = append(list, s)
	}
	sort.SliceStable(list, func(i, j int) bool {
		if !list[i].Date.Equal(list[j].Date) {
			return list[i].Date.After(list[j].Date)
		}
		return list[i].Title < list[j].Title
	})
	return list
}

// home is the home page: the text of content/index.md if there is one, and
// the articles, newest first, each with its review grade and claim counts.
func (b *builder) home() *Page {
	p := &Page{Site: b.site, Kind: "home", URL: b.site.URL(""), Permalink: b.site.Permalink(""), Description: b.site.Description, Articles: b.summaries()}
	if h := b.content.Home; h != nil {
		if art := b.rendered[h.Path]; art != nil {
			p.Body, p.Title = art.Body, art.Title
		}
	}
	return p
}

func (b *builder) notFound() *Page {
	return &Page{Site: b.site, Kind: "404", Title: "Page not found", URL: b.site.URL("404.html"), Permalink: b.site.Permalink("404.html")}
}

// addFiles adds the theme's assets, the code stylesheet and the site's
// other files to out.
func (b *builder) addFiles(out *outputs) {
	for rel, f := range b.theme.assets {
		out.copies[rel] = source{f.fsys, f.name}
	}
	out.pages["assets/code.css"] = markup.Stylesheet()
	for _, f := range b.content.Static {
		out.copies[f.Out] = source{b.opts.FS, f.Path}
	}
}
