package site

import (
	"html/template"
	"time"

	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/page"
)

// record is what a run keeps of one article for the next, under the key of
// the article's inputs: what lists show of it and where its outputs go, so
// that an unchanged article is neither parsed nor rendered again.
type record struct {
	Path, OutPath, URLPath string
	SlugPos                content.Pos
	Draft                  bool
	Date                   time.Time
	Lastmod                time.Time // front matter lastmod, else Date
	// Updated is the newest date of the review's update log, when it is
	// after the review's; zero without one.
	Updated time.Time
	// Changed is set when the article's text is not the text its review
	// read: every build warns until an editor confirms the review.
	Changed *textChange
	// Rendered is false for an article the options left out: nothing of
	// it was rendered or checked beyond its front matter.
	Rendered  bool
	Home      bool
	Menu      bool // an ordinary undated page, which the header links to
	Title     string
	Body      template.HTML      // the home page's own text, which the home page shows
	Annotated bool               // it has an annotations.jsonld
	Claims    []string           // the ids of its claims, each with a page
	Cards     []key              // the keys of their share cards, if the site has them
	Summary   *page.Summary      // nil for the home page and menu pages
	Entries   []*page.ClaimEntry // its claims as the claims index lists them
	// The digests of Summary and Entries: their hashes, made once.
	SummarySum key
	EntrySums  []key
	// Sum is the digest of the whole record, made last (with Sum zero):
	// what the lists of a site are made from, in one key.
	Sum key
}

// newRecord records a rendered article (art nil: one the options left out)
// and whether it has annotations.
func newRecord(s *page.Site, a *content.Article, art *page.Article, annotated bool) *record {
	r := &record{
		Path: a.Path, OutPath: a.OutPath, URLPath: a.URLPath, SlugPos: a.SlugPos,
		Draft: a.Front.Draft, Date: a.Front.Date, Lastmod: a.Front.Lastmod, Home: a.Home, Menu: isMenuPage(a), Title: a.Front.Title,
	}
	if r.Lastmod.IsZero() {
		r.Lastmod = r.Date
	}
	if art == nil {
		return r.sealed()
	}
	r.Rendered, r.Annotated = true, annotated
	if art.Reviewed != nil {
		r.Updated = art.Reviewed.Modified
	}
	if art.TextChanged {
		rv := a.Sidecar.Review
		r.Changed = &textChange{Path: a.Sidecar.Path, Pos: rv.TextPos, Reviewed: art.Reviewed.Published}
	}
	for _, c := range art.Claims {
		r.Claims = append(r.Claims, c.ID)
		if s.ShareCards {
			r.Cards = append(r.Cards, cardKey(cardOf(s, c)))
		}
	}
	switch {
	case a.Home:
		r.Body = art.Body
		return r.sealed()
	case r.Menu:
		return r.sealed()
	}
	url := s.URL(a.URLPath)
	for _, c := range art.Claims {
		e := &page.ClaimEntry{Claim: c, URL: url + "#claim-" + c.ID, ArticleTitle: art.Title, ArticleURL: url, Date: art.Date, Of: art.Reviewed}
		r.Entries = append(r.Entries, e)
		r.EntrySums = append(r.EntrySums, digestOf("claim entry", e))
	}
	sum := &page.Summary{
		Title: art.Title, URL: url, Permalink: s.Permalink(a.URLPath),
		Description: art.Description, Author: art.Author, Date: art.Date, Lastmod: art.Lastmod,
		Tags: a.Front.Tags, TagLinks: art.Tags, Counts: art.Counts, Claims: len(art.Claims),
	}
	if sum.Lastmod.IsZero() {
		sum.Lastmod = sum.Date
	}
	if art.Review != nil {
		g := art.Review.Grade
		sum.Review = &g
	}
	r.Summary, r.SummarySum = sum, digestOf("summary", sum)
	return r.sealed()
}

// sealed sets the record's Sum.
func (r *record) sealed() *record {
	r.Sum = key{}
	r.Sum = digestOf("record", r)
	return r
}

// digests adds the digests of the record's summary and claim entries to
// known, so that lists of them are hashed without walking them again.
func (r *record) digests(known map[any]key) {
	if r.Summary != nil {
		known[r.Summary] = r.SummarySum
	}
	for i, e := range r.Entries {
		if i < len(r.EntrySums) {
			known[e] = r.EntrySums[i]
		}
	}
}

// listed reports whether the home page, tags, claims and feed list it.
func (r *record) listed() bool { return r.Summary != nil }

// stub is the article as content.CheckOutputs needs it.
func (r *record) stub() *content.Article {
	return &content.Article{Path: r.Path, OutPath: r.OutPath, SlugPos: r.SlugPos}
}

func digestOf(kind string, v any) key {
	k := newKeyer(kind)
	k.value(v)
	return k.sum()
}

// textChange is where a review's fingerprint is written, and the date of
// the review it stands for.
type textChange struct {
	Path     string
	Pos      content.Pos
	Reviewed time.Time
}

// warning is the warning of c, for check, build and serve alike.
func (c *textChange) warning() *diag.Error {
	when := ""
	if !c.Reviewed.IsZero() {
		when = " on " + c.Reviewed.Format("2006-01-02")
	}
	return &diag.Error{Path: c.Path, Line: c.Pos.Line, Col: c.Pos.Col, Warning: true,
		Msg: "the article changed since it was reviewed" + when + ": check the review against the new text, then run scholia fix, which re-anchors the quotes, records the text reviewed and logs the change"}
}
