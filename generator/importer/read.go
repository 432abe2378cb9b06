package importer

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Annotation is one annotation of an export, as a claim needs it.
type Annotation struct {
	ID                    string // the annotation's own id, for messages
	Exact, Prefix, Suffix string // its TextQuoteSelector
	Start                 int    // its TextPositionSelector's start, or -1
	Text                  string // the annotation's text: the claim's note
	Tags                  []string
	Links                 []string // http(s) links of its body and text: the claim's sources
}

// Skip is an item of an export that is not a claim, and why.
type Skip struct {
	ID, Why string
}

// Hypothesis reads a Hypothesis API search result ({"rows": [...]}).
// Replies (which have references) and page notes (which select no text)
// are skipped: they are not claims about the text.
func Hypothesis(data []byte) ([]Annotation, []Skip, error) {
	var doc struct {
		Rows []struct {
			ID         string   `json:"id"`
			Text       string   `json:"text"`
			Tags       []string `json:"tags"`
			References []string `json:"references"`
			Target     []struct {
				Selector []selector `json:"selector"`
			} `json:"target"`
		} `json:"rows"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, nil, fmt.Errorf("not a Hypothesis search result: %w", err)
	}
	if doc.Rows == nil {
		return nil, nil, errors.New(`not a Hypothesis search result: it has no "rows"`)
	}
	var out []Annotation
	var skips []Skip
	for _, r := range doc.Rows {
		if len(r.References) > 0 {
			skips = append(skips, Skip{r.ID, "a reply to another annotation"})
			continue
		}
		a := Annotation{ID: r.ID, Start: -1, Text: strings.TrimSpace(r.Text), Tags: r.Tags, Links: links(r.Text)}
		for _, t := range r.Target {
			for _, s := range t.Selector {
				s.fill(&a)
			}
		}
		if a.Exact == "" {
			skips = append(skips, Skip{r.ID, "a page note: it selects no text"})
			continue
		}
		out = append(out, a)
	}
	return out, skips, nil
}

// selector is a W3C or Hypothesis selector, refinements included.
type selector struct {
	Type      string    `json:"type"`
	Exact     string    `json:"exact"`
	Prefix    string    `json:"prefix"`
	Suffix    string    `json:"suffix"`
	Start     *int      `json:"start"`
	RefinedBy *selector `json:"refinedBy"`
}

func (s selector) fill(a *Annotation) {
	switch s.Type {
	case "TextQuoteSelector":
		a.Exact, a.Prefix, a.Suffix = s.Exact, s.Prefix, s.Suffix
	case "TextPositionSelector":
		if s.Start != nil {
			a.Start = *s.Start
		}
	}
	if s.RefinedBy != nil {
		s.RefinedBy.fill(a)
	}
}

// W3C reads W3C Web Annotations: one annotation, an array of them, an
// AnnotationPage (its items) or an AnnotationCollection (the items of its
// embedded first page). An annotation without a TextQuoteSelector is
// skipped.
func W3C(data []byte) ([]Annotation, []Skip, error) {
	var raw any
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, nil, fmt.Errorf("not JSON-LD: %w", err)
	}
	var items []any
	switch v := raw.(type) {
	case []any:
		items = v
	case map[string]any:
		switch v["type"] {
		case "AnnotationPage":
			items, _ = v["items"].([]any)
		case "AnnotationCollection":
			// Only an embedded first page can be read: others are links.
			first, _ := v["first"].(map[string]any)
			items, _ = first["items"].([]any)
		default:
			items = []any{v}
		}
	}
	var out []Annotation
	var skips []Skip
	for _, it := range items {
		m, _ := it.(map[string]any)
		id, _ := m["id"].(string)
		if m == nil || m["type"] != "Annotation" {
			skips = append(skips, Skip{id, "not an Annotation"})
			continue
		}
		a := Annotation{ID: id, Start: -1}
		for _, t := range list(m["target"]) {
			tm, _ := t.(map[string]any)
			for _, s := range list(tm["selector"]) {
				var sel selector
				if b, err := json.Marshal(s); err == nil && json.Unmarshal(b, &sel) == nil {
					sel.fill(&a)
				}
			}
		}
		if a.Exact == "" {
			skips = append(skips, Skip{id, "it has no TextQuoteSelector"})
			continue
		}
		var texts []string
		for _, b := range list(m["body"]) {
			switch b := b.(type) {
			case string:
				a.Links = append(a.Links, links(b)...)
			case map[string]any:
				if v, ok := b["value"].(string); ok {
					texts = append(texts, v)
				} else if u, ok := b["id"].(string); ok {
					a.Links = append(a.Links, links(u)...)
				}
			}
		}
		a.Text = strings.TrimSpace(strings.Join(texts, "\n\n"))
		a.Links = append(a.Links, links(a.Text)...)
		out = append(out, a)
	}
	return out, skips, nil
}

// list is v as a list: JSON-LD gives one value or an array of them.
func list(v any) []any {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		return v
	}
	return []any{v}
}

var linkRE = regexp.MustCompile(`https?://[^\s<>"')\]]+`)

// links are the http(s) URLs in s, without trailing punctuation.
func links(s string) []string {
	var out []string
	for _, u := range linkRE.FindAllString(s, -1) {
		out = append(out, strings.TrimRight(u, ".,;:!?"))
	}
	return out
}
