package content

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/scholia/scholia/generator/anchor"
	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/strictyaml"
)

// MaxClaimLen is the longest a claim's claimReviewed text may be, in
// characters.
const MaxClaimLen = 75

var (
	sidecarKeys = []string{"review", "updates", "claims"}
	reviewKeys  = []string{"rating", "summary", "reviewers", "date", "text"}
	claimKeys   = []string{"id", "quote", "prefix", "suffix", "occurrence", "claim",
		"claimant", "appearance", "date", "media", "rating", "rated_by", "note", "sources"}
	quoteKeys  = []string{"exact", "prefix", "suffix", "occurrence"}
	sourceKeys = []string{"title", "url", "publisher", "date", "archived", "excerpt"}
)

// DecodeSidecar reads the text of a sidecar; path names it (relative to the
// site root) in errors, ratings are checked against the scales of cfg and
// nesting against its limits. All the problems found are returned together
// as a diag.List; the Sidecar then holds the claims that had none, so
// that a caller can still anchor their quotes and report every problem of
// the file at once.
func DecodeSidecar(path string, data []byte, cfg *config.Config) (*Sidecar, error) {
	scales := cfg.Scales
	d, root := strictyaml.Parse(path, data, 1, cfg.Limits.YAMLDepth)
	sc := &Sidecar{Path: path}
	m := d.Map(root, "the sidecar", "", sidecarKeys...)
	if n := m.Get("review"); n.Given() {
		sc.Review = decodeReview(d, n, scales.Article)
	}
	ids := map[string]int{} // claim id -> line
	for _, item := range d.Seq(m.Get("claims"), "claims") {
		before := d.Errors()
		if c, ok := decodeClaim(d, item, scales.Claim, ids, reviewOrNone(sc.Review)); ok && d.Errors() == before {
			sc.Claims = append(sc.Claims, c)
		}
	}
	sc.Updates = decodeUpdates(d, m.Get("updates"), ids, scales)
	err := d.Err()
	if d.SyntaxError() {
		var more diag.List
		sc.Claims, more = recoverClaims(path, data, cfg)
		all := append(err.(diag.List), more...)
		all.Sort()
		err = all
	}
	return sc, err
}

// recoverClaims reads the claims of a sidecar with a YAML syntax error one
// item at a time, so that the claims the error is not in are still
// checked: an item of the block list under claims: starts with a "- " as
// indented as the first one, where no text of a deeper value can stand.
// It returns the claims without problems, and the problems of the other
// items but the one with the syntax error, which the caller has.
func recoverClaims(path string, data []byte, cfg *config.Config) ([]Claim, diag.List) {
	lines := strings.SplitAfter(string(data), "\n")
	first, indent := -1, ""
	for i, l := range lines {
		if rest, ok := strings.CutPrefix(l, "claims:"); ok && (strings.TrimSpace(rest) == "" || strings.HasPrefix(strings.TrimSpace(rest), "#")) {
			first = i + 1
			break
		}
	}
	if first < 0 {
		return nil, nil
	}
	var starts []int // line indexes of the items
	for i := first; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], "\r\n")
		t := strings.TrimLeft(l, " ")
		switch {
		case t == "" || strings.HasPrefix(t, "#"):
			continue
		case len(starts) == 0 && strings.HasPrefix(t, "- "):
			indent = l[:len(l)-len(t)]
		case len(starts) == 0:
			return nil, nil // not a block list
		}
		if !strings.HasPrefix(l, indent) {
			break
		}
		rest := l[len(indent):]
		if strings.HasPrefix(rest, "- ") {
			starts = append(starts, i)
		} else if !strings.HasPrefix(rest, " ") {
			break // a key of the sidecar after the list
		}
	}
	var claims []Claim
	var errs diag.List
	ids := map[string]int{}
	for k, st := range starts {
		end := len(lines)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		// "claims:" stands on the line before the item, as in the file.
		src := "claims:\n" + strings.Join(lines[st:end], "")
		d, root := strictyaml.Parse(path, []byte(src), st, cfg.Limits.YAMLDepth)
		if d.SyntaxError() {
			continue
		}
		m := d.Map(root, "the sidecar", "", sidecarKeys...)
		for _, item := range d.Seq(m.Get("claims"), "claims") {
			if c, ok := decodeClaim(d, item, cfg.Scales.Claim, ids, nil); ok && d.Errors() == 0 {
				claims = append(claims, c)
			}
		}
		if l, ok := d.Err().(diag.List); ok {
			errs = append(errs, l...)
		}
	}
	return claims, errs
}

func pos(d *strictyaml.Decoder, n strictyaml.Node) Pos {
	line, col := d.FilePos(n)
	return Pos{Line: line, Col: col}
}

