package publish

import (
	"encoding/json"
	"html/template"
	"time"

	"github.com/scholia/scholia/generator/page"
)

// The schema.org review data of an article (DESIGN section 7), as
// fact-check aggregators read it: a Review of the original text on the
// article scale, and a ClaimReview per claim, or a MediaReview for a claim
// about footage, an image or a recording. Each node is made by one
// function, whichever page or feed carries it.

type thing = map[string]any

// schemaContext is the @context of every schema.org document Scholia
// writes.
const schemaContext = "https://schema.org"

// ClaimReviews returns the JSON-LD graph of an article page: the article's
// review, when it has one, then a review of each claim whose url is the
// claim in the page. json.Marshal escapes <, > and &, which makes the
// result safe inside a <script> element.
func ClaimReviews(s *page.Site, art *page.Article, url string) (template.JS, error) {
	if len(art.Claims) == 0 && art.Review == nil {
		return "", nil
	}
	graph := make([]thing, 0, len(art.Claims)+1)
	if art.Review != nil {
		graph = append(graph, ArticleReview(s, art, url))
	}
	for _, c := range art.Claims {
		graph = append(graph, ClaimNode(s, c, art.Reviewed, url+"#claim-"+c.ID))
	}
	return marshalJS(thing{"@context": schemaContext, "@graph": graph})
}

// ClaimPageReview returns the JSON-LD of a claim's own page: its one
// review, whose url is that page.
func ClaimPageReview(s *page.Site, c *page.Claim, of *page.Reviewed) (template.JS, error) {
	n := ClaimNode(s, c, of, c.Permalink)
	n["@context"] = schemaContext
	return marshalJS(n)
}

func marshalJS(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	return template.JS(b), err
}

// ClaimNode is the review of claim c, at url: a ClaimReview, or a
// MediaReview when the claim names its media.
func ClaimNode(s *page.Site, c *page.Claim, of *page.Reviewed, url string) thing {
	n := reviewNode(s, of, c.RatedBy, "ClaimReview", url)
	n["reviewRating"] = rating(c.Grade, s.Claim)
	if m := c.Media; m != nil {
		n["@type"] = "MediaReview"
		if m.Rating != "" {
			n["mediaAuthenticityCategory"] = schemaContext + "/" + m.Rating
		}
		n["originalMediaContextDescription"] = c.Claim
		n["itemReviewed"] = mediaItem(c)
		return n
	}
	n["claimReviewed"] = c.Claim
	n["itemReviewed"] = claimItem(c, of.Original)
	return n
}

// ArticleReview is the review of the article as a whole, at url: a Review
// of the original text, rated on the article scale.
func ArticleReview(s *page.Site, art *page.Article, url string) thing {
	n := reviewNode(s, art.Reviewed, nil, "Review", url)
	n["name"] = art.Title
	n["reviewRating"] = rating(art.Review.Grade, s.Article)
	work := creativeWork(art.Original)
	if work == nil {
		// The reviewed text is known only by the copy on the page.
		work = thing{"@type": "CreativeWork", "url": url}
	}
	n["itemReviewed"] = work
	return n
}

// reviewNode is what every review of an article shares: who wrote it, in
// what language, and when. Its author is the person who rated it (rater,
// when the sidecar describes one), else the people among the review's
// reviewers, else the publisher, which publishes it in any case. A
// reviewer known by name alone may be a desk: never guessed a Person.
func reviewNode(s *page.Site, of *page.Reviewed, rater *page.Reviewer, typ, url string) thing {
	n := thing{"@type": typ, "url": url, "author": publisher(s), "inLanguage": s.Language}
	var people []page.Reviewer
	for _, r := range of.Reviewers {
		if r.Person {
			people = append(people, r)
		}
	}
	if rater != nil && rater.Person {
		people = []page.Reviewer{*rater}
	}
	if len(people) > 0 {
		authors := make([]thing, len(people))
		for i, p := range people {
			authors[i] = person(p)
		}
		n["author"], n["publisher"] = authors, publisher(s)
	}
	if !of.Published.IsZero() {
		n["datePublished"] = isoDay(of.Published)
	}
	if !of.Modified.IsZero() {
		n["dateModified"] = isoDay(of.Modified)
	}
	return n
}

func isoDay(t time.Time) string { return t.Format("2006-01-02") }

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

// person is a reviewer the sidecar describes: a Person.
func person(r page.Reviewer) thing {
	p := thing{"@type": "Person", "name": r.Name}
	setText(p, "jobTitle", r.Role)
	setText(p, "url", r.URL)
	if r.Affiliation != "" {
		p["affiliation"] = thing{"@type": "Organization", "name": r.Affiliation}
	}
	return p
}

// setText sets n[key] to v, unless v is empty: a node leaves out what is
// not known.
func setText(n thing, key, v string) {
	if v != "" {
		n[key] = v
	}
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
