package site

import (
	"encoding/binary"
	"fmt"
	"hash"
	"hash/fnv"
	"sort"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/markup"
)

// list is one page of a list, or a generated file such as the feed, with
// the fingerprints of the data it shows.
type list struct {
	rel  string // output path
	page *Page
	make func() ([]byte, error) // for a file that is not a page
	keys []uint64
}

// executeLists renders the pages that list articles or claims, which a
// change of any article may touch. A list page whose data is what it was
// when it was made is not made again: on a large site that is most of what
// a save would cost. Pages of lists that are gone are removed.
func (b *builder) executeLists(out *outputs) diag.List {
	var errs diag.List
	lists := b.lists()
	seen := make(map[string]bool, len(lists))
	for _, l := range lists {
		seen[l.rel] = true
		key := fingerprint(l.rel, l.page, l.keys)
		if _, ok := out.pages[l.rel]; ok && b.listKeys[l.rel] == key {
			continue
		}
		make := l.make
		if make == nil {
			make = func() ([]byte, error) { return b.theme.execute(l.page) }
		}
		html, err := make()
		if err != nil {
			errs.Add(err)
			continue
		}
		out.pages[l.rel] = html
		b.listKeys[l.rel] = key
	}
	for rel := range b.listKeys {
		if !seen[rel] {
			delete(out.pages, rel)
			delete(b.listKeys, rel)
		}
	}
	return errs
}

// lists makes every list page of the site.
func (b *builder) lists() []list {
	s := b.site
	sums := b.summaries()
	page := func(kind, title, rel string) *Page {
		return &Page{Site: s, Kind: kind, Title: title, URL: s.URL(rel), Permalink: s.Permalink(rel)}
	}
	var out []list
	articles := func(kind, title, base string, sums []*Summary, fill func(*Page)) {
		for _, sl := range paginate(s, base, len(sums), b.cfg.Paginate) {
			p := page(kind, title, sl.url)
			p.Articles, p.Paginator = sums[sl.lo:sl.hi], sl.p
			fill(p)
			out = append(out, list{rel: sl.rel, page: p, keys: summaryKeys(p.Articles)})
		}
	}
	articles("home", "", "", sums, func(p *Page) {
		p.Description = s.Description
		if h := b.content.Home; h != nil && p.Paginator.Number == 1 {
			if art := b.rendered[h.Path]; art != nil {
				p.Body, p.Title = art.Body, art.Title
			}
		}
	})
	tags, tagged := b.tags(sums)
	if len(tags) > 0 {
		p := page("tags", "Tags", "tags/")
		p.Tags = tags
		tagKey := fnv.New64a()
		for _, t := range tags {
			fmt.Fprintf(tagKey, "%s=%d,", t.Name, t.N)
		}
		out = append(out, list{rel: "tags/index.html", page: p, keys: []uint64{tagKey.Sum64()}})
	}
	for _, t := range tags {
		articles("tag", "Tagged “"+t.Name+"”", "tags/"+t.Slug+"/", tagged[t.Slug], func(p *Page) { p.Tag = t })
	}
	out = append(out, b.claimLists(sums)...)
	out = append(out, list{rel: "404.html", page: page("404", "Page not found", "404.html")})
	return append(out, b.crawlerFiles(sums, out)...)
}

// crawlerFiles are the feed, the sitemap and robots.txt.
func (b *builder) crawlerFiles(sums []*Summary, lists []list) []list {
	s := b.site
	feed := sums[:min(len(sums), feedSize)]
	var pages []SitemapPage
	var newest time.Time
	for _, a := range b.content.Articles {
		if art := b.rendered[a.Path]; art != nil {
			lastmod := art.Lastmod
			if lastmod.IsZero() {
				lastmod = a.ModTime
			}
			if lastmod.After(newest) {
				newest = lastmod
			}
			pages = append(pages, SitemapPage{URL: a.URLPath, Lastmod: lastmod})
		}
	}
	for _, l := range lists {
		if l.page != nil && l.page.Kind != "404" && l.rel != "index.html" || l.rel == "index.html" && b.content.Home == nil {
			pages = append(pages, SitemapPage{URL: strings.TrimSuffix(l.rel, "index.html"), Lastmod: newest})
		}
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].URL < pages[j].URL })
	pageKey := fnv.New64a()
	for _, p := range pages {
		fmt.Fprintf(pageKey, "%s %d,", p.URL, p.Lastmod.Unix())
	}
	return []list{
		{rel: "feed.xml", make: func() ([]byte, error) { return atomFeed(s, feed, b.opts.Now) }, keys: feedKeys(feed)},
		{rel: "sitemap.xml", make: func() ([]byte, error) { return sitemapXML(s, pages) }, keys: []uint64{pageKey.Sum64()}},
		{rel: "robots.txt", make: func() ([]byte, error) { return robotsTxt(s), nil }},
	}
}

