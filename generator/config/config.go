// Package config reads site.yaml and holds the site's rating scales.
//
// Every key of site.yaml is optional, and a site without a site.yaml builds
// with the defaults of Default. Load reads the file strictly: an unknown or
// misspelt key, a value of the wrong type or an invalid scale is an error
// that names site.yaml:LINE:COL and says what to do.
//
// # Keys
//
//	title: Scholia Review          # the site's name
//	base_url: https://example.org/ # where the site is served; default "/"
//	language: en                   # BCP 47 tag for <html lang>; default "en"
//	description: Fact checks of ...
//	publisher:                     # the ClaimReview author
//	  name: Review desk
//	  url: https://example.org/about/
//	  logo: https://example.org/logo.png
//	unsafe_html: false             # true keeps raw HTML written in Markdown
//	share_cards: true              # false: no share card image per claim
//	typographer: true              # false: articles keep their straight quotes and dashes
//	paginate: 20                   # articles per list page
//	params:                        # free-form, passed to templates
//	  github: scholia/scholia
//	scales:                        # replace one or both rating scales
//	  claim: [...]
//	  article: [...]
//	limits:                        # raise a bound on hostile input (see Limits)
//	  file_size: 16MiB
//
// base_url is either a path from the server's root ("/", "/blog/") or a
// full http(s) URL (https://user.github.io/repo/); it always ends in "/" once
// loaded.
//
// # Rating scales
//
// A site has two scales: one rates each claim (DefaultClaimScale: accurate
// ... inaccurate, plus two grades off the scale), one rates an article as a
// whole (DefaultArticleScale: very-high ... very-low). A scale lists its
// grades best first. Each grade has an id (lowercase letters, digits and
// "-", used in sidecars and as data-rating), a label (shown as text), an
// optional value (ClaimReview ratingValue; a grade without one is off the
// scale) and a description (shown on the site's ratings page). Ids and
// values must be unique within a scale.
//
//	scales:
//	  article:
//	    - id: reliable
//	      label: Reliable
//	      value: 1
//	      description: The piece holds up.
//	      glyph: ✓                 # optional: the sign beside a note's number
//	    - id: unreliable
//	      label: Unreliable
//	      value: 0
//	      description: The piece does not hold up.
//
// # Example
//
//	cfg, err := config.Load(os.DirFS("mysite"))
//	if err != nil {
//		diag.Format(os.Stderr, err.(diag.List), "text") // site.yaml:4:3: unknown key "nam" in publisher; did you mean "name"?
//	}
//	g, _ := cfg.Scales.Claim.Grade("mixed")
//	best, _ := cfg.Scales.Claim.Best() // 5
package config

// Config is the site configuration from site.yaml; every key is optional.
type Config struct {
	Title       string
	BaseURL     string // always ends in "/"; default "/"
	Language    string // default "en"
	Description string
	Publisher   Publisher
	UnsafeHTML  bool // raw HTML in Markdown is kept (default: omitted)
	ShareCards  bool // each claim page has a share card image (default: true)
	// Typographer curls articles' straight quotes and makes dashes and
	// ellipses (default: true); false reproduces a text's characters as
	// written. An article's front matter may say otherwise.
	Typographer bool
	Paginate    int // articles per list page; default 20
	Scales      Scales
	Params      map[string]any // free-form, passed to templates
	Limits      Limits
}

// Publisher is who publishes the reviews: the ClaimReview author.
type Publisher struct {
	Name string
	URL  string
	Logo string // an http(s) URL of its logo, for the ClaimReview author
}

// Scales are the two rating scales of a site.
type Scales struct {
	Claim   Scale
	Article Scale
	// ClaimGiven and ArticleGiven report a scale that site.yaml gives:
	// the default scales take their labels from the site's language.
	ClaimGiven, ArticleGiven bool
}

// Scale is a rating scale, best grade first.
type Scale []Grade

// Grade is one step of a scale.
type Grade struct {
	ID          string
	Label       string
	Value       *int // nil: off scale (ClaimReview gets no ratingValue)
	Description string
	// Glyph is a short sign beside a note's number ("✓"); "" takes one
	// from the grade's place on its scale.
	Glyph string
}

// Default returns the configuration of a site without site.yaml.
func Default() *Config {
	return &Config{
		BaseURL:     "/",
		Language:    "en",
		Paginate:    20,
		ShareCards:  true,
		Typographer: true,
		Scales: Scales{
			Claim:   DefaultClaimScale(),
			Article: DefaultArticleScale(),
		},
		Params: map[string]any{},
		Limits: DefaultLimits(),
	}
}
