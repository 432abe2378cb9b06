package markup

import (
	"fmt"

	"github.com/scholia/scholia/generator/anchor"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// jobKey holds the *job of one Article call in the parser context: the
// goldmark.Markdown is shared by concurrent calls, so the claims travel with
// the parse and the results come back the same way (transformers cannot
// return errors).
var jobKey = parser.NewContextKey()

// job is one Article call: its claims in, its text model and anchors out.
type job struct {
	path   string
	claims []Claim
	find   func(*anchor.Doc, anchor.Quote) (anchor.Match, error)
	unsafe bool // raw HTML is rendered: raw links matter to the wrapper
	// searchWork caps the approximate search of a quote not found
	// (anchor.Doc.MaxWork).
	searchWork int
	// typo holds the source bytes that each *ast.String of the
	// typographer replaces (see typographerParser).
	typo map[*ast.String]text.Segment

	// notes makes the claims' Notes (nil: none); notesOf holds them, and
	// marginLate the claims whose margin note follows the reference.
	notes      NotesFunc
	notesOf    []Notes
	marginLate []bool
	notesErr   error

	model      *textModel
	anchors    []*anchor.Match
	errs       []*ClaimError
	shortcodes ShortcodeErrors // shortcodes that are not scales
}

func findInDoc(d *anchor.Doc, q anchor.Quote) (anchor.Match, error) { return d.Find(q) }

// claimTransformer builds the article's text model, anchors each claim in it
// and wraps the anchored text in Mark nodes.
type claimTransformer struct{}

func (claimTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	j, _ := pc.Get(jobKey).(*job)
	if j == nil {
		return
	}
	j.model = buildModel(doc, j.path, reader.Source(), j.typo)
	j.model.doc.MaxWork = j.searchWork
	j.anchors = make([]*anchor.Match, len(j.claims))
	// Every claim is anchored before the tree changes: splitting and moving
	// nodes would invalidate the pieces' nodes and sibling links.
	for i := range j.claims {
		m, err := j.find(j.model.doc, j.claims[i].Quote)
		if err == nil {
			err = checkMatch(j.model, &m)
		}
		if err != nil {
			j.errs = append(j.errs, &ClaimError{Index: i, Err: err})
			continue
		}
		j.anchors[i] = &m
	}
	wrap(j, doc)
	if j.notes != nil {
		j.notesErr = placeNotes(j, doc)
	}
}

// checkMatch guards the wrapper against a match that does not fit the model.
func checkMatch(tm *textModel, m *anchor.Match) error {
	if len(m.Spans) == 0 {
		return fmt.Errorf("markup: match of %q has no spans", m.Exact)
	}
	for _, s := range m.Spans {
		if s.Ref < 0 || s.Ref >= len(tm.pieces) || s.Start < 0 || s.Start > s.End ||
			s.End > len(tm.pieces[s.Ref].text) {
			return fmt.Errorf("markup: match of %q has a bad span %+v", m.Exact, s)
		}
	}
	return nil
}
