package content

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/strictyaml"
)

// Where a reviewed text and its claims come from: the original of an
// article (front matter) and a claim's own appearance share one form; a
// claimant is a name or {name, type, url}; a claim about footage names its
// media; the review keeps a log of its updates.

var (
	originalKeys = []string{"url", "title", "publisher", "author", "date", "archived"}
	claimantKeys = []string{"name", "type", "url"}
	mediaKeys    = []string{"type", "url", "rating"}
	updateKeys   = []string{"date", "note", "claim", "from"}
	reviewerKeys = []string{"name", "role", "url", "affiliation"}
	// ClaimantTypes are the kinds of claimant an editor may state.
	ClaimantTypes = []string{"person", "organization"}
	// MediaTypes are the kinds of media a claim may be about.
	MediaTypes = []string{"video", "image", "audio"}
	// MediaRatings are the members of schema.org's
	// MediaManipulationRatingEnumeration, a MediaReview's
	// mediaAuthenticityCategory.
	MediaRatings = []string{"OriginalMediaContent", "DecontextualizedContent", "EditedOrCroppedContent",
		"TransformedContent", "StagedContent", "SatireOrParodyContent"}
)

// Claimant is who made a claim. Type is "" unless the editor gave one:
// machine-readable data never guesses a person or an organization.
type Claimant struct {
	Name string
	Type string // "person", "organization" or ""
	URL  string // http(s) only
}

// Media is the footage, image or recording a claim is about.
type Media struct {
	Type   string // one of MediaTypes
	URL    string // http(s) only
	Rating string // one of MediaRatings; "" when the media was not examined
}

// Update is one entry of a review's log: a correction, a re-rating, a
// re-anchoring. A re-rating names the grade it replaced: From, of claim
// Claim, or of the article's review when Claim is "".
type Update struct {
	Date  time.Time
	Note  string // Markdown
	Claim string // the id of the claim the update is about, or ""
	From  string // the grade before the update, or "": a grade of Claim's scale
	Pos   Pos
}

// decodeOriginal reads an original or an appearance: where a text was
// published.
func decodeOriginal(d *strictyaml.Decoder, n strictyaml.Node, what string) *Original {
	om := d.Map(n, what, "", originalKeys...)
	return &Original{
		URL:       d.URL(om.Get("url"), "url"),
		Title:     strings.TrimSpace(d.String(om.Get("title"), "title")),
		Publisher: d.String(om.Get("publisher"), "publisher"),
		Author:    d.String(om.Get("author"), "author"),
		Date:      d.Date(om.Get("date"), "date"),
		Archived:  d.URL(om.Get("archived"), "archived"),
	}
}

// decodeClaimant reads a claimant given as a name or as a mapping.
func decodeClaimant(d *strictyaml.Decoder, n strictyaml.Node) Claimant {
	if d.Kind(n) != strictyaml.Mapping {
		return Claimant{Name: strings.TrimSpace(d.String(n, "claimant"))}
	}
	m := d.Map(n, "claimant", "", claimantKeys...)
	c := Claimant{
		Name: strings.TrimSpace(d.String(m.Get("name"), "name")),
		Type: strings.TrimSpace(d.String(m.Get("type"), "type")),
		URL:  d.URL(m.Get("url"), "url"),
	}
	if c.Name == "" {
		d.Errorf(at(m, "name", n), "the claimant has no name: add name:, or write the claimant as plain text")
	}
	oneOf(d, m.Get("type"), c.Type, "claimant type", ClaimantTypes)
	return c
}

// decodeMedia reads the media a claim is about.
func decodeMedia(d *strictyaml.Decoder, n strictyaml.Node) *Media {
	m := d.Map(n, "media", "", mediaKeys...)
	md := &Media{
		Type:   strings.TrimSpace(d.String(m.Get("type"), "type")),
		URL:    d.URL(m.Get("url"), "url"),
		Rating: strings.TrimSpace(d.String(m.Get("rating"), "rating")),
	}
	if d.Kind(n) != strictyaml.Mapping {
		return md
	}
	// rating may be left out: a review need not have examined the media
	// to rate a claim about it.
	if !m.Has("type") {
		d.Errorf(n, "media has no type: add type: (%s)", strings.Join(MediaTypes, ", "))
	}
	oneOf(d, m.Get("type"), md.Type, "media type", MediaTypes)
	oneOf(d, m.Get("rating"), md.Rating, "media rating", MediaRatings)
	return md
}

// decodeUpdates reads the review's log; ids are the sidecar's claims, which
// an update may name.
func decodeUpdates(d *strictyaml.Decoder, n strictyaml.Node, ids map[string]int, scales config.Scales) []Update {
	var ups []Update
	for _, item := range d.Seq(n, "updates") {
		if d.Kind(item) != strictyaml.Mapping {
			d.Errorf(item, "each item of updates must be a mapping with date and note, not %s", kindName(d.Kind(item)))
			continue
		}
		m := d.Map(item, "update", "", updateKeys...)
		u := Update{Date: d.Date(m.Get("date"), "date"), Note: d.String(m.Get("note"), "note"), Pos: pos(d, item),
			Claim: strings.TrimSpace(d.String(m.Get("claim"), "claim")), From: strings.TrimSpace(d.String(m.Get("from"), "from"))}
		if !m.Has("date") || strings.TrimSpace(u.Note) == "" {
			d.Errorf(item, "an update needs a date and a note: say when the review changed and what changed")
		}
		scale, which := scales.Article, "article"
		if u.Claim != "" {
			scale, which = scales.Claim, "claim"
			if _, ok := ids[u.Claim]; !ok {
				d.Errorf(m.Get("claim"), "the update names claim %q, which the sidecar does not have: use the id of one of its claims", u.Claim)
			}
		}
		if _, ok := scale.Grade(u.From); u.From != "" && !ok {
			d.Errorf(m.Get("from"), "from %q is not a grade of the %s scale (%s): give the grade the update replaced", u.From, which, strings.Join(scale.IDs(), ", "))
		}
		ups = append(ups, u)
	}
	return ups
}

// decodeReviewers reads the review's reviewers, each a name or a mapping.
func decodeReviewers(d *strictyaml.Decoder, n strictyaml.Node) []Reviewer {
	var rs []Reviewer
	for _, item := range d.Seq(n, "reviewers") {
		if d.Kind(item) != strictyaml.Mapping {
			if name := strings.TrimSpace(d.String(item, "reviewer")); name != "" {
				rs = append(rs, Reviewer{Name: name})
			}
			continue
		}
		m := d.Map(item, "reviewer", "", reviewerKeys...)
		r := Reviewer{
			Name:        strings.TrimSpace(d.String(m.Get("name"), "name")),
			Role:        strings.TrimSpace(d.String(m.Get("role"), "role")),
			URL:         d.URL(m.Get("url"), "url"),
			Affiliation: strings.TrimSpace(d.String(m.Get("affiliation"), "affiliation")),
			Person:      true,
		}
		if r.Name == "" {
			d.Errorf(at(m, "name", item), "the reviewer has no name: add name:")
			continue
		}
		rs = append(rs, r)
	}
	return rs
}

// oneOf reports a value that is given but not one of allowed.
func oneOf(d *strictyaml.Decoder, n strictyaml.Node, v, what string, allowed []string) {
	if v == "" || slices.Contains(allowed, v) {
		return
	}
	hint := ""
	if s := strictyaml.Closest(v, allowed); s != "" {
		hint = fmt.Sprintf("; did you mean %q?", s)
	}
	d.Errorf(n, "unknown %s %q: use one of %s%s", what, v, strings.Join(allowed, ", "), hint)
}
