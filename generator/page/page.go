package page

import (
	"html/template"
	"net/url"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/config"
)

// Site is what every template sees as .Site.
type Site struct {
	Title       string
	Description string
	Language    string
	BaseURL     string // as configured, ending in "/"
	Publisher   config.Publisher
	Claim       []Grade // the claim scale, best first
	Article     []Grade // the article scale, best first
	Menu        []Link  // ordinary pages without a date, by title
	Params      map[string]any
	ShareCards  bool   // each claim page has a share card image
	basePath    string // the path part of BaseURL: "/" or "/proj/"
	absolute    bool   // BaseURL has a scheme and host
}

// NewSite makes .Site of a configuration, with a menu.
func NewSite(cfg *config.Config, menu []Link) *Site {
	s := &Site{
		Title: cfg.Title, Description: cfg.Description, Language: cfg.Language,
		BaseURL: cfg.BaseURL, Publisher: cfg.Publisher, Params: cfg.Params, ShareCards: cfg.ShareCards,
		Claim: Grades(cfg.Scales.Claim), Article: Grades(cfg.Scales.Article),
		Menu: menu, basePath: "/",
	}
	s.absolute = cfg.AbsoluteBase()
	if u, err := url.Parse(cfg.BaseURL); err == nil {
		if u.Path != "" {
			s.basePath = u.EscapedPath() // as written: "c%23/" must not become "c#/"
		}
	}
	return s
}

// BasePath is the path part of BaseURL: "/" or "/proj/".
func (s *Site) BasePath() string { return s.basePath }

// Absolute reports whether BaseURL has a scheme and a host, so that
// Permalink gives full URLs.
func (s *Site) Absolute() bool { return s.absolute }

// URL returns the absolute-path URL of a page or file given relative to the
// site root ("articles/x/" -> "/proj/articles/x/"), percent-encoded by
// EscapePath ("sp ace/" -> "/proj/sp%20ace/").
func (s *Site) URL(rel string) string { return s.basePath + EscapePath(strings.TrimPrefix(rel, "/")) }

// Permalink returns the full URL of rel when base_url is absolute, and its
// absolute-path URL otherwise.
func (s *Site) Permalink(rel string) string {
	if s.absolute {
		return s.BaseURL + EscapePath(strings.TrimPrefix(rel, "/"))
	}
	return s.URL(rel)
}

// EscapePath percent-encodes each segment of the slash path rel, as the
// path of a URL needs: a file named "a#b.md" or "sp ace.md" must not make a
// link that points elsewhere, or a sitemap <loc> that is no URL. Every
// URL of a page, file, feed entry or annotation is built through it, once.
func EscapePath(rel string) string {
	if !strings.ContainsFunc(rel, needsEscape) {
		return rel
	}
	segs := strings.Split(rel, "/")
	for i, seg := range segs {
		segs[i] = url.PathEscape(seg)
	}
	return strings.Join(segs, "/")
}

// needsEscape reports whether r is not kept as it is by url.PathEscape.
func needsEscape(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return false
	}
	return !strings.ContainsRune("-._~/", r)
}

// Link is a titled internal link.
type Link struct {
	Title string
	URL   string
}

// Grade is a grade of a scale as templates see it.
type Grade struct {
	ID          string
	Label       string
	Value       *int
	Description string
	// Tone is "pos", "mid", "neg" or "off" (off scale), from the grade's
	// place on its scale, so themes colour custom scales sensibly; colour
	// always comes with the label.
	Tone string
	// Glyph is the short sign shown beside a note's number; the label
	// says the grade to screen readers and in print.
	Glyph string
}

// Page is the data of one page: what a template sees as ".".
type Page struct {
	Site        *Site
	Kind        string // "article", "page", "home", "404"
	Title       string
	Description string
	URL         string // absolute-path URL of the page
	Permalink   string
	Article     *Article   // for "article" and "page"
	Articles    []*Summary // for "home" and "tag": this page's share of the list
	Body        template.HTML
	Paginator   *Paginator         // for paginated lists; nil on one-page lists
	Tag         *Tag               // for "tag"
	Tags        []*Tag             // for "tags", by name
	Claims      []*ClaimEntry      // for "claims": this page's share
	Grade       *Grade             // for "claims" of one grade
	Counts      []Count            // for "claims", "ratings" and "claimant": claims per grade, every grade of the scale
	Total       int                // for "claims", "ratings" and "claimant": how many claims in all
	Claim       *Claim             // for "claim": the claim the page is about
	Context     *Context           // for "claim": the claim in its paragraph
	Claimant    *Claimant          // for "claimant"
	Claimants   []*ClaimantSummary // for "claimants", by name
	// JSONLD is the page's own schema.org data, for "claim" its one
	// review; an article's is Article.JSONLD.
	JSONLD template.JS
	// Image is the page's share card (og:image); nil for none.
	Image *Image
}

// Context is a claim in the paragraph it stands in, as plain text.
type Context struct{ Before, Quote, After string }

// Image is a picture of a page for link previews.
type Image struct {
	URL           string // full URL when base_url is absolute
	Width, Height int
	Alt           string
}

// ClaimantSummary is a claimant as the claimants index lists them.
type ClaimantSummary struct {
	Claimant
	N int // how many claims of theirs the site reviews
}

// Paginator is where a page stands in a list of pages.
type Paginator struct {
	Number, Total int
	Prev, Next    string // URLs; "" at the ends
	// Pages are the pages a pager links to: the first, the last, and those
	// near this one, with a gap (Number 0) where pages are left out.
	Pages []PageLink
}

