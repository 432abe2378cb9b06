package anchor

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzDoc builds a Doc from text: blocks are separated by "\n\n", pieces by
// "|"; a block that starts with "```" is a Skip block. Pieces map to their
// place in text.
func fuzzDoc(text string) *Doc {
	d := &Doc{Path: "f.md", Source: []byte(text)}
	pos := 0
	for i, b := range strings.Split(text, "\n\n") {
		if i > 0 {
			pos += 2
		}
		blk := Block{Skip: strings.HasPrefix(b, "```")}
		for j, p := range strings.Split(b, "|") {
			if j > 0 {
				pos++
			}
			src := make([]int, len(p))
			for k := range src {
				src[k] = pos + k
			}
			if j%2 == 1 {
				src = nil // as for text the typographer made
			}
			blk.Pieces = append(blk.Pieces, Piece{Text: p, Ref: j, Source: src, Offset: pos})
			pos += len(p)
		}
		d.Blocks = append(d.Blocks, blk)
	}
	return d
}

func FuzzFind(f *testing.F) {
	f.Add("A video |exclusive| that their guns came from Russia.\n\nAnd their guns came.", "their guns", "that ", "", 0)
	f.Add("He said “no”|—| and it’s over…", `said "no" -- and it's over...`, "", "", 0)
	f.Add("Le cafe\u0301 est| noir\n\n```\ncafé", "café", "", " est", 0)
	f.Add("Москва — столица России.|他们的枪来自俄罗斯|👨‍👩‍👧 🇫🇷", "России.他们", "", "", 0)
	f.Add("aaa|aa\n\naaaa", "aa", "", "", 3)
	f.Add("x\xff\xc3|\xa9y  z", "\xa9y z", "", "", 0)
	f.Add("one two\n\nthree four", "two three", "", "", 0)
	f.Add("their guns originaly came from Russia", "their guns originally came from Russia", "", "", 0)
	f.Add("\u1100|\u1161\u11a8 e\u0301\u0327", "\uac01 \u0229", "", "", 1)
	f.Fuzz(func(t *testing.T, text, quote, prefix, suffix string, occurrence int) {
		d := fuzzDoc(text)
		q := Quote{Exact: quote, Prefix: prefix, Suffix: suffix, Occurrence: occurrence}
		m, err := d.Find(q)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Find: %T is not an *Error: %v", err, err)
			}
			known := false
			for _, k := range []error{ErrNotFound, ErrAmbiguous, ErrCrossBlock, ErrInCode, ErrEmpty} {
				known = known || errors.Is(err, k)
			}
			if !known || strings.ContainsAny(e.Msg, "\n\r") {
				t.Fatalf("Find: bad error %q (kind %v)", e.Msg, e.Kind)
			}
		} else {
			checkFuzzMatch(t, d, Normalize(quote), m)
		}
		if m, score, ok := d.Closest(q); ok {
			if score < 0 || score > 1 {
				t.Fatalf("Closest score %v", score)
			}
			checkFuzzMatch(t, d, m.Exact, m)
		}
	})
}

// checkFuzzMatch checks what holds for any match: valid spans that cover
// text normalising to want, and Start, End within Text.
func checkFuzzMatch(t *testing.T, d *Doc, want string, m Match) {
	t.Helper()
	if len(m.Spans) == 0 {
		t.Fatalf("match without spans: %+v", m)
	}
	var b strings.Builder
	for _, s := range m.Spans {
		if s.Block < 0 || s.Block >= len(d.Blocks) || s.Piece < 0 || s.Piece >= len(d.Blocks[s.Block].Pieces) {
			t.Fatalf("span %+v: no such piece", s)
		}
		p := d.Blocks[s.Block].Pieces[s.Piece].Text
		if s.Start < 0 || s.Start >= s.End || s.End > len(p) {
			t.Fatalf("span %+v: bad range for piece %q", s, p)
		}
		if !onBoundary(p, s.Start) || !onBoundary(p, s.End) {
			t.Fatalf("span %+v splits a character of %q", s, p)
		}
		b.WriteString(p[s.Start:s.End])
	}
	if got := Normalize(b.String()); got != want {
		t.Fatalf("spans cover %q, normalised %q; want %q", b.String(), got, want)
	}
	if m.Start > m.End || m.End > utf8.RuneCountInString(d.Text()) {
		t.Fatalf("Start, End = %d, %d; Text has %d code points", m.Start, m.End, utf8.RuneCountInString(d.Text()))
	}
	if m.Line < 0 || m.Col < 0 || (m.Line > 0) != (m.Col > 0) {
		t.Fatalf("Line, Col = %d, %d", m.Line, m.Col)
	}
}

// onBoundary reports whether byte off of s is where decoding s from its
// start begins a character (or ends s): a span may cut between invalid
// bytes, never inside a valid UTF-8 sequence.
func onBoundary(s string, off int) bool {
	for i := 0; i < len(s); {
		if i == off {
			return true
		}
		if i > off {
			return false
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return off == len(s)
}
