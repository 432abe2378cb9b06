package anchor

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// cutOffMsg is Find's message for a search cut off at n steps.
func cutOffMsg(path string, n int) string {
	return fmt.Sprintf("quote not found in %s (search cut off at %d steps; shorten the quote to get a suggestion)", path, n)
}

func TestSearchCutOff(t *testing.T) {
	small := func() *Doc {
		return mkDoc(t, "content/a.md", "", blk("Intro."), blk("A video exclusive that their guns came from Russia."))
	}
	guns := Quote{Exact: "their guns originally came from Rusia"}
	var huge *Doc
	var hugeQuote Quote
	if !testing.Short() {
		var words []string
		huge, words = benchDocOf(160_000, 320_000) // about 1 MB, one paragraph
		hugeQuote = Quote{Exact: offByOneWord(words)}
	}
	tests := []struct {
		name        string
		doc         func() *Doc
		maxWork     int
		quote       Quote
		big         bool
		wantMsg     string
		wantClosest bool
	}{
		{
			name:        "the default completes",
			doc:         small,
			quote:       guns,
			wantMsg:     `quote not found in content/a.md; did you mean: "their guns came from Russia" (content/a.md:1:1)?`,
			wantClosest: true,
		},
		{
			name:    "a small cap cuts off the same search",
			doc:     small,
			maxWork: 20,
			quote:   guns,
			wantMsg: cutOffMsg("content/a.md", 20),
		},
		{
			name:    "1 MB quote one word off a 1 MB paragraph",
			doc:     func() *Doc { return huge },
			quote:   hugeQuote,
			big:     true,
			wantMsg: cutOffMsg("content/big.md", DefaultMaxWork),
		},
		{
			name:    "quote longer than the article: nothing to search",
			doc:     small,
			maxWork: 1,
			quote:   Quote{Exact: strings.Repeat("A video exclusive that their guns came from Russia. ", 3)},
			wantMsg: "quote not found in content/a.md, nor anything close to it",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.big && testing.Short() {
				t.Skip("big article")
			}
			d := tt.doc()
			d.MaxWork = tt.maxWork
			start := time.Now()
			_, err := d.Find(tt.quote)
			t.Logf("Find: %v", time.Since(start))
			if !errors.Is(err, ErrNotFound) {
				t.Fatalf("Find = %v, want ErrNotFound", err)
			}
			if diff := cmp.Diff(tt.wantMsg, err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
			start = time.Now()
			_, _, ok := d.Closest(tt.quote)
			t.Logf("Closest: %v", time.Since(start))
			if ok != tt.wantClosest {
				t.Errorf("Closest ok = %v, want %v", ok, tt.wantClosest)
			}
		})
	}
}

// TestSearchCutOffAnyCap checks that whatever the cap, the search gives its
// whole answer or says it was cut off at that cap, and that a larger cap
// never cuts off what a smaller one completed.
func TestSearchCutOffAnyCap(t *testing.T) {
	d := mkDoc(t, "a.md", "", blk("Officials: their guns came from Russia."), blk("Rebels: their guns came from Russia!"))
	q := Quote{Exact: "their guns cane from Rusia", Prefix: "Rebels: "}
	_, err := d.Find(q)
	full := err.Error()
	completed := 0
	for n := 1; n <= 400; n++ {
		// A fresh Doc each time: a Doc's quotes share a budget.
		d := mkDoc(t, "a.md", "", blk("Officials: their guns came from Russia."), blk("Rebels: their guns came from Russia!"))
		d.MaxWork = n
		_, err := d.Find(q)
		switch got := err.Error(); {
		case got == full:
			if completed == 0 {
				completed = n
			}
		case got == cutOffMsg("a.md", n):
			if completed > 0 {
				t.Fatalf("MaxWork %d cuts off what %d completed", n, completed)
			}
		default:
			t.Fatalf("MaxWork %d: %q, want %q or the cut-off", n, got, full)
		}
	}
	if completed == 0 {
		t.Fatalf("no cap up to 400 completes %q", full)
	}
	t.Logf("completes from MaxWork %d", completed)
}

// TestSearchBudgetOfADoc checks that the quotes not found in one article
// share ten times the cap on one: once they have used it, the rest are
// cut off at once, and say why.
func TestSearchBudgetOfADoc(t *testing.T) {
	d := mkDoc(t, "a.md", "", blk("Officials: their guns came from Russia."), blk("Rebels: their guns came from Russia!"))
	q := Quote{Exact: "their guns cane from Rusia"}
	d.MaxWork = 400
	suggested, spent := 0, ""
	for range 40 {
		_, err := d.Find(q)
		switch msg := err.Error(); {
		case strings.Contains(msg, "did you mean"):
			if spent != "" {
				t.Fatalf("a suggestion after the budget was spent: %s", msg)
			}
			suggested++
		case strings.Contains(msg, "have used up its 4000 steps"):
			spent = msg
		default:
			t.Fatalf("unexpected: %s", msg)
		}
	}
	if suggested == 0 || spent == "" {
		t.Fatalf("%d suggestions, spent %q: want some, then the budget spent", suggested, spent)
	}
	t.Logf("%d quotes searched before the budget ran out", suggested)
}