func decodeReview(d *strictyaml.Decoder, n strictyaml.Node, scale config.Scale) *Review {
	m := d.Map(n, "review", "", reviewKeys...)
	r := &Review{
		Rating:    strings.TrimSpace(d.String(m.Get("rating"), "rating")),
		Summary:   d.String(m.Get("summary"), "summary"),
		Reviewers: decodeReviewers(d, m.Get("reviewers")),
		Date:      d.Date(m.Get("date"), "date"),
		Text:      strings.TrimSpace(d.String(m.Get("text"), "text")),
		TextPos:   keyPos(d, m, "text", n),
		Pos:       pos(d, n),
	}
	if r.Text != "" && !anchor.ValidFingerprint(r.Text) {
		d.Errorf(m.Get("text"), "text %q is not a fingerprint: it is sha256: and 64 hex digits, which scholia new and scholia fix write (delete the line and run scholia fix to make it)", r.Text)
	}
	if d.Kind(n) == strictyaml.Mapping {
		if r.Rating == "" {
			d.Errorf(at(m, "rating", n), "the review has no rating: add rating: with a grade of the article scale (%s)", strings.Join(scale.IDs(), ", "))
		} else {
			checkGrade(d, m.Get("rating"), r.Rating, "article", scale)
		}
	}
	return r
}

// keyPos is where key is written in m, else where n is.
func keyPos(d *strictyaml.Decoder, m strictyaml.Map, key string, n strictyaml.Node) Pos {
	if m.Has(key) {
		return pos(d, m.Key(key))
	}
	return pos(d, n)
}

// at is the node of key in m when it is written, else n.
func at(m strictyaml.Map, key string, n strictyaml.Node) strictyaml.Node {
	if m.Has(key) {
		return m.Get(key)
	}
	return n
}

// checkGrade reports a rating that is not a grade of scale.
func checkGrade(d *strictyaml.Decoder, n strictyaml.Node, id, which string, scale config.Scale) {
	if _, ok := scale.Grade(id); ok {
		return
	}
	ids := scale.IDs()
	hint := ""
	if s := strictyaml.Closest(id, ids); s != "" {
		hint = fmt.Sprintf("; did you mean %q?", s)
	}
	d.Errorf(n, "unknown rating %q: use a grade of the %s scale (%s)%s", id, which, strings.Join(ids, ", "), hint)
}

// decodeClaim reads one claim; ok is false when it is not a mapping. Its
// rated_by must name a reviewer of review, when review is not nil.
func decodeClaim(d *strictyaml.Decoder, n strictyaml.Node, scale config.Scale, ids map[string]int, review *Review) (Claim, bool) {
	if d.Kind(n) != strictyaml.Mapping {
		d.Errorf(n, "each item of claims must be a mapping with id, quote and rating, not %s", kindName(d.Kind(n)))
		return Claim{}, false
	}
	m := d.Map(n, "claim", "", claimKeys...)
	c := Claim{
		ID:       strings.TrimSpace(d.String(m.Get("id"), "id")),
		Claim:    strings.TrimSpace(d.String(m.Get("claim"), "claim")),
		Claimant: decodeClaimant(d, m.Get("claimant")),
		Date:     d.Date(m.Get("date"), "date"),
		RatedBy:  strings.TrimSpace(d.String(m.Get("rated_by"), "rated_by")),
		Note:     d.String(m.Get("note"), "note"),
		Pos:      pos(d, n),
	}
	if a := m.Get("appearance"); a.Given() {
		c.Appearance = decodeOriginal(d, a, "appearance")
	}
	if md := m.Get("media"); md.Given() {
		c.Media = decodeMedia(d, md)
	}
	c.Keys = map[string]Pos{}
	for _, k := range claimKeys {
		if m.Has(k) {
			c.Keys[k] = pos(d, m.Key(k))
		}
	}
	before := d.Errors()
	c.Rating = strings.TrimSpace(d.String(m.Get("rating"), "rating"))
	badRating := d.Errors() > before // said once: "rating must be text"
	name := "this claim"
	switch {
	case c.ID == "":
		d.Errorf(at(m, "id", n), "the claim has no id: add id: with a short name of lowercase letters, digits and - (it becomes #claim-ID)")
	case !config.ValidID(c.ID):
		hint := ""
		if s := config.SuggestID(c.ID); s != "" {
			hint = fmt.Sprintf(", like %q", s)
		}
		d.Errorf(m.Get("id"), "claim id %q may use only lowercase letters, digits and -%s", c.ID, hint)
	default:
		name = fmt.Sprintf("claim %q", c.ID)
		if first, dup := ids[c.ID]; dup {
			d.Errorf(m.Get("id"), "duplicate claim id %q (first at line %d): ids must be unique in the file", c.ID, first)
		} else {
			ids[c.ID], _ = d.FilePos(m.Get("id"))
		}
	}
	decodeQuote(d, m, n, &c, name)
	if c.Claim == "" {
		c.Claim = strings.Join(strings.Fields(c.Quote.Exact), " ")
	} else if l := utf8.RuneCountInString(c.Claim); l > MaxClaimLen {
		d.Errorf(m.Get("claim"), "claim is %d characters long: shorten it to %d or fewer (it is the claimReviewed that search engines show)", l, MaxClaimLen)
	}
	switch {
	case badRating:
	case c.Rating == "":
		d.Errorf(at(m, "rating", n), "%s has no rating: add rating: with a grade of the claim scale (%s)", name, strings.Join(scale.IDs(), ", "))
	default:
		checkGrade(d, m.Get("rating"), c.Rating, "claim", scale)
	}
	for _, item := range d.Seq(m.Get("sources"), "sources") {
		if s, ok := decodeSource(d, item); ok {
			c.Sources = append(c.Sources, s)
		}
	}
	if c.RatedBy != "" && review != nil {
		checkRatedBy(d, m.Get("rated_by"), c.RatedBy, review.Reviewers)
	}
	return c, true
}

