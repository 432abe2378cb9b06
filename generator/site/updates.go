package site

import (
	"fmt"
	"html/template"
	"slices"

	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/markup"
	"github.com/scholia/scholia/generator/page"
)

// The review's own record: who reviewed, who rated each claim, and the log
// of what changed since, with the grades it replaced.

// reviewers are a review's reviewers as a page shows them.
func reviewers(rs []content.Reviewer) []page.Reviewer {
	var out []page.Reviewer
	for _, r := range rs {
		out = append(out, page.Reviewer(r))
	}
	return out
}

// newestFirst are the indexes of the log's entries, newest first; entries
// of one day keep the log's order, reversed.
func newestFirst(ups []content.Update) []int {
	order := make([]int, len(ups))
	for i := range order {
		order[i] = len(order) - 1 - i
	}
	slices.SortStableFunc(order, func(i, j int) int { return ups[j].Date.Compare(ups[i].Date) })
	return order
}

// rerated gives each claim of cds (the sidecar's, in its order) the
// grades its re-ratings replaced, newest first: before its notes are
// drawn, which show them.
func rerated(s *page.Site, sc *content.Sidecar, cds []*page.Claim) {
	for _, i := range newestFirst(sc.Updates) {
		u := sc.Updates[i]
		if u.Claim == "" || u.From == "" {
			continue
		}
		for _, c := range cds {
			if c.ID == u.Claim {
				c.Previous = append(c.Previous, page.GradeOf(s.Claim, u.From))
			}
		}
	}
}

// updateLog puts the sidecar's log on the article, newest first, the
// grades the review's re-ratings replaced on the review, and each claim's
// rater on the claim. The claims of art must be made.
func updateLog(md *markup.Renderer, s *page.Site, sc *content.Sidecar, art *page.Article) {
	byID := make(map[string]*page.Claim, len(art.Claims))
	for _, c := range art.Claims {
		byID[c.ID] = c
	}
	if art.Review != nil {
		for i, c := range sc.Claims {
			for _, rv := range art.Review.Reviewers {
				if c.RatedBy != "" && rv.Name == c.RatedBy {
					art.Claims[i].RatedBy = &rv
				}
			}
		}
	}
	for _, i := range newestFirst(sc.Updates) {
		u := sc.Updates[i]
		pu := page.Update{Date: u.Date, Note: template.HTML(md.Note(fmt.Sprintf("update-%d", i+1), u.Note)), Claim: byID[u.Claim]}
		if u.From != "" {
			scale := s.Article
			if u.Claim != "" {
				scale = s.Claim
			}
			g := page.GradeOf(scale, u.From)
			pu.From = &g
			if u.Claim == "" && art.Review != nil {
				art.Review.Previous = append(art.Review.Previous, g)
			}
		}
		art.Updates = append(art.Updates, pu)
	}
}