// TestSearchCutOffManyQuotes is the case of twenty quotes of 4 KB missing
// from an article of 6 MB with long paragraphs: each is cut off rather
// than searched for seconds.
func TestSearchCutOffManyQuotes(t *testing.T) {
	if testing.Short() {
		t.Skip("big article")
	}
	d, all := benchDocOf(950_000, 1_000)
	t.Logf("article: %d bytes, %d blocks", len(d.Text()), len(d.Blocks))
	start := time.Now()
	for i := range 20 {
		at := inParagraph(all, 20_000+i*45_000, 650)
		q := Quote{Exact: missingQuote(all, at, 650)}
		if i == 0 {
			t.Logf("quote: %d bytes", len(q.Exact))
		}
		_, err := d.Find(q)
		if diff := cmp.Diff(cutOffMsg("content/big.md", DefaultMaxWork), err.Error()); diff != "" {
			t.Fatalf("quote %d: message (-want +got):\n%s", i, diff)
		}
	}
	t.Logf("20 quotes: %v", time.Since(start))
}

// occurrenceCase is a quote or a context that occurs at almost every byte
// of an article, for TestFindManyOccurrences and
// BenchmarkFindManyOccurrences.
type occurrenceCase struct {
	name       string
	block      tblock
	quote      Quote
	wantKind   error
	wantPrefix string // of the message
	wantSuffix string
}

// manyOccurrences returns the occurrence cases.
func manyOccurrences() []occurrenceCase {
	as := strings.Repeat("a ", 1_000_000)
	return []occurrenceCase{
		{
			name:       `"a" in "a a a ..."`,
			block:      blk(as),
			quote:      Quote{Exact: "a"},
			wantKind:   ErrAmbiguous,
			wantPrefix: `quote is ambiguous: it matches 1000000 places: a.md:1:1 "[a] a a a a a a a a a…", a.md:1:1 "a [a] a a a a a a a a a…", `,
			wantSuffix: `, and 999990 more; add a prefix or suffix, or occurrence: N to pick one`,
		},
		{
			name:       "a long prefix that fits almost everywhere",
			block:      blk(as),
			quote:      Quote{Exact: "a", Prefix: as[:100_000]},
			wantKind:   ErrAmbiguous,
			wantPrefix: `quote is ambiguous: it matches 950000 places: a.md:1:1 "…a a a a a a a a a [a] a a a a a a a a a…", `,
			wantSuffix: `, and 949990 more; add a prefix or suffix, or occurrence: N to pick one`,
		},
		{
			name:       "a long suffix that fits nowhere, but the quote everywhere",
			block:      blk(as),
			quote:      Quote{Exact: "a", Suffix: as[:100_000] + "b"},
			wantKind:   ErrNotFound,
			wantPrefix: `quote not found with the given suffix in a.md, but without it the quote matches 1000000 places: `,
			wantSuffix: `, and 999990 more`,
		},
		{
			name:       "a long quote in a periodic text",
			block:      blk(strings.Repeat("a", 1_000_000)),
			quote:      Quote{Exact: strings.Repeat("a", 100_000)},
			wantKind:   ErrAmbiguous,
			wantPrefix: `quote is ambiguous: it matches 900001 places: a.md:1:1 "[aaaaaaaaaaaaaaaaaaaa … aaaaaaaaaaaaaaaaaaaa]aaaaaaaaaaaaaaaaaaaa…", `,
			wantSuffix: `, and 899991 more; add a prefix or suffix, or occurrence: N to pick one`,
		},
		{
			name:       `"a" in code`,
			block:      code(as),
			quote:      Quote{Exact: "a"},
			wantKind:   ErrInCode,
			wantPrefix: `quote is only in a code block or raw HTML, at a.md:1:1 (and 999999 more), which is never annotated`,
		},
	}
}

