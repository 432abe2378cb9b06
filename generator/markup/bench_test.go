package markup

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/scholia/scholia/generator/anchor"
)

// largeArticle returns an article of n sections, each a heading, two
// paragraphs with emphasis, links, code and typographer quotes, a list and
// a code block, and one claim per paragraph, list item and heading.
func largeArticle(n int) ([]byte, []Claim) {
	var b strings.Builder
	var claims []Claim
	add := func(id, quote string) {
		claims = append(claims, Claim{ID: id, Rating: "mixed", Label: "Mixed", Quote: anchor.Quote{Exact: quote}})
	}
	for i := range n {
		fmt.Fprintf(&b, "## Section %d on public spending\n\n", i)
		fmt.Fprintf(&b, "In year %d the ministry said the *new* budget [cuts **every** department](https://example.org/%d) by `%d%%` -- "+
			"a claim that \"experts\" dispute. Officials added that the deficit of region %d fell\nby half since the last election.\n\n", 2000+i, i, i%40, i)
		fmt.Fprintf(&b, "Critics of plan %d say it's 'unfunded' and that schools &amp; hospitals lose out; "+
			"the opposition leader called it a \"fiscal fantasy\" in debate %d.\n\n", i, i)
		fmt.Fprintf(&b, "- Unemployment in district %d fell sharply\n- Exports of batch %d doubled\n\n", i, i)
		fmt.Fprintf(&b, "```go\nfunc section%d() int { return %d }\n```\n\n", i, i)
		add(fmt.Sprintf("h%d", i), fmt.Sprintf("Section %d on public", i))
		add(fmt.Sprintf("cuts%d", i), fmt.Sprintf("year %d the ministry said the new budget cuts every department by %d%%", 2000+i, i%40))
		add(fmt.Sprintf("deficit%d", i), fmt.Sprintf("deficit of region %d fell by half", i))
		add(fmt.Sprintf("plan%d", i), fmt.Sprintf("plan %d say it's 'unfunded' and that schools & hospitals", i))
		add(fmt.Sprintf("fantasy%d", i), fmt.Sprintf("\"fiscal fantasy\" in debate %d.", i))
		add(fmt.Sprintf("jobs%d", i), fmt.Sprintf("district %d fell sharply", i))
	}
	return []byte(b.String()), claims
}

func BenchmarkArticle(b *testing.B) {
	src, claims := largeArticle(100)
	r := New(Options{})
	res, err := r.Article("big.md", src, claims)
	if err != nil || len(res.Errors) > 0 {
		b.Fatalf("%v %v", err, res.Errors)
	}
	b.Logf("%d bytes of Markdown, %d claims, %d bytes of HTML", len(src), len(claims), len(res.HTML))
	for _, bc := range []struct {
		name   string
		claims []Claim
	}{{"claims", claims}, {"no-claims", nil}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := r.Article("big.md", src, bc.claims); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestLargeArticle checks the invariant on the benchmark's article.
func TestLargeArticle(t *testing.T) {
	src, claims := largeArticle(20)
	r := New(Options{})
	got, err := r.Article("big.md", src, claims)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Errors) > 0 {
		t.Fatalf("errors: %v", got.Errors)
	}
	plain, err := r.Article("big.md", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariant(t, string(plain.HTML), string(got.HTML), claims, got)
}

// TestConcurrentArticles renders from many goroutines with one Renderer
// (run with -race): the per-call state must stay in the parser context.
func TestConcurrentArticles(t *testing.T) {
	r := New(Options{})
	type input struct {
		src    []byte
		claims []Claim
		want   []byte
	}
	var inputs []input
	for n := 1; n <= 4; n++ {
		src, claims := largeArticle(n)
		res, err := r.Article("a.md", src, claims[:len(claims)-n])
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, input{src, claims[:len(claims)-n], res.HTML})
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 5 {
				in := inputs[(g+i)%len(inputs)]
				res, err := r.Article("a.md", in.src, in.claims)
				if err != nil || !bytes.Equal(res.HTML, in.want) {
					t.Errorf("goroutine %d: different output (err %v)", g, err)
				}
				_ = r.Note("claim-x", "A *note* with [a link](https://example.org).")
			}
		})
	}
	wg.Wait()
}