// reviewOrNone is r, or a review without reviewers, against which a
// claim's rated_by is checked.
func reviewOrNone(r *Review) *Review {
	if r == nil {
		return &Review{}
	}
	return r
}

// checkRatedBy reports a rated_by that names no reviewer of the review:
// the page shows who rated a claim among the people it credits.
func checkRatedBy(d *strictyaml.Decoder, n strictyaml.Node, name string, reviewers []Reviewer) {
	names := make([]string, len(reviewers))
	for i, r := range reviewers {
		if r.Name == name {
			return
		}
		names[i] = r.Name
	}
	if len(names) == 0 {
		d.Errorf(n, "rated_by names %q, but the review lists no reviewers: add them to review.reviewers", name)
		return
	}
	hint := ""
	if s := strictyaml.Closest(name, names); s != "" {
		hint = fmt.Sprintf("; did you mean %q?", s)
	}
	d.Errorf(n, "rated_by names %q, who is not among the review's reviewers (%s)%s", name, strings.Join(names, ", "), hint)
}

// decodeQuote reads quote, as text or as a TextQuoteSelector mapping, and
// the prefix, suffix and occurrence that may stand beside it.
func decodeQuote(d *strictyaml.Decoder, m strictyaml.Map, claim strictyaml.Node, c *Claim, name string) {
	qn := m.Get("quote")
	c.QuotePos = pos(d, claim)
	var inner strictyaml.Map
	switch d.Kind(qn) {
	case strictyaml.Absent, strictyaml.Null:
		d.Errorf(at(m, "quote", claim), "%s has no quote: add quote: with the article's words that it reviews", name)
	case strictyaml.Mapping:
		inner = d.Map(qn, "quote", "", quoteKeys...)
		ex := inner.Get("exact")
		c.Quote.Exact = d.String(ex, "exact")
		if ex.Exists() {
			c.QuotePos = pos(d, ex)
		} else {
			c.QuotePos = pos(d, qn)
		}
		if strings.TrimSpace(c.Quote.Exact) == "" {
			d.Errorf(at(inner, "exact", qn), "the quote of %s has no exact text: add exact: with the article's words", name)
		}
	default:
		c.QuotePos = pos(d, qn)
		c.Quote.Exact = d.String(qn, "quote")
		if d.Kind(qn) == strictyaml.Scalar && strings.TrimSpace(c.Quote.Exact) == "" {
			d.Errorf(qn, "the quote of %s is empty: give the article's words that it reviews", name)
		}
	}
	for _, key := range []string{"prefix", "suffix", "occurrence"} {
		outer := m.Get(key)
		n := outer
		if inner.Has(key) {
			n = inner.Get(key)
			if m.Has(key) {
				d.Errorf(m.Key(key), "%s is given twice, here and in quote: keep one", key)
			}
		}
		switch key {
		case "prefix":
			c.Quote.Prefix = d.String(n, "prefix")
		case "suffix":
			c.Quote.Suffix = d.String(n, "suffix")
		case "occurrence":
			if v, ok := d.Int(n, "occurrence"); ok {
				if v < 1 {
					d.Errorf(n, "occurrence counts matches from 1, not %d: write 1 for the first match, 2 for the second, ...", v)
				} else {
					c.Quote.Occurrence = v
				}
			}
		}
	}
}

func decodeSource(d *strictyaml.Decoder, n strictyaml.Node) (Source, bool) {
	if d.Kind(n) != strictyaml.Mapping {
		d.Errorf(n, "each item of sources must be a mapping with a title or a url, not %s", kindName(d.Kind(n)))
		return Source{}, false
	}
	m := d.Map(n, "source", "", sourceKeys...)
	s := Source{
		Title:     strings.TrimSpace(d.String(m.Get("title"), "title")),
		URL:       d.URL(m.Get("url"), "url"),
		Publisher: d.String(m.Get("publisher"), "publisher"),
		Date:      d.Date(m.Get("date"), "date"),
		Archived:  d.URL(m.Get("archived"), "archived"),
		Excerpt:   d.String(m.Get("excerpt"), "excerpt"),
	}
	if s.Title == "" && s.URL == "" && !m.Get("url").Given() {
		d.Errorf(n, "the source has neither title nor url: add at least one")
	}
	return s, true
}

func kindName(k strictyaml.Kind) string {
	switch k {
	case strictyaml.Scalar:
		return "text"
	case strictyaml.Sequence:
		return "a list"
	case strictyaml.Null, strictyaml.Absent:
		return "empty"
	}
	return "a value of another kind"
}
