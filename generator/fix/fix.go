// Package fix re-anchors the claims of a sidecar whose quotes no longer
// match their article, after the article was edited: `scholia fix`.
//
// # Re-anchoring
//
// For each claim whose quote Find cannot anchor, [Sidecar] asks the
// article's text for the closest passage (anchor.Doc.Closest, which scores
// the passage against the quote and the claim's prefix and suffix, as
// Hypothesis does); when that passage stands in several places, the one
// nearest where the claim stood at the last build wins (OldPositions). A passage that scores at least minScore becomes the
// claim's quote; the old prefix, suffix and occurrence stay when they
// still pick it out, go when the quote is unique without them, and are
// written afresh from the text around the passage when it is not.
//
// # Editing in place
//
// The sidecar is edited line by line: only the lines of the values that
// change are written again, in their own quoting style where it can hold
// the new text, so comments, key order and blank lines stay. A claim whose
// quote is a mapping (a TextQuoteSelector) is left for the editor.
//
// # Example
//
// The article said "The moon is made of green cheese" and now says "The
// moon is made of blue cheese". The claim
//
//   - id: moon   # the mouse's claim
//     quote: made of green cheese
//
// becomes
//
//   - id: moon   # the mouse's claim
//     quote: made of blue cheese
//
// and the Change records it with its score.
package fix

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/scholia/scholia/generator/anchor"
	"github.com/scholia/scholia/generator/content"
)

// DefaultMinScore is the score a passage needs to replace a quote when the
// caller gives none.
const DefaultMinScore = 0.9

// Change is a claim fix re-anchored.
type Change struct {
	ID       string
	Old, New anchor.Quote
	Score    float64
}

// Miss is a claim fix could not re-anchor: the closest passage, if any,
// and its score.
type Miss struct {
	ID      string
	Line    int // of the quote in the sidecar
	Closest string
	Score   float64
	Why     string
}

// Result is what fix did to one sidecar.
type Result struct {
	Path     string
	Old, New []byte // the sidecar's text before and after
	Changes  []Change
	Misses   []Miss
	// Recorded is set when the review now stands for the article's text:
	// its fingerprint was written, and its log says what moved.
	Recorded bool
}

// Options are how Sidecar re-anchors and what it records.
type Options struct {
	MinScore float64        // the score a passage needs; 0 is DefaultMinScore
	Old      map[string]int // each claim's old position (OldPositions); nil: none known
	Today    time.Time      // the date of the log entry
	// Note words the log entry from what moved, in the site's language;
	// nil writes no entry.
	Note func([]Change) string
}

