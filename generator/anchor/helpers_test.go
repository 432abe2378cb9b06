package anchor

import (
	"strings"
	"testing"
)

// tblock describes a block for mkDoc.
type tblock struct {
	pieces []string
	skip   bool
}

// blk is a block of pieces; code is a Skip block.
func blk(pieces ...string) tblock  { return tblock{pieces: pieces} }
func code(pieces ...string) tblock { return tblock{pieces: pieces, skip: true} }

// mkDoc builds a Doc at path from src: each piece's text is looked for in
// src after the previous piece, to fill Piece.Source byte by byte; a piece
// not found there (text the typographer made, resolved entities) gets
// Offset, the place where the previous piece ended. Ref numbers pieces from
// 1 in document order.
func mkDoc(t testing.TB, path, src string, blocks ...tblock) *Doc {
	t.Helper()
	d := &Doc{Path: path, Source: []byte(src)}
	at, ref := 0, 0
	for _, b := range blocks {
		var pieces []Piece
		for _, text := range b.pieces {
			ref++
			p := Piece{Text: text, Ref: ref, Offset: at}
			if i := strings.Index(src[at:], text); i >= 0 && text != "" {
				p.Source = make([]int, len(text))
				for k := range p.Source {
					p.Source[k] = at + i + k
				}
				at += i + len(text)
			}
			pieces = append(pieces, p)
		}
		d.Blocks = append(d.Blocks, Block{Pieces: pieces, Skip: b.skip})
	}
	return d
}

// spanText returns the text that m's spans cover in d, concatenated.
func spanText(d *Doc, m Match) string {
	var b strings.Builder
	for _, s := range m.Spans {
		b.WriteString(d.Blocks[s.Block].Pieces[s.Piece].Text[s.Start:s.End])
	}
	return b.String()
}

// checkMatch checks the invariants of a match of q in d: spans on UTF-8
// boundaries of their pieces, never empty, covering text that normalises to
// the quote; Start and End locating Exact in Text.
func checkMatch(t *testing.T, d *Doc, q Quote, m Match) {
	t.Helper()
	if len(m.Spans) == 0 {
		t.Fatalf("match without spans: %+v", m)
	}
	for _, s := range m.Spans {
		if s.Block < 0 || s.Block >= len(d.Blocks) || s.Piece < 0 || s.Piece >= len(d.Blocks[s.Block].Pieces) {
			t.Fatalf("span %+v: no such piece", s)
		}
		p := d.Blocks[s.Block].Pieces[s.Piece]
		if s.Start < 0 || s.Start >= s.End || s.End > len(p.Text) {
			t.Fatalf("span %+v: bad range for piece %q", s, p.Text)
		}
		if !onBoundary(p.Text, s.Start) || !onBoundary(p.Text, s.End) {
			t.Errorf("span %+v splits a character of %q", s, p.Text)
		}
		if s.Ref != p.Ref {
			t.Errorf("span %+v: Ref, want %d", s, p.Ref)
		}
	}
	if got, want := Normalize(spanText(d, m)), Normalize(q.Exact); got != want {
		t.Errorf("spans cover %q, normalised %q; want %q", spanText(d, m), got, want)
	}
	if m.Exact != Normalize(q.Exact) {
		t.Errorf("Exact = %q, want %q", m.Exact, Normalize(q.Exact))
	}
	text := []rune(d.Text())
	if m.Start < 0 || m.Start > m.End || m.End > len(text) || string(text[m.Start:m.End]) != m.Exact {
		t.Errorf("Start, End = %d, %d do not locate %q in Text %q", m.Start, m.End, m.Exact, d.Text())
	}
}
