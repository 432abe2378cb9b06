package publish

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/page"
)

// The site's reviews as open data (DESIGN section 6): claims.json with
// its JSON Schema, claims.csv with the same rows for spreadsheets, and
// claimreview.jsonld, a schema.org DataFeed for fact-check aggregators.
// All three are made from the claims index's entries, newest article
// first, and name each claim by its own page.

// ClaimsSchema is claims.schema.json, the JSON Schema of claims.json.
//
//go:embed claims.schema.json
var ClaimsSchema []byte

// OpenClaim is one claim of claims.json.
type OpenClaim struct {
	ID         string        `json:"id"`
	URL        string        `json:"url"` // the claim's own page
	Claim      string        `json:"claim"`
	Quote      string        `json:"quote"`
	Position   Position      `json:"position"`
	Grade      OpenGrade     `json:"grade"`
	Claimant   *OpenClaimant `json:"claimant,omitempty"`
	Article    OpenArticle   `json:"article"`
	Appearance *OpenSource   `json:"appearance,omitempty"`
	Media      *OpenMedia    `json:"media,omitempty"`
	Sources    []OpenSource  `json:"sources"`
	Dates      OpenDates     `json:"dates"`
}

// Position is where the quote stands in the article's text, in code
// points, as a W3C TextPositionSelector counts.
type Position struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// OpenGrade is a claim's grade; Value is nil off the scale.
type OpenGrade struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Value *int   `json:"value"`
}

// OpenClaimant is who made a claim; Type is empty unless the editor gave it.
type OpenClaimant struct {
	Name string `json:"name"`
	Type string `json:"type,omitempty"`
	URL  string `json:"url,omitempty"`
}

// OpenMedia is the footage, image or recording a claim is about.
type OpenMedia struct {
	Type   string `json:"type"`
	URL    string `json:"url,omitempty"`
	Rating string `json:"rating,omitempty"` // schema.org's MediaManipulationRatingEnumeration; none when not examined
}

// OpenArticle is the reviewed article a claim comes from.
type OpenArticle struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// OpenSource is a source of a review, or where a claim appeared.
type OpenSource struct {
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Date      string `json:"date,omitempty"`
	Archived  string `json:"archived,omitempty"`
	Excerpt   string `json:"excerpt,omitempty"`
}

// OpenDates are a claim's dates, as YYYY-MM-DD; empty when not known.
type OpenDates struct {
	Claimed   string `json:"claimed,omitempty"`   // when the claim was made
	Reviewed  string `json:"reviewed,omitempty"`  // when the review was published
	Corrected string `json:"corrected,omitempty"` // the newest update of the review
}

// claimsDoc is claims.json.
type claimsDoc struct {
	Schema string      `json:"$schema"`
	Site   OpenArticle `json:"site"`
	Claims []OpenClaim `json:"claims"`
}

// OpenClaims is every claim of entries as open data.
func OpenClaims(s *page.Site, entries []*page.ClaimEntry) []OpenClaim {
	out := make([]OpenClaim, 0, len(entries))
	for _, e := range entries {
		c := OpenClaim{
			ID: e.ID, URL: e.Permalink, Claim: e.Claim.Claim, Quote: e.Quote,
			Position: Position{e.Start, e.End},
			Grade:    OpenGrade{ID: e.Grade.ID, Label: e.Grade.Label, Value: e.Grade.Value},
			Article:  OpenArticle{Title: e.ArticleTitle, URL: articlePermalink(s, e)},
			Sources:  []OpenSource{},
			Dates:    OpenDates{Claimed: dateOr(e.Claim.Date), Reviewed: dateOr(e.Of.Published), Corrected: dateOr(e.Of.Modified)},
		}
		if w := e.Claimant; w != nil {
			c.Claimant = &OpenClaimant{Name: w.Name, Type: w.Type, URL: w.URL}
		}
		if m := e.Media; m != nil {
			c.Media = &OpenMedia{Type: m.Type, URL: m.URL, Rating: m.Rating}
		}
		if a := e.Appearance; a != nil {
			c.Appearance = &OpenSource{Title: a.Title, URL: a.URL, Publisher: a.Publisher, Date: dateOr(a.Date), Archived: a.Archived}
		}
		for _, src := range e.Sources {
			c.Sources = append(c.Sources, OpenSource{Title: src.Title, URL: src.URL, Publisher: src.Publisher,
				Date: dateOr(src.Date), Archived: src.Archived, Excerpt: src.Excerpt})
		}
		out = append(out, c)
	}
	return out
}