// claimLists makes the claims index, its pages per grade, and the ratings
// page that documents the scale with the number of claims of each grade.
func (b *builder) claimLists(sums []*Summary) []list {
	s := b.site
	var all []*ClaimEntry
	for _, sum := range sums {
		all = append(all, sum.entries...)
	}
	byGrade := map[string][]*ClaimEntry{}
	for _, c := range all {
		byGrade[c.Grade.ID] = append(byGrade[c.Grade.ID], c)
	}
	counts := make([]Count, len(s.Claim))
	countKey := fnv.New64a()
	for i, g := range s.Claim {
		counts[i] = Count{Grade: g, N: len(byGrade[g.ID])}
		fmt.Fprintf(countKey, "%s=%d,", g.ID, counts[i].N)
	}
	// A claims page shows its own claims and the counts of every grade, so
	// an edit to one article's claims remakes only the pages that show them
	// (and all of them when a count changes).
	var out []list
	claims := func(title, base string, entries []*ClaimEntry, g *Grade) {
		for _, sl := range paginate(s, base, len(entries), 5*b.cfg.Paginate) {
			p := &Page{Site: s, Kind: "claims", Title: title, URL: s.URL(sl.url), Permalink: s.Permalink(sl.url),
				Claims: entries[sl.lo:sl.hi], Paginator: sl.p, Grade: g, Counts: counts, Total: len(all)}
			keys := []uint64{countKey.Sum64()}
			for _, c := range p.Claims {
				if keys[len(keys)-1] != c.key {
					keys = append(keys, c.key)
				}
			}
			out = append(out, list{rel: sl.rel, page: p, keys: keys})
		}
	}
	claims("Claims reviewed", "claims/", all, nil)
	for i := range s.Claim {
		g := &s.Claim[i]
		claims("Claims rated “"+g.Label+"”", "claims/"+g.ID+"/", byGrade[g.ID], g)
	}
	rp := &Page{Site: s, Kind: "ratings", Title: "Rating scales", URL: s.URL("ratings/"), Permalink: s.Permalink("ratings/"), Counts: counts, Total: len(all)}
	return append(out, list{rel: "ratings/index.html", page: rp, keys: []uint64{countKey.Sum64()}})
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
			Tags: a.Front.Tags, TagLinks: art.Tags, Counts: art.Counts, Claims: len(art.Claims),
			key: art.listKey, entries: art.entries,
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

func summaryKeys(sums []*Summary) []uint64 {
	keys := make([]uint64, len(sums))
	for i, s := range sums {
		keys[i] = s.key
	}
	return keys
}

// feedKeys are the summaries' keys with their modification times, which
// the feed shows and the keys leave out.
func feedKeys(sums []*Summary) []uint64 {
	keys := make([]uint64, 0, 2*len(sums))
	for _, s := range sums {
		keys = append(keys, s.key, uint64(s.Lastmod.UnixNano()))
	}
	return keys
}

// fingerprint hashes what a list page shows: its own fields and the
// fingerprints of the articles it draws on.
func fingerprint(rel string, p *Page, keys []uint64) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%d\x00", rel, len(keys))
	if p == nil {
		return hashKeys(h, keys)
	}
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%v\x00", p.Kind, p.Title, p.Description, p.Body, p.Site.Menu)
	if p.Paginator != nil {
		fmt.Fprintf(h, "page %d/%d\x00", p.Paginator.Number, p.Paginator.Total)
	}
	return hashKeys(h, keys)
}

func hashKeys(h hash.Hash64, keys []uint64) uint64 {
	buf := make([]byte, 0, 8*len(keys))
	for _, k := range keys {
		buf = binary.LittleEndian.AppendUint64(buf, k)
	}
	h.Write(buf)
	return h.Sum64()
}

// addFiles adds the theme's assets, the code stylesheet and the site's
// other files to out.
func (b *builder) addFiles(out *outputs) {
	for rel, f := range b.theme.assets {
		out.copies[rel] = source{fsys: f.fsys, name: f.name, site: f.over}
	}
	out.pages["assets/code.css"] = markup.Stylesheet()
	for _, f := range b.content.Static {
		out.copies[f.Out] = source{fsys: b.opts.FS, name: f.Path, site: true}
	}
}
