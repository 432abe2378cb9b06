package site

import (
	"errors"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/anchor"
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/markup"
	"github.com/scholia/scholia/generator/page"
	"github.com/scholia/scholia/generator/publish"
	"github.com/scholia/scholia/generator/theme"
)

// renderArticle renders one article or page into template data and, for
// an annotated article, its annotations.jsonld. It depends only on the
// article and the site. Anchoring errors point at the quote in the sidecar.
func renderArticle(md *markup.Renderer, th *theme.Theme, s *page.Site, a *content.Article) (*page.Article, []byte, error) {
	var claims []markup.Claim
	var cds []*page.Claim
	if a.Sidecar != nil {
		if err := checkNotes(md, a.Sidecar); err != nil {
			return nil, nil, err
		}
		for _, c := range a.Sidecar.Claims {
			g := page.GradeOf(s.Claim, c.Rating)
			claims = append(claims, markup.Claim{ID: c.ID, Rating: c.Rating, Label: g.Label, Quote: c.Quote})
			cds = append(cds, claimData(md, s, a.URLPath, c))
		}
		rerated(s, a.Sidecar, cds)
	}
	res, err := md.ArticleNotes(a.Path, a.Body, claims, func(order []int) ([]markup.Notes, error) {
		return numberNotes(th, cds, order)
	})
	var over *markup.LimitError
	var codes markup.ShortcodeErrors
	switch {
	case errors.As(err, &over):
		// Body keeps the file's lines, so the place is the file's.
		return nil, nil, &diag.Error{Path: a.Path, Line: over.Line, Col: over.Col, Msg: over.Msg, Err: over}
	case errors.As(err, &codes):
		return nil, nil, shortcodeErrors(a.Path, codes)
	case err != nil:
		return nil, nil, diag.Errorf(a.Path, 0, 0, "rendering Markdown: %w", err)
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
		return nil, nil, err
	}
	out := &page.Article{
		URL:         s.URL(a.URLPath),
		Title:       a.Front.Title,
		Description: a.Front.Description,
		Date:        a.Front.Date,
		Lastmod:     a.Front.Lastmod,
		Author:      a.Front.Author,
		Tags:        s.TagLinks(a.Front.Tags),
		Params:      a.Front.Params,
		Body:        template.HTML(res.HTML),
		Annotated:   a.Sidecar != nil,
		Draft:       a.Front.Draft,
	}
	out.Original = original(a.Front.Original)
	if a.Sidecar == nil {
		return out, nil, nil
	}
	if r := a.Sidecar.Review; r != nil {
		sum := md.Note("review", r.Summary)
		lead, more := markup.Lead(sum)
		out.Review = &page.Review{Grade: page.GradeOf(s.Article, r.Rating), Summary: template.HTML(sum),
			Lead: template.HTML(lead), More: template.HTML(more), Reviewers: reviewers(r.Reviewers), Date: r.Date}
		out.TextChanged = r.Text != "" && r.Text != res.Doc.Fingerprint()
	}
	out.Reviewed = reviewed(a, out.Original)
	if out.Review != nil {
		out.Reviewed.Reviewers = out.Review.Reviewers
	}
	var ratings []string
	for i, c := range a.Sidecar.Claims {
		cd := cds[i]
		var ctx page.Context
		if m := res.Anchors[i]; m != nil {
			cd.Quote = matchedText(res.Doc, m)
			cd.Start, cd.End = m.Start, m.End
			ctx = claimContext(res.Doc, m, cd.Quote)
		}
		out.Contexts = append(out.Contexts, ctx)
		if c.Claim == "" {
			cd.Claim = cd.Quote
		}
		out.Claims = append(out.Claims, cd)
		ratings = append(ratings, c.Rating)
	}
	updateLog(md, s, a.Sidecar, out)
	out.Notes = slices.SortedStableFunc(slices.Values(out.Claims), func(x, y *page.Claim) int { return x.N - y.N })
	out.Counts = page.CountsOf(s.Claim, ratings)
	for i := range out.Counts {
		for _, c := range out.Notes {
			if c.Grade.ID == out.Counts[i].Grade.ID {
				out.Counts[i].First = c.ID
				break
			}
		}
	}
	js, err := publish.ClaimReviews(s, out, s.Permalink(a.URLPath))
	if err != nil {
		return nil, nil, diag.Errorf(a.Path, 0, 0, "writing JSON-LD: %w", err)
	}
	out.JSONLD = js
	anno, err := publish.AnnotationPage(s, a, out, res.Doc, res.Anchors)
	if err != nil {
		return nil, nil, diag.Errorf(a.Path, 0, 0, "writing annotations: %w", err)
	}
	out.Annotations = s.URL(AnnotationsPath(a.OutPath))
	return out, anno, nil
}

