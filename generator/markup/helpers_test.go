package markup

import (
	"fmt"
	"strings"

	"github.com/scholia/scholia/generator/anchor"
)

// naiveFind anchors a quote by exact search in the unnormalised text of each
// block: enough to test the wrapping on its own, independent of the matcher.
func naiveFind(d *anchor.Doc, q anchor.Quote) (anchor.Match, error) {
	type hit struct{ block, start int }
	var hits []hit
	for bi, b := range d.Blocks {
		if b.Skip {
			continue
		}
		var sb strings.Builder
		for _, p := range b.Pieces {
			sb.WriteString(p.Text)
		}
		t := sb.String()
		for i := 0; ; {
			k := strings.Index(t[i:], q.Exact)
			if k < 0 || q.Exact == "" {
				break
			}
			at := i + k
			if strings.HasSuffix(t[:at], q.Prefix) && strings.HasPrefix(t[at+len(q.Exact):], q.Suffix) {
				hits = append(hits, hit{bi, at})
			}
			i = at + 1
		}
	}
	if q.Occurrence > 0 {
		if q.Occurrence > len(hits) {
			return anchor.Match{}, &anchor.Error{Kind: anchor.ErrNotFound, Msg: "no such occurrence"}
		}
		hits = hits[q.Occurrence-1 : q.Occurrence]
	}
	switch {
	case len(hits) == 0:
		return anchor.Match{}, &anchor.Error{Kind: anchor.ErrNotFound, Msg: fmt.Sprintf("%q not found", q.Exact)}
	case len(hits) > 1:
		return anchor.Match{}, &anchor.Error{Kind: anchor.ErrAmbiguous, Msg: fmt.Sprintf("%q is ambiguous", q.Exact)}
	}
	h := hits[0]
	m := anchor.Match{Exact: q.Exact}
	off := 0
	for pi, p := range d.Blocks[h.block].Pieces {
		s, e := max(h.start, off)-off, min(h.start+len(q.Exact), off+len(p.Text))-off
		if s < e {
			m.Spans = append(m.Spans, anchor.Span{Block: h.block, Piece: pi, Start: s, End: e, Ref: p.Ref})
		}
		off += len(p.Text)
	}
	return m, nil
}
