package site

import (
	"errors"
	"fmt"
	"hash/fnv"
	"html/template"
	"path"
	"strings"

	"github.com/scholia/scholia/generator/anchor"
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/markup"
)

// renderArticle renders one article or page into template data. It depends
// only on the article and the site, so the dev server can redo one article
// alone. Anchoring errors point at the quote in the sidecar.
func renderArticle(md *markup.Renderer, s *Site, a *content.Article) (*Article, error) {
	var claims []markup.Claim
	if a.Sidecar != nil {
		for _, c := range a.Sidecar.Claims {
			g := grade(s.Claim, c.Rating)
			claims = append(claims, markup.Claim{ID: c.ID, Rating: c.Rating, Label: g.Label, Quote: c.Quote})
		}
	}
	res, err := md.Article(a.Path, a.Body, claims)
	if err != nil {
		return nil, diag.Errorf(a.Path, 0, 0, "rendering Markdown: %w", err)
	}
	var errs diag.List
	for _, ce := range res.Errors {
		c := a.Sidecar.Claims[ce.Index]
		errs.Add(&diag.Error{
			Path: a.Sidecar.Path, Line: c.QuotePos.Line, Col: c.QuotePos.Col,
			Msg: fmt.Sprintf("claim %q: %s", c.ID, ce.Err), Err: ce.Err,
		})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	out := &Article{
		Title:       a.Front.Title,
		Description: a.Front.Description,
		Date:        a.Front.Date,
		Lastmod:     a.Front.Lastmod,
		Author:      a.Front.Author,
		Tags:        s.tagLinks(a.Front.Tags),
		Params:      a.Front.Params,
		Body:        template.HTML(res.HTML),
		Annotated:   a.Sidecar != nil,
	}
	if o := a.Front.Original; o != nil {
		out.Original = &Original{URL: o.URL, Publisher: o.Publisher, Author: o.Author, Archived: o.Archived, Date: o.Date}
	}
	if a.Sidecar == nil {
		out.listKey = listKey(a, out)
		return out, nil
	}
	if r := a.Sidecar.Review; r != nil {
		out.Review = &Review{Grade: grade(s.Article, r.Rating), Summary: template.HTML(md.Note("review", r.Summary)), Reviewers: r.Reviewers, Date: r.Date}
	}
	var ratings []string
	for i, c := range a.Sidecar.Claims {
		out.Claims = append(out.Claims, claimData(md, s, c, res.Doc, res.Anchors[i]))
		ratings = append(ratings, c.Rating)
	}
	out.Counts = counts(s.Claim, ratings)
	js, err := claimReviews(s, a, out)
	if err != nil {
		return nil, diag.Errorf(a.Path, 0, 0, "writing JSON-LD: %w", err)
	}
	out.JSONLD = js
	if out.annotations, err = annotationPage(s, a, out, res.Doc, res.Anchors); err != nil {
		return nil, diag.Errorf(a.Path, 0, 0, "writing annotations: %w", err)
	}
	out.Annotations = s.URL(annotationsPath(a))
	out.listKey = listKey(a, out)
	// Made once here rather than on every save, for lists of every claim.
	url := s.URL(a.URLPath)
	for _, c := range out.Claims {
		out.entries = append(out.entries, &ClaimEntry{Claim: c, URL: url + "#claim-" + c.ID, ArticleTitle: out.Title, ArticleURL: url, Date: out.Date, key: out.listKey})
	}
	return out, nil
}

// annotationsPath is where an article's annotations.jsonld goes: beside
// its page.
func annotationsPath(a *content.Article) string {
	if d := path.Dir(a.OutPath); d != "." {
		return d + "/annotations.jsonld"
	}
	return "annotations.jsonld"
}

// listKey hashes everything of an article that a list page may show, so
// that a list is made again only when something it shows has changed.
func listKey(a *content.Article, art *Article) uint64 {
	h := fnv.New64a()
	// The file's modification time is left out: only the feed and the
	// sitemap show it, and their keys add it, so a save does not remake
	// every list that shows the article.
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%d\x00%d\x00%v\x00", a.Path, a.URLPath, art.Title, art.Description,
		art.Date.Unix(), art.Lastmod.Unix(), a.Front.Tags)
	fmt.Fprintf(h, "%s\x00", art.Author)
	if art.Review != nil {
		fmt.Fprintf(h, "review %s\x00", art.Review.Grade.ID)
	}
	for _, c := range art.Claims {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00", c.ID, c.Claim, c.Claimant, c.Quote, c.Grade.ID)
	}
	return h.Sum64()
}

func claimData(md *markup.Renderer, s *Site, c content.Claim, doc *anchor.Doc, m *anchor.Match) *Claim {
	cd := &Claim{
		ID:       c.ID,
		Quote:    c.Quote.Exact,
		Claim:    c.Claim,
		Claimant: c.Claimant,
		Grade:    grade(s.Claim, c.Rating),
		Note:     template.HTML(md.Note("claim-"+c.ID, c.Note)), // the claim id may be "review"
	}
	if m != nil {
		cd.Quote = matchedText(doc, m)
	}
	if cd.Claim == "" {
		cd.Claim = cd.Quote
	}
	for _, src := range c.Sources {
		cd.Sources = append(cd.Sources, Source{
			Title: src.Title, URL: src.URL, Publisher: src.Publisher,
			Archived: src.Archived, Excerpt: strings.TrimSpace(src.Excerpt), Date: src.Date,
		})
	}
	return cd
}

// matchedText is the quote as the reader sees it in the article: the
// rendered text of the match, typographer's quotes and dashes included, with
// white space runs collapsed.
func matchedText(doc *anchor.Doc, m *anchor.Match) string {
	var b strings.Builder
	for _, sp := range m.Spans {
		b.WriteString(doc.Blocks[sp.Block].Pieces[sp.Piece].Text[sp.Start:sp.End])
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// isContentError tells content problems (exit 1) from failures of the
// machine, such as a full disk.
func isContentError(err error) bool {
	var l diag.List
	var e *diag.Error
	return errors.As(err, &l) || errors.As(err, &e)
}