// checkNotes reports the notes of a sidecar that go over the Markdown
// limits, at their claim (or the review) in the sidecar, before they are
// rendered.
func checkNotes(md *markup.Renderer, sc *content.Sidecar) error {
	if sc == nil {
		return nil
	}
	var errs diag.List
	report := func(what string, pos content.Pos, note string) {
		var over *markup.LimitError
		if errors.As(md.Check(note), &over) {
			errs.Add(&diag.Error{Path: sc.Path, Line: pos.Line, Col: pos.Col,
				Msg: fmt.Sprintf("%s: at %d:%d of the note, %s", what, over.Line, over.Col, over.Msg), Err: over})
		}
	}
	if r := sc.Review; r != nil {
		report("the review's summary", r.Pos, r.Summary)
	}
	for _, c := range sc.Claims {
		report(fmt.Sprintf("claim %q", c.ID), c.Pos, c.Note)
	}
	return errs.Err()
}

// numberNotes numbers the claims in the order of the text and executes
// the theme's notes of each.
func numberNotes(th *theme.Theme, cds []*page.Claim, order []int) ([]markup.Notes, error) {
	for n, k := range order {
		cds[k].N = n + 1
	}
	ns := make([]markup.Notes, len(cds))
	for _, k := range order {
		var err error
		if ns[k], err = th.Notes(cds[k]); err != nil {
			return nil, err
		}
	}
	return ns, nil
}

// claimData is what templates show of a claim; its Quote and Claim are the
// sidecar's until the quote is anchored.
func claimData(md *markup.Renderer, s *page.Site, articlePath string, c content.Claim) *page.Claim {
	at := page.ClaimPath(articlePath, c.ID)
	cd := &page.Claim{
		ID:         c.ID,
		Quote:      c.Quote.Exact,
		Claim:      c.Claim,
		Grade:      page.GradeOf(s.Claim, c.Rating),
		Note:       template.HTML(md.Note("claim-"+c.ID, c.Note)), // the claim id may be "review"
		Appearance: original(c.Appearance),
		Date:       c.Date,
		Page:       s.URL(at),
		Permalink:  s.Permalink(at),
	}
	if n := c.Claimant; n.Name != "" {
		cd.Claimant = &page.Claimant{Name: n.Name, Type: n.Type, URL: n.URL, Page: s.URL(page.ClaimantPath(n.Name))}
	}
	if m := c.Media; m != nil {
		cd.Media = &page.Media{Type: m.Type, URL: m.URL, Rating: m.Rating}
	}
	if cd.Claim == "" {
		cd.Claim = cd.Quote
	}
	for _, src := range c.Sources {
		cd.Sources = append(cd.Sources, page.Source{
			Title: src.Title, URL: src.URL, Publisher: src.Publisher,
			Archived: src.Archived, Excerpt: strings.TrimSpace(src.Excerpt), Date: src.Date,
		})
	}
	return cd
}

// original is where a text appeared, as templates show it; an original
// with nothing filled in (as new writes it) is none.
func original(o *content.Original) *page.Original {
	if o == nil || *o == (content.Original{}) {
		return nil
	}
	return &page.Original{URL: o.URL, Title: o.Title, Publisher: o.Publisher, Author: o.Author, Archived: o.Archived, Date: o.Date}
}

// reviewed is what the reviews of a share: the original and the dates.
func reviewed(a *content.Article, o *page.Original) *page.Reviewed {
	rv := &page.Reviewed{Original: o, Published: a.Front.Date}
	if r := a.Sidecar.Review; r != nil && !r.Date.IsZero() {
		rv.Published = r.Date
	}
	for _, u := range a.Sidecar.Updates {
		if u.Date.After(rv.Modified) {
			rv.Modified = u.Date
		}
	}
	if !rv.Modified.After(rv.Published) {
		rv.Modified = time.Time{}
	}
	return rv
}

// claimContext is the claim of match m in its block (a paragraph, a list
// item, a heading...), as text.
func claimContext(doc *anchor.Doc, m *anchor.Match, quote string) page.Context {
	first, last := m.Spans[0], m.Spans[len(m.Spans)-1]
	var before, after strings.Builder
	for i, p := range doc.Blocks[first.Block].Pieces {
		switch {
		case i < first.Piece:
			before.WriteString(p.Text)
		case i == first.Piece:
			before.WriteString(p.Text[:first.Start])
		}
	}
	for i, p := range doc.Blocks[last.Block].Pieces {
		switch {
		case i == last.Piece:
			after.WriteString(p.Text[last.End:])
		case i > last.Piece:
			after.WriteString(p.Text)
		}
	}
	return page.Context{Before: strings.Join(strings.Fields(before.String()), " ") + spaceIf(before.String(), true),
		Quote: quote, After: spaceIf(after.String(), false) + strings.Join(strings.Fields(after.String()), " ")}
}

// spaceIf is the one space that stood between the quote and the text
// beside it, which collapsing white space would lose: at the end of
// before (end true) or the start of after.
func spaceIf(s string, end bool) string {
	t := strings.TrimLeft(s, " \t\n")
	if end {
		t = strings.TrimRight(s, " \t\n")
	}
	if s != "" && t != s && strings.TrimSpace(s) != "" {
		return " "
	}
	return ""
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
