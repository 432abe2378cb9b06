package site

import (
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/page"
	"github.com/scholia/scholia/generator/publish"
)

// list is one page of a list, or a generated file such as the feed.
type list struct {
	rel  string // output path
	page *page.Page
	make func() ([]byte, error) // for a file that is not a page
	data any                    // what make reads, for the key
}

// lists makes and executes the pages that list articles or claims, and
// the feed and sitemap, from the articles' records. A list whose key (the
// hash of the data its template receives) is what the sink holds is kept.
func (r *run) lists(jobs []*job) diag.List {
	var recs []*record
	for _, j := range jobs {
		if j.rec != nil && j.kept && r.next[j.in] == j.rec {
			recs = append(recs, j.rec)
		}
	}
	// Lists are made of the records in order, .Site, the theme and the
	// time the feed may show: when all of those are what they were, every
	// list page is, and none is made or even keyed again.
	set := newKeyer("lists")
	set.key(r.siteKey)
	set.bytes(r.theme.Sum[:])
	set.value(feedNow(summaries(recs), r.opts.Now))
	for _, rec := range recs {
		set.key(rec.Sum)
		set.value(r.lastmod(rec))
	}
	r.listed = listSet{Key: set.sum(), Pages: map[string]key{}}
	if r.keepLists() {
		return nil
	}
	// .Site is on every page: hash it once (siteKey holds it all).
	known := map[any]key{r.site: r.siteKey}
	for _, rec := range recs {
		rec.digests(known)
	}
	all := r.listPages(recs)
	return forEach(len(all), nil, func(i int) string { return all[i].rel }, func(i int) error {
		l := all[i]
		if !r.claim(l.rel, owner{kind: ownerMade, name: "a page scholia makes itself"}) {
			return nil
		}
		k := newKeyer("list")
		k.known = known
		k.bytes(r.theme.Sum[:])
		k.str(l.rel)
		if l.page != nil {
			k.value(l.page)
		} else {
			k.value(l.data)
		}
		r.mu.Lock()
		r.listed.Pages[l.rel] = k.sum()
		r.mu.Unlock()
		if r.keep(l.rel, k.sum()) {
			return nil
		}
		if l.make == nil {
			return r.execute(l.rel, k.sum(), l.page)
		}
		data, err := l.make()
		if err != nil {
			return err
		}
		return r.put(l.rel, k.sum(), data)
	})
}

// listPages makes every list page of the site.
func (r *run) listPages(recs []*record) []list {
	s := r.site
	sums := summaries(recs)
	newPage := func(kind, title, rel string) *page.Page {
		return &page.Page{Site: s, Kind: kind, Title: title, URL: s.URL(rel), Permalink: s.Permalink(rel)}
	}
	var out []list
	articles := func(kind, title, base string, sums []*page.Summary, fill func(*page.Page)) {
		for _, sl := range page.Paginate(s, base, len(sums), r.cfg.Paginate) {
			p := newPage(kind, title, sl.URL)
			p.Articles, p.Paginator = sums[sl.Lo:sl.Hi], sl.Paginator
			fill(p)
			out = append(out, list{rel: sl.Rel, page: p})
		}
	}
	var home *record
	for _, rec := range recs {
		if rec.Home {
			home = rec
		}
	}
	articles("home", "", "", sums, func(p *page.Page) {
		p.Description = s.Description
		if home != nil && p.Paginator.Number == 1 {
			p.Body, p.Title = home.Body, home.Title
		}
	})
	tags, tagged := page.TagsOf(s, sums)
	if len(tags) > 0 {
		p := newPage("tags", "", "tags/")
		p.Tags = tags
		out = append(out, list{rel: "tags/index.html", page: p})
	}
	for _, t := range tags {
		articles("tag", t.Name, "tags/"+t.Slug+"/", tagged[t.Slug], func(p *page.Page) { p.Tag = t })
	}
	out = append(out, r.claimLists(recs, sums)...)
	out = append(out, list{rel: "404.html", page: newPage("404", "", "404.html")})
	return append(out, r.crawlerFiles(recs, sums, home != nil, out)...)
}

// listSet is the key of all the lists of a run, and each page's key.
type listSet struct {
	Key   key
	Pages map[string]key
}

// keepLists keeps every list page of the last run when the lists' inputs
// are what they were.
func (r *run) keepLists() bool {
	if r.prevLists.Key != r.listed.Key || len(r.prevLists.Pages) == 0 {
		return false
	}
	for rel, k := range r.prevLists.Pages {
		if !r.claim(rel, owner{kind: ownerMade, name: "a page scholia makes itself"}) || !r.keep(rel, k) {
			return false
		}
	}
	r.listed = r.prevLists
	return true
}

// feedNow is the time the feed shows: the build's, but only for entries
// without a date (or no entries), so that it is not keyed by the time
// otherwise and made again every run.
func feedNow(sums []*page.Summary, now time.Time) time.Time {
	feed := sums[:min(len(sums), publish.FeedSize)]
	for _, e := range feed {
		if e.Date.IsZero() && e.Lastmod.IsZero() {
			return now
		}
	}
	if len(feed) == 0 {
		return now
	}
	return time.Time{}
}

