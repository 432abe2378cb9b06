package publish

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/anchor"
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/page"
)

// The W3C Web Annotation export of an annotated article (DESIGN section 6):
// annotations.jsonld beside the article's index.html, an AnnotationPage with
// one "assessing" Annotation per claim, so that annotation clients
// (Hypothesis, Recogito, ...) and archives can read the review without
// scraping the HTML.
//
// The shape is chosen to pass the W3C test suite's assertions
// (annotations/annotationMusts.test for each item, collections/pages/
// pageMusts.test for the page), whose rules are stricter than a quick
// reading of the model suggests:
//
//   - a TextualBody carries no id and no source (an object with an id and
//     no source is an External Web Resource, which may not have a purpose);
//   - a link with a purpose must therefore be a SpecificResource whose
//     source is the linked resource;
//   - every item carries its own @context, so an item copied out of the
//     page is still a complete annotation.
//
// Ids are IRIs only when base_url is absolute (as in the GitHub Pages
// workflow). With a path-only base_url they are path-absolute references,
// which a JSON-LD processor resolves against the file's own URL.

const (
	annoContext = "http://www.w3.org/ns/anno.jsonld"
	// xsdDateTime is how the model writes created and modified.
	xsdDateTime = time.RFC3339
)

type annoPage struct {
	Context string        `json:"@context"`
	ID      string        `json:"id"`
	Type    string        `json:"type"`
	Items   []*annotation `json:"items"`
}

type annotation struct {
	Context    string     `json:"@context"`
	ID         string     `json:"id"`
	Type       string     `json:"type"`
	Motivation string     `json:"motivation"`
	Created    string     `json:"created,omitempty"`
	Modified   string     `json:"modified,omitempty"`
	Creator    *annoAgent `json:"creator,omitempty"`
	Generator  annoAgent  `json:"generator"`
	Body       []annoBody `json:"body"`
	Target     annoTarget `json:"target"`
}

type annoAgent struct {
	Type     string `json:"type"`
	Name     string `json:"name"`
	Homepage string `json:"homepage,omitempty"`
}

// annoBody is a TextualBody (Value set) or a SpecificResource (Source set).
type annoBody struct {
	Type     string       `json:"type"`
	Value    string       `json:"value,omitempty"`
	Format   string       `json:"format,omitempty"`
	Language string       `json:"language,omitempty"`
	Purpose  string       `json:"purpose"`
	Source   *annoWebPage `json:"source,omitempty"`
}

// annoWebPage is an External Web Resource: a source behind a rating, or the
// definition of a grade on the ratings page.
type annoWebPage struct {
	ID    string `json:"id"`
	Label string `json:"label,omitempty"`
}

type annoTarget struct {
	Type     string `json:"type"`
	Source   string `json:"source"`
	Selector []any  `json:"selector"`
}

type quoteSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

