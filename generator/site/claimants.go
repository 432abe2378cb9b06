package site

import (
	"sort"
	"strings"

	"github.com/scholia/scholia/generator/page"
)

// The claimants' pages, BASE/claimants/NAME/, and their index: every claim
// of one claimant across the site, with counts by grade.

// claimantLists makes the page of each claimant of all (the site's claims,
// newest article first) and the claimants index.
func (r *run) claimantLists(all []*page.ClaimEntry) []list {
	s := r.site
	bySlug := map[string][]*page.ClaimEntry{}
	for _, c := range all {
		if c.Claimant != nil {
			slug := page.ClaimantSlug(c.Claimant.Name)
			bySlug[slug] = append(bySlug[slug], c)
		}
	}
	var who []*page.ClaimantSummary
	var out []list
	slugs := make([]string, 0, len(bySlug))
	for slug := range bySlug {
		slugs = append(slugs, slug)
	}
	sort.Strings(slugs)
	for _, slug := range slugs {
		entries := bySlug[slug]
		cl := claimantOf(entries)
		who = append(who, &page.ClaimantSummary{Claimant: *cl, N: len(entries)})
		base := "claimants/" + slug + "/"
		for _, sl := range page.Paginate(s, base, len(entries), 5*r.cfg.Paginate) {
			p := &page.Page{Site: s, Kind: "claimant", URL: s.URL(sl.URL), Permalink: s.Permalink(sl.URL),
				Claimant: cl, Claims: entries[sl.Lo:sl.Hi], Paginator: sl.Paginator,
				Counts: countsOf(s, entries), Total: len(entries)}
			out = append(out, list{rel: sl.Rel, page: p})
		}
	}
	if len(who) == 0 {
		return nil
	}
	sort.Slice(who, func(i, j int) bool {
		a, b := strings.ToLower(who[i].Name), strings.ToLower(who[j].Name)
		if a != b {
			return a < b
		}
		return who[i].Page < who[j].Page
	})
	p := &page.Page{Site: s, Kind: "claimants", URL: s.URL("claimants/"), Permalink: s.Permalink("claimants/"), Claimants: who}
	return append(out, list{rel: "claimants/index.html", page: p})
}

// claimantOf is the claimant a page is about: named as in the newest
// claim, with the type and URL of the newest claim that gives them.
func claimantOf(entries []*page.ClaimEntry) *page.Claimant {
	cl := *entries[0].Claimant
	for _, e := range entries {
		if cl.Type == "" {
			cl.Type = e.Claimant.Type
		}
		if cl.URL == "" {
			cl.URL = e.Claimant.URL
		}
	}
	return &cl
}

// countsOf is how many of entries have each grade of the claim scale.
func countsOf(s *page.Site, entries []*page.ClaimEntry) []page.Count {
	ratings := make([]string, len(entries))
	for i, e := range entries {
		ratings[i] = e.Grade.ID
	}
	return page.CountsOf(s.Claim, ratings)
}