// Sidecar re-anchors the claims of sc, whose text is src, in the article
// text doc, taking passages that score at least opts.MinScore; where a
// passage stands in several places, the one nearest the claim's old
// position wins. When every claim anchors, the review is brought up to
// the text: its fingerprint, and an entry of its log when the text it
// stood for changed.
func Sidecar(doc *anchor.Doc, sc *content.Sidecar, src []byte, opts Options) (*Result, error) {
	minScore, old := opts.MinScore, opts.Old
	if minScore == 0 {
		minScore = DefaultMinScore
	}
	res := &Result{Path: sc.Path, Old: src}
	ed := newEdits(src)
	for _, c := range sc.Claims {
		if _, err := doc.Find(c.Quote); err == nil {
			continue
		} else if !errors.Is(err, anchor.ErrNotFound) && !errors.Is(err, anchor.ErrAmbiguous) {
			res.Misses = append(res.Misses, Miss{ID: c.ID, Line: c.QuotePos.Line, Why: err.Error()})
			continue
		}
		m, score, ok := doc.Closest(c.Quote)
		switch {
		case !ok:
			res.Misses = append(res.Misses, Miss{ID: c.ID, Line: c.QuotePos.Line, Why: "nothing in the article is close to the quote"})
			continue
		case score < minScore:
			res.Misses = append(res.Misses, Miss{ID: c.ID, Line: c.QuotePos.Line, Closest: m.Exact, Score: score,
				Why: fmt.Sprintf("the closest passage scores %.2f, under %.2f", score, minScore)})
			continue
		case ed.isMapping(c.Keys["quote"]):
			res.Misses = append(res.Misses, Miss{ID: c.ID, Line: c.QuotePos.Line, Closest: m.Exact, Score: score,
				Why: "the quote is a mapping: edit its exact, prefix and suffix by hand"})
			continue
		}
		if at, ok := old[c.ID]; ok {
			m = nearest(doc, m, at)
		}
		q, err := unique(doc, c.Quote, m)
		if err != nil {
			res.Misses = append(res.Misses, Miss{ID: c.ID, Line: c.QuotePos.Line, Closest: m.Exact, Score: score, Why: err.Error()})
			continue
		}
		if err := rewrite(ed, c, q); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", sc.Path, c.QuotePos.Line, err)
		}
		res.Changes = append(res.Changes, Change{ID: c.ID, Old: c.Quote, New: q, Score: score})
	}
	if len(res.Misses) == 0 {
		l := Log{Text: doc.Fingerprint(), Date: opts.Today}
		if opts.Note != nil {
			l.Note = opts.Note(res.Changes)
		}
		var err error
		if res.Recorded, err = record(ed, sc, l); err != nil {
			return nil, fmt.Errorf("%s: %w", sc.Path, err)
		}
	}
	res.New = ed.apply()
	return res, nil
}

// unique is the quote that anchors exactly m: its text, with the old
// context when it still fits, none when none is needed, or fresh context.
func unique(doc *anchor.Doc, old anchor.Quote, m anchor.Match) (anchor.Quote, error) {
	same := func(q anchor.Quote) bool {
		got, err := doc.Find(q)
		return err == nil && got.Start == m.Start && got.End == m.End
	}
	exact := m.Exact
	for _, q := range []anchor.Quote{
		{Exact: exact, Prefix: old.Prefix, Suffix: old.Suffix, Occurrence: old.Occurrence},
		{Exact: exact},
	} {
		if same(q) {
			return q, nil
		}
	}
	// The match's own context: up to 32 code points on either side.
	pre, suf := m.Prefix, m.Suffix
	for _, q := range []anchor.Quote{{Exact: exact, Prefix: pre}, {Exact: exact, Suffix: suf}, {Exact: exact, Prefix: pre, Suffix: suf}} {
		if same(q) {
			return q, nil
		}
	}
	return anchor.Quote{}, fmt.Errorf("the passage %q is not unique even with the text around it", exact)
}

// rewrite edits the claim's quote, prefix, suffix and occurrence to q.
func rewrite(ed *edits, c content.Claim, q anchor.Quote) error {
	if q.Exact != c.Quote.Exact {
		if err := ed.set(c.Keys["quote"], q.Exact, false); err != nil {
			return err
		}
	}
	after := c.Keys["quote"]
	for _, f := range []struct {
		key      string
		old, new string
		raw      bool // a number, not text
	}{
		{"prefix", c.Quote.Prefix, q.Prefix, false},
		{"suffix", c.Quote.Suffix, q.Suffix, false},
		{"occurrence", itoa(c.Quote.Occurrence), itoa(q.Occurrence), true},
	} {
		p, written := c.Keys[f.key]
		switch {
		case f.old == f.new:
		case f.new == "" && written:
			if err := ed.remove(p); err != nil {
				return err
			}
		case written:
			if err := ed.set(p, f.new, f.raw); err != nil {
				return err
			}
		default:
			if err := ed.add(after, f.key, f.new, f.raw); err != nil {
				return err
			}
		}
	}
	return nil
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

// Summary is one line for a change, as the command prints it.
func (c Change) Summary() string {
	return fmt.Sprintf("claim %q: re-anchored (score %.2f): %q -> %q", c.ID, c.Score, short(c.Old.Exact), short(c.New.Exact))
}

func short(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:57])) + "…"
}
