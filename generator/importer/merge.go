// Package importer turns annotations made elsewhere (a Hypothesis export,
// W3C Web Annotations) into the claims of a sidecar: `scholia import`.
//
// # Claims
//
// Each annotation that selects text becomes a claim: its quote is the
// annotation's TextQuoteSelector, kept unique by the selector's prefix and
// suffix or, failing those, by the occurrence nearest its
// TextPositionSelector; its id is made from the quote's first words; its
// note is the annotation's text; its sources are the http(s) links of the
// annotation; and its rating is the first tag that names a grade of the
// claim scale (by id or label). Without one, the rating is Ungraded, which
// check reports until an editor grades the claim.
//
// # Merging
//
// [Merge] adds the claims at the end of the sidecar's claims list,
// leaving every other line of the file as it was. An annotation whose
// quote anchors where a claim of the sidecar (or an earlier annotation)
// already does is a duplicate and adds nothing, so importing twice adds
// nothing the second time. An annotation whose quote is not in the
// article is listed with the closest passage, not dropped silently.
//
// # Example
//
//	anns, skipped, err := importer.Hypothesis(export)
//	res, err := importer.Merge(doc, cfg.Scales.Claim, sidecar, src, anns)
//	os.WriteFile(path, res.New, 0o644)
package importer

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/scholia/scholia/generator/anchor"
	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/slug"
)

// Ungraded is the rating of an imported claim whose tags name no grade:
// no scale has it, so check reports the claim until it is graded.
const Ungraded = "ungraded"

// Miss is an annotation whose quote is not in the article.
type Miss struct {
	Annotation Annotation
	Closest    string // the closest passage, or ""
	Score      float64
}

// Result is what Merge did.
type Result struct {
	New        []byte   // the sidecar's text with the claims added
	Added      []string // the ids of the claims added
	Duplicates []string // the annotations already there
	Misses     []Miss
}

// Merge adds anns to the sidecar at path whose text is src (empty: none
// yet), anchored in doc, with grades from cfg's claim scale. The sidecar
// must read without problems, but for claims imported earlier and still
// ungraded.
func Merge(doc *anchor.Doc, cfg *config.Config, path string, src []byte, anns []Annotation) (*Result, error) {
	scale := cfg.Scales.Claim
	var sc *content.Sidecar
	if len(src) > 0 {
		lenient := *cfg
		lenient.Scales.Claim = append(slices.Clone(scale), config.Grade{ID: Ungraded, Label: Ungraded})
		var err error
		if sc, err = content.DecodeSidecar(path, src, &lenient); err != nil {
			return nil, fmt.Errorf("the sidecar has problems; fix them, then import: %w", err)
		}
	}
	res := &Result{}
	type place struct{ start, end int }
	taken := map[place]bool{}
	ids := map[string]bool{}
	if sc != nil {
		for _, c := range sc.Claims {
			ids[c.ID] = true
			if m, err := doc.Find(c.Quote); err == nil {
				taken[place{m.Start, m.End}] = true
			}
		}
	}
	// New items stand as the sidecar's own do: "- " at its indentation.
	indent := "  "
	if sc != nil && len(sc.Claims) > 0 {
		indent = strings.Repeat(" ", max(0, sc.Claims[0].Pos.Col-3))
	}
	var blocks []string
	for _, a := range anns {
		q, m, err := anchorAnnotation(doc, a)
		if err != nil {
			miss := Miss{Annotation: a}
			if c, score, ok := doc.Closest(anchor.Quote{Exact: a.Exact, Prefix: a.Prefix, Suffix: a.Suffix}); ok {
				miss.Closest, miss.Score = c.Exact, score
			}
			res.Misses = append(res.Misses, miss)
			continue
		}
		if taken[place{m.Start, m.End}] {
			res.Duplicates = append(res.Duplicates, a.ID)
			continue
		}
		taken[place{m.Start, m.End}] = true
		id := newID(q.Exact, ids)
		res.Added = append(res.Added, id)
		blocks = append(blocks, claimYAML(indent, id, q, grade(scale, a.Tags), a))
	}
	var err error
	if res.New, err = appendClaims(src, blocks); err != nil {
		return nil, err
	}
	return res, nil
}

