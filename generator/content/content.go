package content

import (
	"time"

	"github.com/scholia/scholia/generator/anchor"
	"github.com/scholia/scholia/generator/config"
)

// Site is everything under content/, loaded and checked.
type Site struct {
	Config   *config.Config
	Articles []*Article // every .md file, sorted by Path; drafts and future articles left out unless asked for
	Static   []File     // other files, to be copied as they are, sorted by Path
	// Home is the article of content/index.md (also in Articles), or nil.
	Home *Article
}

// File is a file to copy into the output.
type File struct {
	Path string // in the site's file system, e.g. "content/static/CNAME"
	Out  string // relative to the output folder, e.g. "CNAME"
}

// Article is one Markdown file and, when it has one, its sidecar.
type Article struct {
	Path    string // relative to the site root: "content/articles/x.md"
	Slug    string // last URL segment: front matter slug or the file name
	URLPath string // relative to base_url, ending in "/": "articles/x/" ("" for the home page's index.md)
	OutPath string // relative to the output folder: "articles/x/index.html"
	Front   Front
	// Body is the file with its front matter blanked out (same length, same
	// line breaks), so offsets and line:col into it are those of the file.
	Body    []byte
	Sidecar *Sidecar // nil for an ordinary page
	// Home is true for content/index.md, the body of the home page
	// (URLPath "", OutPath "index.html").
	Home bool
	// SlugPos is where the front matter sets slug (zero when it does not).
	SlugPos Pos
}

// Front is an article's front matter (DESIGN section 2).
type Front struct {
	Title       string
	Date        time.Time // zero when not given
	Lastmod     time.Time // zero when not given
	Description string
	Tags        []string
	Author      string
	Draft       bool
	Original    *Original
	Slug        string
	// Typographer overrides site.yaml's typographer for this article; nil
	// when the front matter does not say.
	Typographer *bool
	Params      map[string]any
}

// Original is where the reviewed text first appeared.
type Original struct {
	URL       string
	Title     string // the original's own headline, which the review's title need not be
	Publisher string
	Author    string
	Date      time.Time
	Archived  string
}

// Pos is a place in a file.
type Pos struct{ Line, Col int }

// Sidecar is the review of an article: NAME.annotations.yaml.
type Sidecar struct {
	Path   string // relative to the site root
	Review *Review
	// Updates is the review's log, as written (newest last).
	Updates []Update
	Claims  []Claim
}

// Review is the review of the article as a whole.
type Review struct {
	Rating    string // a grade of the article scale
	Summary   string // Markdown
	Reviewers []Reviewer
	Date      time.Time
	// Text is the fingerprint of the article text the review read, as
	// written ("sha256:..."; see anchor.Doc.Fingerprint), or "" for a
	// review from before fingerprints; TextPos is where it is written, or
	// where it would go.
	Text    string
	TextPos Pos
	Pos     Pos // of the review mapping (its first key)
}

// Reviewer is who reviewed, from a name or {name, role, url,
// affiliation}.
type Reviewer struct {
	Name        string
	Role        string // e.g. "Fact-checker"
	URL         string // http(s) only
	Affiliation string // the organisation they work for
	// Person is true for a mapping, which describes a person; a plain
	// name may be a desk's, and machine-readable data never guesses.
	Person bool
}

// Claim is one claim the article makes, and its review.
type Claim struct {
	ID       string
	Quote    anchor.Quote
	Claim    string // claimReviewed; when not given, the quote's words on one line
	Claimant Claimant
	// Appearance is where the claim was made when the article relays it
	// from elsewhere; nil when not given.
	Appearance *Original
	Date       time.Time // when the claim was made; zero when not given
	Media      *Media    // what footage or image the claim is about; nil when none
	Rating     string    // a grade of the claim scale
	RatedBy    string    // the name of the reviewer who rated it, one of the review's; "" when not said
	Note       string    // Markdown, no raw HTML
	Sources    []Source
	Pos        Pos // of the claim's mapping (its first key)
	QuotePos   Pos // of its quote (of quote.exact for a mapping), where anchoring errors point
	// Keys are where each key of the claim's mapping is written, for a
	// tool that edits the sidecar in place (scholia fix).
	Keys map[string]Pos
}

// Source is evidence behind a rating: a title or a URL or both.
type Source struct {
	Title     string
	URL       string // http(s) only
	Publisher string
	Date      time.Time
	Archived  string // http(s) only
	Excerpt   string
}
