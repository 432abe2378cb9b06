package markup

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/scholia/scholia/generator/anchor"
)

const specPath = "testdata/commonmark/spec.json"

type specExample struct {
	Markdown string `json:"markdown"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

func loadSpec(t testing.TB) []specExample {
	t.Helper()
	data, err := os.ReadFile(specPath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the CommonMark examples %s are missing", specPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	var ex []specExample
	if err := json.Unmarshal(data, &ex); err != nil {
		t.Fatal(err)
	}
	return ex
}

// spanStats counts what became of the random spans of TestSpecProperty.
type spanStats struct {
	spans, atPlace, elsewhere, unaddressable int
	why                                      map[string]int
}

// TestSpecProperty renders every CommonMark spec example with claims quoting
// random passages of its text and checks the section 7 invariant on each,
// with raw HTML omitted and kept (where raw links are in play).
func TestSpecProperty(t *testing.T) {
	examples := loadSpec(t)
	for _, unsafe := range []bool{false, true} {
		t.Run(map[bool]string{false: "safe", true: "unsafe"}[unsafe], func(t *testing.T) {
			rng := rand.New(rand.NewPCG(2026, 7))
			r := New(Options{Unsafe: unsafe})
			st := spanStats{why: map[string]int{}}
			for _, ex := range examples {
				seed := rng.Uint64()
				t.Run(fmt.Sprintf("example-%d", ex.Example), func(t *testing.T) {
					checkExample(t, r, ex, rand.New(rand.NewPCG(seed, 1)), &st)
				})
			}
			t.Logf("%d examples, %d spans: %d anchored at the chosen place, %d anchored at an equal passage elsewhere, %d not uniquely addressable %v",
				len(examples), st.spans, st.atPlace, st.elsewhere, st.unaddressable, st.why)
			if st.spans < len(examples) || st.atPlace*100 < st.spans*95 {
				t.Errorf("too few spans anchored at their place: %d of %d", st.atPlace, st.spans)
			}
		})
	}
}

const spansPerExample = 4

func checkExample(t *testing.T, r *Renderer, ex specExample, rng *rand.Rand, st *spanStats) {
	src := []byte(ex.Markdown)
	plain, err := r.Article("spec.md", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	doc := plain.Doc
	var blocks []int
	for bi, b := range doc.Blocks {
		if !b.Skip && anchor.Normalize(blockText(b)) != "" {
			blocks = append(blocks, bi)
		}
	}
	if len(blocks) == 0 {
		return
	}
	var claims []Claim
	for n := 0; n < spansPerExample; n++ {
		bi := blocks[rng.IntN(len(blocks))]
		text := blockText(doc.Blocks[bi])
		s, e, ok := randomSpan(rng, text)
		if !ok {
			continue
		}
		st.spans++
		q, where := addressSpan(doc, bi, text, s, e)
		switch where {
		case "here":
			st.atPlace++
		case "elsewhere":
			st.elsewhere++
		default:
			st.unaddressable++
			st.why[where]++
			t.Logf("span %q of block %d not addressable: %s", text[s:e], bi, where)
			continue
		}
		claims = append(claims, Claim{ID: fmt.Sprintf("c%d", n), Rating: "mixed", Label: "Mixed", Quote: q})
	}
	// With the theme's notes inserted too: the margin notes, disclosures
	// and numbered references must strip away as well.
	got, err := r.ArticleNotes("spec.md", src, claims, testNotes(claims))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range got.Errors {
		if r.unsafe && errors.Is(e, ErrInRawLink) {
			continue // a raw link left open: no claim can end in it
		}
		t.Errorf("claim %d was anchored alone but not with the others: %v", e.Index, e)
	}
	checkInvariant(t, string(plain.HTML), string(got.HTML), claims, got)
	// Raw HTML may leave tags open, which the checker cannot follow.
	if checkNesting(string(plain.HTML), true) == nil {
		if err := checkContentModel(string(got.HTML)); err != nil {
			t.Errorf("%v\n%s", err, got.HTML)
		}
	}
}

func blockText(b anchor.Block) string {
	var sb strings.Builder
	for _, p := range b.Pieces {
		sb.WriteString(p.Text)
	}
	return sb.String()
}

// randomSpan picks [s, e) on rune boundaries with some non-space text.
func randomSpan(rng *rand.Rand, text string) (int, int, bool) {
	var starts []int
	for i := range text {
		starts = append(starts, i)
	}
	starts = append(starts, len(text))
	for range 20 {
		a, b := rng.IntN(len(starts)), rng.IntN(len(starts))
		if a > b {
			a, b = b, a
		}
		if b-a > 40 { // keep quotes short enough to be realistic
			b = a + 1 + rng.IntN(40)
		}
		s, e := starts[a], starts[b]
		if anchor.Normalize(text[s:e]) != "" {
			return s, e, true
		}
	}
	return 0, 0, false
}

// addressSpan finds a quote that anchors text[s:e] of block bi: the exact
// text alone, then with up to 32 code points of context on either side,
// then with an occurrence (with and without the context). where is "here", "elsewhere" (an equal passage
// was matched: the invariants still hold) or why it is not addressable.
func addressSpan(doc *anchor.Doc, bi int, text string, s, e int) (anchor.Quote, string) {
	exact := text[s:e]
	wantStart := s + len(exact) - len(strings.TrimLeftFunc(exact, unicode.IsSpace))
	at := func(m anchor.Match) bool {
		sp := m.Spans[0]
		if sp.Block != bi {
			return false
		}
		off := 0
		for _, p := range doc.Blocks[bi].Pieces[:sp.Piece] {
			off += len(p.Text)
		}
		return off+sp.Start == wantStart
	}
	ctx := anchor.Quote{Exact: exact, Prefix: lastRunes(text[:s], 32), Suffix: firstRunes(text[e:], 32)}
	var firstOK *anchor.Quote
	why := ""
	try := func(q anchor.Quote) bool {
		m, err := doc.Find(q)
		var ae *anchor.Error
		switch {
		case err == nil && at(m):
			return true
		case err == nil:
			if firstOK == nil {
				firstOK = &q
			}
		case errors.As(err, &ae):
			why = ae.Kind.Error()
		default:
			why = err.Error()
		}
		return false
	}
	for _, q := range []anchor.Quote{{Exact: exact}, ctx} {
		if try(q) {
			return q, "here"
		}
	}
	for _, base := range []anchor.Quote{ctx, {Exact: exact}} {
		for occ := 1; occ <= 64; occ++ {
			q := base
			q.Occurrence = occ
			if try(q) {
				return q, "here"
			}
			if _, err := doc.Find(q); err != nil {
				break
			}
		}
	}
	if firstOK != nil {
		return *firstOK, "elsewhere"
	}
	return anchor.Quote{}, why
}

func lastRunes(s string, n int) string {
	for i := len(s); i > 0; {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if n--; n == 0 {
			return s[i:]
		}
	}
	return s
}

func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