// positionSelector's Start and End count Unicode code points (not bytes,
// not UTF-16 units) of the article's normalised text, anchor.Doc.Text():
// the rendered text of its blocks, one per paragraph, heading, list item or
// table cell, normalised as in DESIGN section 4 (NFC, white space runs to
// one space, typographic quotes and dashes made plain). That is close to,
// but not the same as, the DOM text of .article-body, so a client should
// prefer the TextQuoteSelector and use the positions to choose among
// repeated quotes.
type positionSelector struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// AnnotationPage returns annotations.jsonld for an annotated article:
// art is the article rendered by renderArticle, and doc and anchors are
// what markup anchored its claims in (markup.Result.Doc and .Anchors, one
// anchor per claim of the sidecar, in order). Marshalling structs keeps
// the key order, and so the file, the same from build to build.
func AnnotationPage(s *page.Site, a *content.Article, art *page.Article, doc *anchor.Doc, anchors []*anchor.Match) ([]byte, error) {
	if len(anchors) != len(art.Claims) {
		return nil, fmt.Errorf("%d anchors for %d claims", len(anchors), len(art.Claims))
	}
	page := s.Permalink(a.URLPath)
	out := annoPage{
		Context: annoContext,
		ID:      s.Permalink(a.URLPath + "annotations.jsonld"),
		Type:    "AnnotationPage",
		Items:   make([]*annotation, 0, len(art.Claims)),
	}
	created, modified := annoDates(a, art)
	creator := annoCreator(s)
	for i, c := range art.Claims {
		m := anchors[i]
		if m == nil {
			// The build stops on anchoring errors before it gets here;
			// an annotation without a target would be invalid.
			return nil, fmt.Errorf("claim %q is not anchored in %s", c.ID, doc.Path)
		}
		var note string
		if a.Sidecar != nil && i < len(a.Sidecar.Claims) {
			note = strings.TrimSpace(a.Sidecar.Claims[i].Note)
		}
		out.Items = append(out.Items, &annotation{
			Context:    annoContext,
			ID:         page + "#claim-" + c.ID,
			Type:       "Annotation",
			Motivation: "assessing",
			Created:    created,
			Modified:   modified,
			Creator:    creator,
			Generator:  annoAgent{Type: "Software", Name: "Scholia"},
			Body:       annoBodies(s, c, note),
			Target: annoTarget{
				Type:   "SpecificResource",
				Source: page,
				Selector: []any{
					quoteSelector{Type: "TextQuoteSelector", Exact: m.Exact, Prefix: m.Prefix, Suffix: m.Suffix},
					positionSelector{Type: "TextPositionSelector", Start: m.Start, End: m.End},
				},
			},
		})
	}
	// The file is not embedded in HTML, so <, > and & in notes stay as
	// they are, for people reading it.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// annoBodies are the note (commenting), the grade as its label (assessing)
// and as a link to its definition on the ratings page (classifying), and the
// sources (linking).
func annoBodies(s *page.Site, c *page.Claim, note string) []annoBody {
	var bodies []annoBody
	if note != "" {
		bodies = append(bodies, annoBody{Type: "TextualBody", Value: note, Format: "text/markdown", Language: s.Language, Purpose: "commenting"})
	}
	bodies = append(bodies,
		annoBody{Type: "TextualBody", Value: c.Grade.Label, Format: "text/plain", Language: s.Language, Purpose: "assessing"},
		annoBody{Type: "SpecificResource", Purpose: "classifying", Source: &annoWebPage{ID: s.Permalink("ratings/") + "#" + c.Grade.ID, Label: c.Grade.Label}},
	)
	for _, src := range c.Sources {
		if src.URL != "" {
			bodies = append(bodies, annoBody{Type: "SpecificResource", Purpose: "linking", Source: &annoWebPage{ID: src.URL, Label: src.Title}})
			continue
		}
		// A source known only by its title is a citation, not a link: it
		// stays a TextualBody (which may not have a source of its own).
		bodies = append(bodies, annoBody{Type: "TextualBody", Value: citation(src), Format: "text/plain", Purpose: "linking"})
	}
	return bodies
}

// citation is a source without a URL as one line of text.
func citation(src page.Source) string {
	parts := []string{src.Title}
	if src.Publisher != "" {
		parts = append(parts, src.Publisher)
	}
	if !src.Date.IsZero() {
		parts = append(parts, src.Date.Format("2006-01-02"))
	}
	return strings.Join(parts, ", ")
}

// annoDates are the review's date (else the article's) and the article's
// lastmod when later: the dates the review was written and last changed.
func annoDates(a *content.Article, art *page.Article) (created, modified string) {
	c := art.Date
	if a.Sidecar != nil && a.Sidecar.Review != nil && !a.Sidecar.Review.Date.IsZero() {
		c = a.Sidecar.Review.Date
	}
	if !c.IsZero() {
		created = c.UTC().Format(xsdDateTime)
	}
	if !art.Lastmod.IsZero() && art.Lastmod.After(c) {
		modified = art.Lastmod.UTC().Format(xsdDateTime)
	}
	return created, modified
}

// annoCreator is the publisher, as the ClaimReview author is.
func annoCreator(s *page.Site) *annoAgent {
	name := s.Publisher.Name
	if name == "" {
		name = s.Title
	}
	if name == "" {
		return nil
	}
	ag := &annoAgent{Type: "Organization", Name: name, Homepage: s.Publisher.URL}
	if ag.Homepage == "" && s.Absolute() {
		ag.Homepage = s.Permalink("")
	}
	return ag
}