// PageLink is a page of a list as a pager links to it.
type PageLink struct {
	Number int // from 1; 0 for a gap
	URL    string
}

// Tag is a tag and the articles that carry it.
type Tag struct {
	Name string
	Slug string
	URL  string
	N    int
}

// ClaimEntry is a claim as the claims index lists it.
type ClaimEntry struct {
	*Claim
	URL          string // the claim in its article: ".../#claim-ID"
	ArticleTitle string
	ArticleURL   string
	Date         time.Time
	Of           *Reviewed // shared by the claims of one article
}

// Reviewed is what the reviews of one article share: the text they
// review, who reviewed it, and when they were published and last changed.
type Reviewed struct {
	Original *Original // nil when the front matter names none
	// Published is the review's date, else the article's; Modified is the
	// newest date of its update log when later, else zero.
	Published, Modified time.Time
	Reviewers           []Reviewer // the review's; none without one
}

// ClaimGroup is the claims of one article in a claims index.
type ClaimGroup struct {
	ArticleTitle string
	ArticleURL   string
	Date         time.Time
	Claims       []*ClaimEntry
}

// ClaimGroups are p.Claims grouped by article, in their order: a list
// names each article once.
func (p *Page) ClaimGroups() []ClaimGroup {
	var gs []ClaimGroup
	for _, c := range p.Claims {
		if n := len(gs); n == 0 || gs[n-1].ArticleURL != c.ArticleURL {
			gs = append(gs, ClaimGroup{ArticleTitle: c.ArticleTitle, ArticleURL: c.ArticleURL, Date: c.Date})
		}
		gs[len(gs)-1].Claims = append(gs[len(gs)-1].Claims, c)
	}
	return gs
}

// Article is an article or ordinary page.
type Article struct {
	URL         string // absolute-path URL of its page
	Title       string
	Description string
	Date        time.Time
	Lastmod     time.Time
	Author      string
	Tags        []Link // each tag with its page
	Original    *Original
	Params      map[string]any
	Body        template.HTML // the rendered Markdown, claims highlighted
	Review      *Review       // nil when the sidecar has none
	Claims      []*Claim      // in the order of the sidecar
	Notes       []*Claim      // the same claims in the order of the text, numbered from 1
	Counts      []Count       // claims per grade, in scale order, grades with none left out; First is set
	JSONLD      template.JS   // the ClaimReview graph; empty without claims
	Annotated   bool          // it has a sidecar
	Draft       bool          // draft: true, shown only by serve and builds with -drafts
	// Annotations is the URL of the review as W3C Web Annotations.
	Annotations string
	Reviewed    *Reviewed
	// Contexts are the claims in their paragraphs, in the order of
	// Claims, for the claims' own pages.
	Contexts []Context
	// Updates is the review's log, newest first.
	Updates []Update
	// TextChanged is set when the article's text is no longer the text
	// the review read (its fingerprint, review.text): the page says so
	// until an editor confirms the review.
	TextChanged bool
}

// Original is where the reviewed text first appeared.
type Original struct {
	URL, Title, Publisher, Author, Archived string
	Date                                    time.Time
}

// Review is the review of the article as a whole.
type Review struct {
	Grade   Grade
	Summary template.HTML
	// Lead is the summary's first paragraph and More the rest, so that a
	// long review need not push the reviewed text off the first screen.
	Lead, More template.HTML
	Reviewers  []Reviewer
	Date       time.Time
	// Previous are the grades the review had before, newest first, from
	// the update log.
	Previous []Grade
}

// Claim is one reviewed claim of an article.
type Claim struct {
	ID       string
	N        int       // its number: where its first mark comes in the text, from 1
	Quote    string    // the matched text, normalised
	Claim    string    // claimReviewed
	Claimant *Claimant // nil when the sidecar names none
	Grade    Grade
	Note     template.HTML
	Sources  []Source
	// Appearance is where the claim was made when the article relays it
	// from elsewhere; nil when not given.
	Appearance *Original
	Date       time.Time // when the claim was made; zero when not known
	Media      *Media    // nil unless the claim is about footage, an image or a recording
	RatedBy    *Reviewer // who rated it, when the sidecar says
	// Previous are the grades the claim had before, newest first, from
	// the update log.
	Previous []Grade
	// Page is the absolute-path URL of the claim's own page, and
	// Permalink its full URL when base_url is absolute.
	Page, Permalink string
	// Start and End are where the quote stands in the article's text, in
	// code points (a W3C TextPositionSelector).
	Start, End int
}

// Claimant is who made a claim.
type Claimant struct {
	Name string
	Type string // "person", "organization", or "" when the editor gave none
	URL  string
	Page string // the URL of the claimant's page on the site
}

// Media is the footage, image or recording a claim is about.
type Media struct {
	Type, URL string
	Rating    string // a member of schema.org's MediaManipulationRatingEnumeration
}

// Source is one source of a claim's review.
type Source struct {
	Title, URL, Publisher, Archived, Excerpt string
	Date                                     time.Time
}

// Count is how many claims of an article or site have a grade.
type Count struct {
	Grade Grade
	N     int
	First string // on an article page: the id of the first claim of the grade in the text
}

// Summary is an article as lists and feeds show it.
type Summary struct {
	Title       string
	URL         string // absolute-path URL
	Permalink   string // full URL when base_url is absolute
	Description string
	Author      string
	Date        time.Time
	Lastmod     time.Time // front matter lastmod, else its date
	Tags        []string
	TagLinks    []Link // each tag with its page
	Review      *Grade
	Counts      []Count
	Claims      int
}