// articlePermalink is the full URL of an entry's article when base_url
// has a host.
func articlePermalink(s *page.Site, e *page.ClaimEntry) string {
	if !s.Absolute() {
		return e.ArticleURL
	}
	return s.BaseURL + strings.TrimPrefix(e.ArticleURL, s.BasePath())
}

func dateOr(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return isoDay(t)
}

// ClaimsJSON is claims.json.
func ClaimsJSON(s *page.Site, claims []OpenClaim) ([]byte, error) {
	doc := claimsDoc{Schema: s.Permalink("claims.schema.json"), Site: OpenArticle{Title: s.Title, URL: s.Permalink("")}, Claims: claims}
	b, err := json.MarshalIndent(doc, "", " ")
	return append(b, '\n'), err
}

// CSVHeader names the columns of claims.csv.
var CSVHeader = []string{"id", "url", "claim", "quote", "start", "end", "grade", "grade_label", "grade_value",
	"claimant", "claimant_type", "claimant_url", "article_title", "article_url",
	"claimed", "reviewed", "corrected", "media_type", "media_url", "media_rating", "sources"}

// ClaimsCSV is claims.csv: one row per claim, the columns of CSVHeader;
// sources are their URLs (or titles), one per line of the cell. A cell
// that a spreadsheet would run as a formula (it starts with = + - @, a
// tab or a carriage return) gets a leading apostrophe, as OWASP advises.
func ClaimsCSV(claims []OpenClaim) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true // RFC 4180
	if err := w.Write(CSVHeader); err != nil {
		return nil, err
	}
	for _, c := range claims {
		if err := w.Write(csvRow(c)); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

func csvRow(c OpenClaim) []string {
	var who OpenClaimant
	if c.Claimant != nil {
		who = *c.Claimant
	}
	var media OpenMedia
	if c.Media != nil {
		media = *c.Media
	}
	value := ""
	if c.Grade.Value != nil {
		value = strconv.Itoa(*c.Grade.Value)
	}
	var sources []string
	for _, s := range c.Sources {
		sources = append(sources, strings.ReplaceAll(cmpOr(s.URL, s.Archived, s.Title), "\n", " "))
	}
	row := []string{c.ID, c.URL, c.Claim, c.Quote, strconv.Itoa(c.Position.Start), strconv.Itoa(c.Position.End),
		c.Grade.ID, c.Grade.Label, value, who.Name, who.Type, who.URL, c.Article.Title, c.Article.URL,
		c.Dates.Claimed, c.Dates.Reviewed, c.Dates.Corrected, media.Type, media.URL, media.Rating, strings.Join(sources, "\n")}
	for i, cell := range row {
		row[i] = CSVSafe(cell)
	}
	return row
}

// CSVSafe is cell as claims.csv writes it: with a leading apostrophe when
// a spreadsheet would otherwise run it as a formula.
func CSVSafe(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

func cmpOr(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// DataFeed is claimreview.jsonld: a schema.org DataFeed with an item per
// claim, each its ClaimReview (or MediaReview) at the claim's own page.
func DataFeed(s *page.Site, entries []*page.ClaimEntry) ([]byte, error) {
	items := make([]thing, 0, len(entries))
	var newest time.Time
	for _, e := range entries {
		item := thing{"@type": "DataFeedItem", "item": ClaimNode(s, e.Claim, e.Of, e.Permalink)}
		if !e.Of.Published.IsZero() {
			item["dateCreated"] = isoDay(e.Of.Published)
		}
		if !e.Of.Modified.IsZero() {
			item["dateModified"] = isoDay(e.Of.Modified)
		}
		newest = later(newest, e.Of.Published, e.Of.Modified)
		items = append(items, item)
	}
	feed := thing{"@context": schemaContext, "@type": "DataFeed", "name": s.Title, "url": s.Permalink("claimreview.jsonld"),
		"inLanguage": s.Language, "publisher": publisher(s), "dataFeedElement": items}
	if !newest.IsZero() {
		feed["dateModified"] = isoDay(newest)
	}
	b, err := json.MarshalIndent(feed, "", " ")
	return append(b, '\n'), err
}

func later(t time.Time, more ...time.Time) time.Time {
	for _, m := range more {
		if m.After(t) {
			t = m
		}
	}
	return t
}