// anchorAnnotation finds a's quote in doc: with its context, without it
// when the text around it changed, and at the occurrence nearest its
// position when the quote alone is ambiguous. It returns the quote to
// write: the least that anchors the same place.
func anchorAnnotation(doc *anchor.Doc, a Annotation) (anchor.Quote, anchor.Match, error) {
	full := anchor.Quote{Exact: a.Exact, Prefix: a.Prefix, Suffix: a.Suffix}
	m, err := doc.Find(full)
	if err != nil {
		if m, err = doc.Find(anchor.Quote{Exact: a.Exact}); err == nil {
			return anchor.Quote{Exact: a.Exact}, m, nil
		}
		if !errors.Is(err, anchor.ErrAmbiguous) || a.Start < 0 {
			return anchor.Quote{}, anchor.Match{}, err
		}
		best := anchor.Quote{}
		for occ := 1; ; occ++ {
			q := anchor.Quote{Exact: a.Exact, Occurrence: occ}
			mm, e := doc.Find(q)
			if e != nil {
				break
			}
			if best.Exact == "" || abs(mm.Start-a.Start) < abs(m.Start-a.Start) {
				best, m = q, mm
			}
		}
		if best.Exact == "" {
			return anchor.Quote{}, anchor.Match{}, err
		}
		return best, m, nil
	}
	// Write no more context than the place needs.
	for _, q := range []anchor.Quote{{Exact: a.Exact}, {Exact: a.Exact, Prefix: a.Prefix}, {Exact: a.Exact, Suffix: a.Suffix}} {
		if mm, err := doc.Find(q); err == nil && mm.Start == m.Start {
			return q, m, nil
		}
	}
	return full, m, nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// grade is the first tag that names a grade of scale, by id or label.
func grade(scale config.Scale, tags []string) string {
	for _, t := range tags {
		for _, g := range scale {
			if strings.EqualFold(t, g.ID) || strings.EqualFold(t, g.Label) || slug.Make(t, slug.ASCII) == g.ID {
				return g.ID
			}
		}
	}
	return Ungraded
}

// newID is an id made of the quote's first words, unique among ids.
func newID(exact string, ids map[string]bool) string {
	words := strings.Fields(exact)
	base := slug.Make(strings.Join(words[:min(len(words), 5)], " "), slug.ASCII)
	if base == "" {
		base = "claim"
	}
	id := base
	for n := 2; ids[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	ids[id] = true
	return id
}

// claimYAML writes one claim as an item of the claims list, its "- " at
// indent.
func claimYAML(indent, id string, q anchor.Quote, rating string, a Annotation) string {
	var b strings.Builder
	key := indent + "  "
	fmt.Fprintf(&b, "%s- id: %s\n%squote: %s\n", indent, id, key, strconv.Quote(q.Exact))
	if q.Prefix != "" {
		fmt.Fprintf(&b, "%sprefix: %s\n", key, strconv.Quote(q.Prefix))
	}
	if q.Suffix != "" {
		fmt.Fprintf(&b, "%ssuffix: %s\n", key, strconv.Quote(q.Suffix))
	}
	if q.Occurrence > 0 {
		fmt.Fprintf(&b, "%soccurrence: %d\n", key, q.Occurrence)
	}
	if rating == Ungraded {
		fmt.Fprintf(&b, "%srating: %s   # imported without a grade: give it one of the claim scale\n", key, rating)
	} else {
		fmt.Fprintf(&b, "%srating: %s\n", key, rating)
	}
	if a.Text != "" {
		fmt.Fprintf(&b, "%snote: %s\n", key, strconv.Quote(a.Text))
	}
	if len(a.Links) > 0 {
		fmt.Fprintf(&b, "%ssources:\n", key)
		seen := map[string]bool{}
		for _, l := range a.Links {
			if !seen[l] {
				seen[l] = true
				fmt.Fprintf(&b, "%s  - url: %s\n", key, strconv.Quote(l))
			}
		}
	}
	return b.String()
}

// appendClaims adds the claim items to the end of src's claims list,
// starting the list when src has none.
func appendClaims(src []byte, blocks []string) ([]byte, error) {
	if len(blocks) == 0 {
		return src, nil
	}
	text := string(src)
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	lines := strings.SplitAfter(text, "\n")
	at := -1 // the line of claims:
	for i, l := range lines {
		if strings.HasPrefix(l, "claims:") {
			at = i
			break
		}
	}
	items := strings.Join(blocks, "")
	if at < 0 {
		return []byte(text + "claims:\n" + items), nil
	}
	switch rest := strings.TrimSpace(strings.TrimPrefix(lines[at], "claims:")); {
	case strings.HasPrefix(rest, "[]"):
		lines[at] = "claims:" + strings.TrimPrefix(rest, "[]") + "\n"
	case rest != "" && !strings.HasPrefix(rest, "#"):
		return nil, fmt.Errorf("claims is written on one line (%s): write it as a list of items, one \"- id:\" each, to import into it", rest)
	}
	// The list ends before the next key of the sidecar, or at the end.
	end := len(lines)
	for i := at + 1; i < len(lines); i++ {
		l := lines[i]
		if l != "" && l != "\n" && l[0] != ' ' && l[0] != '-' && l[0] != '#' {
			end = i
			break
		}
	}
	out := strings.Join(lines[:end], "") + items + strings.Join(lines[end:], "")
	return []byte(out), nil
}
