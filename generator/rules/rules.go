package rules

import (
	"strings"

	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
)

// Check returns the publishing rules that the review of a breaks, sorted
// by place in its sidecar, against the claim scale of cfg. textChanged
// says that the article's text no longer has the fingerprint its review
// read. An article without a sidecar breaks none.
func Check(cfg *config.Config, a *content.Article, textChanged bool) diag.List {
	sc := a.Sidecar
	if sc == nil {
		return nil
	}
	var errs diag.List
	at := func(p content.Pos, format string, args ...any) {
		errs = append(errs, diag.Errorf(sc.Path, p.Line, p.Col, format, args...))
	}
	if r := sc.Review; r == nil {
		at(content.Pos{Line: 1, Col: 1}, "the sidecar has no review: add a review: with reviewers and date")
	} else {
		// len only: reviewers are names or mappings, and either will do.
		if len(r.Reviewers) == 0 {
			at(r.Pos, "the review has no reviewers: add reviewers: with who checked the article")
		}
		if r.Date.IsZero() {
			at(r.Pos, "the review has no date: add date: with the day the review was published (YYYY-MM-DD)")
		}
		if textChanged {
			at(r.TextPos, "the article changed since it was reviewed: check its claims against the new text, then run scholia fix to re-anchor them and record the text reviewed")
		}
	}
	unsupported := offScale(cfg.Scales.Claim)
	for _, c := range sc.Claims {
		if strings.TrimSpace(c.Note) == "" {
			at(key(c, "note"), "claim %q has no note: add note: saying why it is rated %s", c.ID, c.Rating)
		}
		g, ok := cfg.Scales.Claim.Grade(c.Rating)
		if !ok || g.Value == nil || linked(c.Sources) {
			continue
		}
		or := ""
		if unsupported != "" {
			or = ", or rate it " + unsupported
		}
		if len(c.Sources) == 0 {
			at(key(c, "rating"), "claim %q is rated %s, on the scale, but has no sources: cite one with a url or archived copy%s", c.ID, c.Rating, or)
		} else {
			at(key(c, "sources"), "claim %q is rated %s, on the scale, but no source has a url or archived copy: cite one%s", c.ID, c.Rating, or)
		}
	}
	errs.Sort()
	return errs
}

// linked reports whether a reader can follow one of sources: a title alone
// names the evidence but does not lead to it.
func linked(sources []content.Source) bool {
	for _, s := range sources {
		if strings.TrimSpace(s.URL) != "" || strings.TrimSpace(s.Archived) != "" {
			return true
		}
	}
	return false
}

// offScale is the first grade of scale without a value, the rating a claim
// without evidence to link to can have, or "" when the scale has none.
func offScale(scale config.Scale) string {
	for _, g := range scale {
		if g.Value == nil {
			return g.ID
		}
	}
	return ""
}

// key is where the claim's key k is written, or the claim itself when it
// is not.
func key(c content.Claim, k string) content.Pos {
	if p, ok := c.Keys[k]; ok {
		return p
	}
	return c.Pos
}
