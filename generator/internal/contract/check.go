package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/scholia/scholia/generator/anchor"
)

// Claim is what the page should show of one claim.
type Claim struct {
	ID, Rating, Label, Quote string
}

// Page is what a page should hold.
type Page struct {
	URL    string // the page's URL as used in ClaimReview url
	Claims []Claim
	Review string // the review's grade id; "" when there is no review
	// Plain is the body the article renders to without its sidecar.
	Plain []byte
}

// Check returns every way page breaks the contract for want.
func Check(page []byte, want Page) []error {
	var errs []error
	body, err := Body(page)
	if err != nil {
		return []error{err}
	}
	if stripped, err := Strip(body); err != nil {
		errs = append(errs, fmt.Errorf("stripping annotations: %w", err))
	} else if !bytes.Equal(stripped, want.Plain) {
		errs = append(errs, fmt.Errorf("stripped body differs from the unannotated body:\n%s", firstDiff(want.Plain, stripped)))
	}
	errs = append(errs, checkMarks(body, want.Claims)...)
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return append(errs, err)
	}
	errs = append(errs, checkNotes(doc, want.Claims)...)
	errs = append(errs, checkMarginNotes(doc, want.Claims)...)
	errs = append(errs, checkJSONLD(doc, want)...)
	if want.Review != "" {
		n := find(doc, func(n *html.Node) bool { return HasClass(n, "review") })
		if len(n) != 1 || Attr(n[0], "data-rating") != want.Review {
			errs = append(errs, fmt.Errorf("want one .review with data-rating=%q, found %d", want.Review, len(n)))
		}
	}
	return errs
}

// checkMarks checks the marks of the body, the text they read and the note
// reference right after each claim's last mark.
func checkMarks(body []byte, claims []Claim) []error {
	var errs []error
	byID := map[string]Claim{}
	for _, c := range claims {
		byID[c.ID] = c
	}
	var toks []html.Token
	z := html.NewTokenizer(bytes.NewReader(body))
	for z.Next() != html.ErrorToken {
		toks = append(toks, z.Token())
	}
	if !errors.Is(z.Err(), io.EOF) {
		return []error{z.Err()}
	}
	text := map[string]*strings.Builder{}
	first := map[string]bool{}
	last := map[string]int{} // token index of each claim's last </mark>
	var open []string        // claims of the open <mark>s ("" for other marks)
	annot := 0               // depth inside data-annot elements
	for i, t := range toks {
		switch {
		case annot > 0:
			if t.Type == html.StartTagToken {
				annot++
			} else if t.Type == html.EndTagToken {
				annot--
			}
		case t.Type == html.StartTagToken && hasAttr(t, "data-annot"):
			annot = 1
		case t.Type == html.StartTagToken && t.DataAtom == atom.Mark:
			id := ""
			if isClaimMark(t) {
				id = attr(t, "data-claim")
				c, ok := byID[id]
				switch {
				case !ok:
					errs = append(errs, fmt.Errorf("mark of unknown claim %q", id))
				case attr(t, "data-rating") != c.Rating:
					errs = append(errs, fmt.Errorf("mark of %q has data-rating %q, want %q", id, attr(t, "data-rating"), c.Rating))
				}
				wantID := ""
				if !first[id] {
					wantID, first[id] = "claim-"+id, true
				}
				if attr(t, "id") != wantID {
					errs = append(errs, fmt.Errorf("mark of %q has id %q, want %q", id, attr(t, "id"), wantID))
				}
				if text[id] == nil {
					text[id] = &strings.Builder{}
				}
			}
			open = append(open, id)
		case t.Type == html.EndTagToken && t.DataAtom == atom.Mark:
			if len(open) == 0 {
				return append(errs, errors.New("</mark> without <mark>"))
			}
			if id := open[len(open)-1]; id != "" {
				last[id] = i
			}
			open = open[:len(open)-1]
		case t.Type == html.TextToken:
			for _, id := range open {
				if id != "" {
					text[id].WriteString(t.Data)
				}
			}
		}
	}
	if len(open) > 0 {
		errs = append(errs, fmt.Errorf("%d <mark>s not closed", len(open)))
	}
	for _, c := range claims {
		if text[c.ID] == nil {
			errs = append(errs, fmt.Errorf("claim %q has no mark", c.ID))
			continue
		}
		if got, want := anchor.Normalize(text[c.ID].String()), anchor.Normalize(c.Quote); got != want {
			errs = append(errs, fmt.Errorf("marks of %q read %q, want %q", c.ID, got, want))
		}
		errs = append(errs, checkRef(toks, last[c.ID], c)...)
	}
	return errs
}

// checkRef checks that the note reference follows the last mark, with at
// most closing tags between them.
func checkRef(toks []html.Token, i int, c Claim) []error {
	for i++; i < len(toks) && toks[i].Type == html.EndTagToken; i++ {
	}
	if i == len(toks) || toks[i].Type != html.StartTagToken || toks[i].DataAtom != atom.A ||
		attr(toks[i], "href") != "#note-"+c.ID || !hasAttr(toks[i], "data-annot") {
		return []error{fmt.Errorf("no <a href=\"#note-%s\" data-annot> right after the last mark of %q", c.ID, c.ID)}
	}
	var label strings.Builder
	for depth := 1; depth > 0 && i+1 < len(toks); {
		i++
		switch toks[i].Type {
		case html.StartTagToken:
			depth++
		case html.EndTagToken:
			depth--
		case html.TextToken:
			label.WriteString(toks[i].Data)
		}
	}
	if !strings.Contains(label.String(), c.Label) {
		return []error{fmt.Errorf("note reference of %q reads %q, want the grade %q", c.ID, label.String(), c.Label)}
	}
	return nil
}