// crawlerFiles are the feed, the sitemap and robots.txt.
func (r *run) crawlerFiles(recs []*record, sums []*page.Summary, home bool, lists []list) []list {
	s := r.site
	feed := make([]*page.Summary, 0, min(len(sums), publish.FeedSize))
	dated := map[*page.Summary]time.Time{}
	for _, rec := range recs {
		if rec.Summary != nil {
			dated[rec.Summary] = r.lastmod(rec)
		}
	}
	for _, sum := range sums[:min(len(sums), publish.FeedSize)] {
		e := *sum // the record's summary is shared: the feed dates a copy
		e.Lastmod = dated[sum]
		feed = append(feed, &e)
	}
	var pages []publish.SitemapPage
	var newest time.Time
	for _, rec := range recs {
		lastmod := r.lastmod(rec)
		if lastmod.After(newest) {
			newest = lastmod
		}
		pages = append(pages, publish.SitemapPage{URL: rec.URLPath, Lastmod: lastmod})
	}
	for _, l := range lists {
		if l.page != nil && l.page.Kind != "404" && l.rel != "index.html" || l.rel == "index.html" && !home {
			pages = append(pages, publish.SitemapPage{URL: strings.TrimSuffix(l.rel, "index.html"), Lastmod: newest})
		}
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].URL < pages[j].URL })
	now := feedNow(sums, r.opts.Now)
	return []list{
		{rel: "feed.xml", make: func() ([]byte, error) { return publish.Feed(s, feed, now, r.theme.Catalog) }, data: []any{s, feed, now}},
		{rel: "sitemap.xml", make: func() ([]byte, error) { return publish.Sitemap(s, pages) }, data: []any{s, pages}},
		{rel: "robots.txt", make: func() ([]byte, error) { return publish.Robots(s), nil }, data: s},
	}
}

// lastmod is when an article last changed, for the sitemap and the feed:
// the newest date of its review's update log, which an editor writes for
// what readers should know of; else the last commit that touched it or its
// sidecar, when the site is in Git; else its front matter's lastmod, else
// its date. Never a file's modification time, so that builds of one commit
// are identical.
func (r *run) lastmod(rec *record) time.Time {
	if !rec.Updated.IsZero() {
		return rec.Updated // the review's log says when it last changed
	}
	if h := r.opts.History; h != nil {
		if t, ok := h.Last(rec.Path, content.SidecarPath(rec.Path)); ok {
			return t
		}
	}
	return rec.Lastmod
}

// claimLists makes the claims index, its pages per grade, and the ratings
// page that documents the scale with the number of claims of each grade.
func (r *run) claimLists(recs []*record, sums []*page.Summary) []list {
	s := r.site
	bySum := make(map[*page.Summary]*record, len(recs))
	for _, rec := range recs {
		if rec.Summary != nil {
			bySum[rec.Summary] = rec
		}
	}
	var all []*page.ClaimEntry
	for _, sum := range sums {
		all = append(all, bySum[sum].Entries...)
	}
	byGrade := map[string][]*page.ClaimEntry{}
	for _, c := range all {
		byGrade[c.Grade.ID] = append(byGrade[c.Grade.ID], c)
	}
	counts := make([]page.Count, len(s.Claim))
	for i, g := range s.Claim {
		counts[i] = page.Count{Grade: g, N: len(byGrade[g.ID])}
	}
	var out []list
	claims := func(base string, entries []*page.ClaimEntry, g *page.Grade) {
		for _, sl := range page.Paginate(s, base, len(entries), 5*r.cfg.Paginate) {
			p := &page.Page{Site: s, Kind: "claims", URL: s.URL(sl.URL), Permalink: s.Permalink(sl.URL),
				Claims: entries[sl.Lo:sl.Hi], Paginator: sl.Paginator, Grade: g, Counts: counts, Total: len(all)}
			out = append(out, list{rel: sl.Rel, page: p})
		}
	}
	claims("claims/", all, nil)
	for i := range s.Claim {
		g := &s.Claim[i]
		claims("claims/"+g.ID+"/", byGrade[g.ID], g)
	}
	out = append(out, r.claimantLists(all)...)
	rp := &page.Page{Site: s, Kind: "ratings", URL: s.URL("ratings/"), Permalink: s.Permalink("ratings/"), Counts: counts, Total: len(all)}
	// The open data is made of the entries alone, so it is keyed by them,
	// whose digests are known, and made only when one changed.
	open := sync.OnceValue(func() []publish.OpenClaim { return publish.OpenClaims(s, all) })
	return append(out, list{rel: "ratings/index.html", page: rp},
		list{rel: "claims/index.json", make: func() ([]byte, error) { return publish.ClaimsIndex(all) }, data: all},
		list{rel: "claims.json", make: func() ([]byte, error) { return publish.ClaimsJSON(s, open()) }, data: []any{s, all}},
		list{rel: "claims.schema.json", make: func() ([]byte, error) { return publish.ClaimsSchema, nil }, data: publish.ClaimsSchema},
		list{rel: "claims.csv", make: func() ([]byte, error) { return publish.ClaimsCSV(open()) }, data: []any{s, all}},
		list{rel: "claimreview.jsonld", make: func() ([]byte, error) { return publish.DataFeed(s, all) }, data: []any{s, all}})
}

// summaries are the listed articles, newest first.
func summaries(recs []*record) []*page.Summary {
	var list []*page.Summary
	for _, rec := range recs {
		if rec.listed() {
			list = append(list, rec.Summary)
		}
	}
	sort.SliceStable(list, func(i, j int) bool {
		if !list[i].Date.Equal(list[j].Date) {
			return list[i].Date.After(list[j].Date)
		}
		return list[i].Title < list[j].Title
	})
	return list
}
