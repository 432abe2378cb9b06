package anchor

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
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

// fuzzMaxWork is the cap of the second Doc that FuzzFind checks: small
// enough to cut off most approximate searches of its inputs.
const fuzzMaxWork = 50

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
	// Hostile shapes, small: more matches than an error lists, long
	// contexts that fit almost everywhere, a periodic quote, a quote
	// longer than the article, one a word off the whole article (cut off
	// at fuzzMaxWork), a word too long to suggest as a prefix, a quote of
	// many different code points.
	as := strings.Repeat("a ", 30)
	f.Add(as, "a", "", "", 0)
	f.Add(as, "a", as[:12], " a a", 0)
	f.Add("b "+as+"|b a", "a", "", " a a", 2)
	f.Add(strings.Repeat("a", 50), strings.Repeat("a", 20), "", "", 0)
	f.Add("one two three", "one two three four five six seven eight nine ten", "", "", 0)
	f.Add("the quick brown fox jumps over the lazy dog", "the quick brown fox jumps over the lazzy dog", "", "", 0)
	f.Add(strings.Repeat("x", 300)+" a b a", "a", "", "", 0)
	f.Add("b xa c x a", "a", "", "", 0) // the prefix "x" fits "x a" too
	f.Add("```\n"+as+"\n\nb", "a", "", "", 0)
	f.Add("漢字かな交じり文の例です。", "漢字カナ交じり文の例でした。", "", "", 0)
	f.Fuzz(func(t *testing.T, text, quote, prefix, suffix string, occurrence int) {
		d, capped := fuzzDoc(text), fuzzDoc(text)
		capped.MaxWork = fuzzMaxWork
		q := Quote{Exact: quote, Prefix: prefix, Suffix: suffix, Occurrence: occurrence}
		m, err := d.Find(q)
		checkFuzzResult(t, d, q, m, err)
		// A cap withholds the closest passage, never changes an answer.
		cm, cerr := capped.Find(q)
		checkFuzzResult(t, capped, q, cm, cerr)
		switch {
		case (err == nil) != (cerr == nil):
			t.Fatalf("Find = %v, with MaxWork %d %v", err, fuzzMaxWork, cerr)
		case err == nil:
			if diff := cmp.Diff(m, cm); diff != "" {
				t.Fatalf("with MaxWork %d, Find (-default +capped):\n%s", fuzzMaxWork, diff)
			}
		case err.Error() != cerr.Error() && (!errors.Is(err, ErrNotFound) || !strings.Contains(cerr.Error(), "search cut off")):
			t.Fatalf("Find = %v, with MaxWork %d %v", err, fuzzMaxWork, cerr)
		}
		m, score, ok := d.Closest(q)
		if ok {
			if score < 0 || score > 1 {
				t.Fatalf("Closest score %v", score)
			}
			checkFuzzMatch(t, d, m.Exact, m)
		}
		if cm, cscore, cok := capped.Closest(q); cok && (!ok || cscore != score || !cmp.Equal(m, cm)) {
			t.Fatalf("with MaxWork %d, Closest = %+v, %v; without %+v, %v, %v", fuzzMaxWork, cm, cscore, m, score, ok)
		}
		checkFuzzContext(t, d, q)
	})
}

// checkFuzzResult checks what holds for any result of Find(q) on d: a
// match of the normalised quote, or an *Error of a known kind whose message
// is one line, lists at most maxPlaces places and, when it says the search
// was cut off, names d's cap.
func checkFuzzResult(t *testing.T, d *Doc, q Quote, m Match, err error) {
	t.Helper()
	if err == nil {
		checkFuzzMatch(t, d, Normalize(q.Exact), m)
		return
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Find: %T is not an *Error: %v", err, err)
	}
	known := false
	for _, k := range []error{ErrNotFound, ErrAmbiguous, ErrCrossBlock, ErrInCode, ErrEmpty} {
		known = known || errors.Is(err, k)
	}
	if !known || strings.ContainsAny(e.Msg, "\n\r") || len(e.Places) > maxPlaces {
		t.Fatalf("Find: bad error %q (kind %v, %d places)", e.Msg, e.Kind, len(e.Places))
	}
	if strings.Contains(e.Msg, "search cut off") && e.Msg != cutOffMsg(d.Path, d.maxWork()) {
		t.Fatalf("Find: %q, want the cut-off at %d", e.Msg, d.maxWork())
	}
}

// checkFuzzContext checks the two ways of testing a context against the
// other: the marks that filter uses past many occurrences against fits, and
// the suggested prefix against trying each run of words on every match.
func checkFuzzContext(t *testing.T, d *Doc, q Quote) {
	t.Helper()
	exact := Normalize(q.Exact)
	if exact == "" {
		return
	}
	nd := d.model()
	prefix, suffix := normalizeContext(q.Prefix), normalizeContext(q.Suffix)
	f := nd.occurrences(exact)
	mk := markContext(nd.text, prefix, suffix)
	for _, o := range f.match {
		if got, want := mk.fits(o), fits(nd.text, o, prefix, suffix); got != want {
			t.Fatalf("at %d:%d, marks fit %v, fits %v", o.s, o.e, got, want)
		}
	}
	if left := filter(nd.text, f.match, prefix, suffix); len(left) > 1 {
		got := suggestPrefix(nd.text, f.match, left[0], suffix)
		if want := naiveSuggestPrefix(nd.text, f.match, left[0], suffix); got != want {
			t.Fatalf("suggestPrefix = %q, want %q", got, want)
		}
	}
}

// naiveSuggestPrefix is suggestPrefix as its doc says: each run of words
// tried on every match.
func naiveSuggestPrefix(text string, all []occ, first occ, suffix string) string {
	before := text[:first.s]
	i := len(before)
	for words := 0; words < maxSuggestWords && i > 0; words++ {
		i = strings.LastIndexByte(strings.TrimRight(before[:i], " "), ' ') + 1
		cand := before[i:]
		if len(cand) > maxSuggestBytes {
			break
		}
		n := 0
		for _, o := range all {
			if fits(text, o, cand, suffix) {
				n++
			}
		}
		if n == 1 {
			return cand
		}
	}
	return ""
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
	text := []rune(d.Text())
	if m.Start < 0 || m.Start > m.End || m.End > len(text) {
		t.Fatalf("Start, End = %d, %d; Text has %d code points", m.Start, m.End, len(text))
	}
	if got := string(text[m.Start:m.End]); got != m.Exact {
		t.Fatalf("Text[%d:%d] = %q, Exact %q", m.Start, m.End, got, m.Exact)
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
