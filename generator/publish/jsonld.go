package publish

import (
	"encoding/json"
	"html/template"

	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/page"
)

// The schema.org ClaimReview graph of an article (DESIGN section 7), as
// Google's fact-check markup and aggregators read it.

type thing = map[string]any

// ClaimReviews returns the JSON-LD graph of an article's claims. json.Marshal
// escapes <, > and &, which makes the result safe inside a <script> element.
func ClaimReviews(s *page.Site, a *content.Article, art *page.Article) (template.JS, error) {
	if len(art.Claims) == 0 {
		return "", nil
	}
	page := s.Permalink(a.URLPath)
	graph := make([]thing, 0, len(art.Claims))
	for _, c := range art.Claims {
		cr := thing{
			"@type":         "ClaimReview",
			"url":           page + "#claim-" + c.ID,
			"claimReviewed": c.Claim,
			"reviewRating":  rating(c.Grade, s.Claim),
			"itemReviewed":  claimItem(c, a),
			"author":        publisher(s),
			"inLanguage":    s.Language,
		}
		if d := reviewDate(a); d != "" {
			cr["datePublished"] = d
		}
		graph = append(graph, cr)
	}
	b, err := json.Marshal(thing{"@context": "https://schema.org", "@graph": graph})
	return template.JS(b), err
}

func rating(g page.Grade, scale []page.Grade) thing {
	// name is what consumers show; alternateName is kept for those that
	// read the rating's text from it.
	r := thing{"@type": "Rating", "name": g.Label, "alternateName": g.Label}
	if g.Value == nil {
		return r
	}
	r["ratingValue"] = *g.Value
	lo, hi := *g.Value, *g.Value
	for _, o := range scale {
		if o.Value != nil {
			lo, hi = min(lo, *o.Value), max(hi, *o.Value)
		}
	}
	r["bestRating"], r["worstRating"] = hi, lo
	return r
}

func claimItem(c *page.Claim, a *content.Article) thing {
	item := thing{"@type": "Claim"}
	if c.Claimant != "" {
		item["author"] = thing{"@type": "Person", "name": c.Claimant}
	}
	if o := a.Front.Original; o != nil {
		work := thing{"@type": "CreativeWork"}
		if o.URL != "" {
			work["url"] = o.URL
		}
		// The original's own headline: the page's title is the review's.
		if o.Title != "" {
			work["headline"] = o.Title
		}
		if o.Publisher != "" {
			work["publisher"] = thing{"@type": "Organization", "name": o.Publisher}
		}
		if o.Author != "" {
			work["author"] = thing{"@type": "Person", "name": o.Author}
		}
		if !o.Date.IsZero() {
			work["datePublished"] = o.Date.Format("2006-01-02")
			item["datePublished"] = work["datePublished"]
		}
		item["appearance"] = work
	}
	return item
}

func publisher(s *page.Site) thing {
	p := thing{"@type": "Organization", "name": s.Publisher.Name}
	if p["name"] == "" {
		p["name"] = s.Title
	}
	if s.Publisher.URL != "" {
		p["url"] = s.Publisher.URL
	}
	if s.Publisher.Logo != "" {
		p["logo"] = thing{"@type": "ImageObject", "url": s.Publisher.Logo}
	}
	return p
}

func reviewDate(a *content.Article) string {
	if r := a.Sidecar.Review; r != nil && !r.Date.IsZero() {
		return r.Date.Format("2006-01-02")
	}
	if !a.Front.Date.IsZero() {
		return a.Front.Date.Format("2006-01-02")
	}
	return ""
}