// checkNotes checks each claim's note: one element, the grade as text and a
// link back to the claim.
func checkNotes(doc *html.Node, claims []Claim) []error {
	var errs []error
	ids := map[string]int{}
	for _, n := range find(doc, func(n *html.Node) bool { return Attr(n, "id") != "" }) {
		ids[Attr(n, "id")]++
	}
	for id, n := range ids {
		if n > 1 {
			errs = append(errs, fmt.Errorf("id %q is used %d times", id, n))
		}
	}
	for _, c := range claims {
		notes := find(doc, func(n *html.Node) bool { return Attr(n, "id") == "note-"+c.ID })
		if len(notes) != 1 || !HasClass(notes[0], "claim-note") {
			errs = append(errs, fmt.Errorf("want one element id=note-%s with class claim-note", c.ID))
			continue
		}
		note := notes[0]
		if !strings.Contains(Text(note), c.Label) {
			errs = append(errs, fmt.Errorf("note of %q does not name its grade %q", c.ID, c.Label))
		}
		back := find(note, func(n *html.Node) bool { return n.DataAtom == atom.A && Attr(n, "href") == "#claim-"+c.ID })
		if len(back) == 0 {
			errs = append(errs, fmt.Errorf("note of %q has no link back to #claim-%s", c.ID, c.ID))
		}
	}
	return errs
}

// checkMarginNotes checks each claim's copies of its note beside the
// text: one margin note and one disclosure, each with data-annot, and the
// margin notes in the order of the claims' first marks.
func checkMarginNotes(doc *html.Node, claims []Claim) []error {
	var errs []error
	for _, c := range claims {
		for _, kind := range []struct{ class, tag string }{{"margin-note", "span"}, {"claim-disclosure", "details"}} {
			n := find(doc, func(n *html.Node) bool { return HasClass(n, kind.class) && Attr(n, "data-claim") == c.ID })
			if len(n) != 1 || n[0].Data != kind.tag || !slices.ContainsFunc(n[0].Attr, func(a html.Attribute) bool { return a.Key == "data-annot" }) {
				errs = append(errs, fmt.Errorf("want one <%s class=%q data-claim=%q data-annot>, found %d", kind.tag, kind.class, c.ID, len(n)))
			}
		}
	}
	var firsts, margins []string
	for _, n := range find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Mark && strings.HasPrefix(Attr(n, "id"), "claim-")
	}) {
		firsts = append(firsts, Attr(n, "data-claim"))
	}
	for _, n := range find(doc, func(n *html.Node) bool { return HasClass(n, "margin-note") }) {
		margins = append(margins, Attr(n, "data-claim"))
	}
	if len(errs) == 0 && !slices.Equal(firsts, margins) {
		errs = append(errs, fmt.Errorf("margin notes come in the order %v, the claims in %v", margins, firsts))
	}
	return errs
}

// checkJSONLD checks the page's one ld+json script: the article's
// Review, then a ClaimReview (or MediaReview) per claim.
func checkJSONLD(doc *html.Node, want Page) []error {
	scripts := find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Script && Attr(n, "type") == "application/ld+json"
	})
	if len(want.Claims) == 0 && want.Review == "" {
		return nil
	}
	if len(scripts) != 1 {
		return []error{fmt.Errorf("%d ld+json scripts, want 1", len(scripts))}
	}
	var ld struct {
		Graph []struct {
			Type          string `json:"@type"`
			URL           string `json:"url"`
			ClaimReviewed string `json:"claimReviewed"`
			ReviewRating  struct {
				AlternateName string `json:"alternateName"`
			} `json:"reviewRating"`
			ItemReviewed struct {
				Type string `json:"@type"`
			} `json:"itemReviewed"`
			Author map[string]any `json:"author"`
		} `json:"@graph"`
	}
	if err := json.Unmarshal([]byte(Text(scripts[0])), &ld); err != nil {
		return []error{fmt.Errorf("ld+json: %w", err)}
	}
	n := len(want.Claims)
	if want.Review != "" {
		n++
	}
	if len(ld.Graph) != n {
		return []error{fmt.Errorf("ld+json @graph has %d items, want %d (the review, then one per claim)", len(ld.Graph), n)}
	}
	var errs []error
	if want.Review != "" {
		if g := ld.Graph[0]; g.Type != "Review" || g.URL != want.URL || g.ReviewRating.AlternateName == "" {
			errs = append(errs, fmt.Errorf("@graph[0] is not the article's Review: %+v", g))
		}
		ld.Graph = ld.Graph[1:]
	}
	for i, c := range want.Claims {
		g := ld.Graph[i]
		// A claim about footage or an image is reviewed as a MediaReview.
		claim := g.Type == "ClaimReview" && g.ClaimReviewed != "" && g.ItemReviewed.Type == "Claim"
		media := g.Type == "MediaReview" && g.ItemReviewed.Type == "MediaReviewItem"
		if !claim && !media || g.URL != want.URL+"#claim-"+c.ID || g.ReviewRating.AlternateName != c.Label || g.Author["name"] == "" {
			errs = append(errs, fmt.Errorf("review %d does not describe claim %q: %+v", i, c.ID, g))
		}
	}
	return errs
}

// find returns the elements under root for which f is true.
func find(root *html.Node, f func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && f(n) {
			out = append(out, n)
		}
	}
	return out
}

// Attr returns the value of n's attribute key, or "".
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// Text returns the text of n and its descendants.
func Text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// firstDiff shows where two byte strings part.
func firstDiff(want, got []byte) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	lo := max(0, i-60)
	return fmt.Sprintf("at byte %d:\n-want: %q\n+got:  %q", i, want[lo:min(len(want), i+60)], got[lo:min(len(got), i+60)])
}