// TestFindManyOccurrences checks that such cases cost time linear in the
// article, and that the error lists at most maxPlaces places.
func TestFindManyOccurrences(t *testing.T) {
	for _, tt := range manyOccurrences() {
		t.Run(tt.name, func(t *testing.T) {
			d := mkDoc(t, "a.md", "", tt.block)
			start := time.Now()
			_, err := d.Find(tt.quote)
			t.Logf("Find: %v", time.Since(start))
			if !errors.Is(err, tt.wantKind) {
				t.Fatalf("Find = %.200v, want %v", err, tt.wantKind)
			}
			e := err.(*Error)
			if !strings.HasPrefix(e.Msg, tt.wantPrefix) || !strings.HasSuffix(e.Msg, tt.wantSuffix) {
				t.Errorf("message %.400q...%q,\nwant %q...%q", e.Msg, e.Msg[max(0, len(e.Msg)-200):], tt.wantPrefix, tt.wantSuffix)
			}
			if len(e.Places) > maxPlaces {
				t.Errorf("%d places, want at most %d", len(e.Places), maxPlaces)
			}
		})
	}
}

func TestIndexAll(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	randText := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "ab "[rng.IntN(3)]
		}
		return string(b)
	}
	tests := []struct {
		name      string
		text, pat string
	}{
		{name: "none", text: "abc", pat: "d"},
		{name: "overlapping", text: "aaaa", pat: "aa"},
		{name: "pattern longer than text", text: "ab", pat: "abc"},
		{name: "strings.Index then KMP", text: strings.Repeat("ab", 100_000), pat: "abababab"},
	}
	for i := range 50 {
		tests = append(tests, struct {
			name      string
			text, pat string
		}{name: fmt.Sprintf("random %d", i), text: randText(rng.IntN(200)), pat: randText(1 + rng.IntN(4))})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []int
			for i := 0; i+len(tt.pat) <= len(tt.text); i++ {
				if tt.text[i:i+len(tt.pat)] == tt.pat {
					want = append(want, i)
				}
			}
			if diff := cmp.Diff(want, slices.Collect(indexAll(tt.text, tt.pat))); diff != "" {
				t.Errorf("indexAll (-want +got):\n%s", diff)
			}
			var got []int
			kmp(tt.text, tt.pat, 0, func(i int) bool { got = append(got, i); return true })
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("kmp (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMarksFitLikeFits checks that the context marks filter uses past
// many occurrences agree with fits, on every place of short texts.
func TestMarksFitLikeFits(t *testing.T) {
	texts := []string{"a a a", "aa a  a", " a ab a", "ba a b"}
	contexts := []string{"", "a", "a ", " a", " ", "b a", "a a "}
	for _, text := range texts {
		for _, prefix := range contexts {
			for _, suffix := range contexts {
				mk := markContext(text, prefix, suffix)
				for s := 0; s <= len(text); s++ {
					for e := s; e <= len(text); e++ {
						o := occ{s: s, e: e}
						if got, want := mk.fits(o), fits(text, o, prefix, suffix); got != want {
							t.Errorf("text %q [%d:%d], prefix %q, suffix %q: marks say %v, fits %v", text, s, e, prefix, suffix, got, want)
						}
					}
				}
			}
		}
	}
}

// TestClosestManyCandidates checks that of more passages than are ranked,
// the one with the fewest edits is kept, however late it comes.
func TestClosestManyCandidates(t *testing.T) {
	var blocks []tblock
	for range 300 {
		blocks = append(blocks, blk("Officials said guns came from Russia."))
	}
	blocks = append(blocks, blk("Rebels said guns cane from Russia."))
	d := mkDoc(t, "a.md", "", blocks...)
	m, _, ok := d.Closest(Quote{Exact: "guns cane from Rusia"})
	if !ok || m.Spans[0].Block != 300 {
		t.Errorf("Closest = %+v, %v; want block 300", m, ok)
	}
}

func TestAddEndKeepsFewestErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, maxCandidates, 2 * maxCandidates, 1000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var all, kept []end
			for j := range n {
				en := end{j: j, errs: rng.IntN(5)}
				all = append(all, en)
				kept = addEnd(kept, en)
			}
			if diff := cmp.Diff(fewestErrors(all), fewestErrors(kept), cmp.AllowUnexported(end{})); diff != "" {
				t.Errorf("kept (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSteps(t *testing.T) {
	tests := []struct {
		name string
		m, n int
		want int
	}{
		{name: "one word", m: 64, n: 1000, want: 1000},
		{name: "words round up", m: 65, n: 1000, want: 2000},
		{name: "nothing searched", m: 1 << 40, n: 0, want: 0},
		{name: "saturates", m: 1 << 40, n: 1 << 40, want: math.MaxInt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := steps(tt.m, tt.n); got != tt.want {
				t.Errorf("steps(%d, %d) = %d, want %d", tt.m, tt.n, got, tt.want)
			}
		})
	}
}
