package anchor

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// benchDoc returns an article of about words words in paragraphs of about
// 100, each split in pieces as inline formatting would, and its words.
func benchDoc(words int) (*Doc, []string) { return benchDocOf(words, 100) }

// benchDocOf is benchDoc with paragraphs of para words, give or take a
// fifth: with para at least twice words, the article is one paragraph.
func benchDocOf(words, para int) (*Doc, []string) {
	rng := rand.New(rand.NewPCG(7, 11))
	syllables := []string{"ka", "ro", "mi", "te", "su", "na", "lo", "vi", "da", "pe", "gu", "shi", "an", "or", "el"}
	vocab := make([]string, 3000)
	for i := range vocab {
		var w strings.Builder
		for range 1 + rng.IntN(4) {
			w.WriteString(syllables[rng.IntN(len(syllables))])
		}
		vocab[i] = w.String()
	}
	d := &Doc{Path: "content/big.md"}
	var all []string
	var src strings.Builder
	for len(all) < words {
		n := min(words-len(all), para*4/5+rng.IntN(para*2/5))
		para := make([]string, n)
		for i := range para {
			para[i] = vocab[rng.IntN(len(vocab))]
		}
		para[n-1] += "."
		all = append(all, para...)
		var pieces []Piece
		for i := 0; i < n; {
			j := min(n, i+10+rng.IntN(30))
			text := strings.Join(para[i:j], " ")
			if j < n {
				text += " "
			}
			pieces = append(pieces, Piece{Text: text, Offset: src.Len(), Ref: len(pieces)})
			src.WriteString(text)
			i = j
		}
		src.WriteString("\n\n")
		d.Blocks = append(d.Blocks, Block{Pieces: pieces})
	}
	d.Source = []byte(src.String())
	return d, all
}

// inParagraph returns the first word index from at where n words lie in
// one paragraph.
func inParagraph(all []string, at, n int) int {
	for i := at; i < at+n-1; i++ {
		if strings.HasSuffix(all[i], ".") {
			return inParagraph(all, i+1, n)
		}
	}
	return at
}

// missingQuote returns n words of the article from word at, with a typo in
// every fifth word, so that it is not found but has a closest passage.
func missingQuote(all []string, at, n int) string {
	ws := append([]string(nil), all[at:at+n]...)
	for i := 0; i < len(ws); i += 5 {
		ws[i] = ws[i][:len(ws[i])-1] + "x"
	}
	return strings.Join(ws, " ")
}

func BenchmarkNotFound100kWords(b *testing.B) {
	d, all := benchDoc(100_000)
	for _, n := range []int{8, 40} { // about 50 and 250 code points
		q := Quote{Exact: missingQuote(all, inParagraph(all, 73_001, n), n)}
		b.Run(map[int]string{8: "short", 40: "long"}[n], func(b *testing.B) {
			b.Run("cold", func(b *testing.B) { // the first Find builds the model
				for b.Loop() {
					d.norm = nil
					if _, err := d.Find(q); !errors.Is(err, ErrNotFound) {
						b.Fatal(err)
					}
				}
			})
			b.Run("warm", func(b *testing.B) {
				for b.Loop() {
					if _, err := d.Find(q); !errors.Is(err, ErrNotFound) {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// TestNotFoundInBigArticle checks that the closest passage is found in a big
// article (the benchmark's), where it is.
func TestNotFoundInBigArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("big article")
	}
	d, all := benchDoc(100_000)
	for _, n := range []int{8, 40} {
		at := inParagraph(all, 73_001, n)
		q := Quote{Exact: missingQuote(all, at, n)}
		_, err := d.Find(q)
		var e *Error
		if !errors.As(err, &e) || e.Kind != ErrNotFound {
			t.Fatalf("Find: %v, want ErrNotFound", err)
		}
		if want := strings.Join(all[at:at+n], " "); e.Suggest != want {
			t.Errorf("%d words: did you mean %q, want %q", n, e.Suggest, want)
		}
	}
}

// BenchmarkFind anchors the claims of an article of about 1,000 words:
// ten quotes of 5 to 12 words that are there, the common case of a build.
func BenchmarkFind(b *testing.B) {
	d, all := benchDoc(1_000)
	var quotes []Quote
	for i := range 10 {
		n := 5 + i%8
		at := inParagraph(all, i*90, n)
		quotes = append(quotes, Quote{Exact: strings.Join(all[at:at+n], " ")})
	}
	b.ReportAllocs()
	for b.Loop() {
		d.norm = nil // each article is anchored once: include building the model
		for _, q := range quotes {
			if _, err := d.Find(q); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// offByOneWord returns words joined by spaces, with the middle one changed:
// a quote of the whole paragraph that is not found but is one edit away.
func offByOneWord(words []string) string {
	ws := slices.Clone(words)
	ws[len(ws)/2] = "x" + ws[len(ws)/2]
	return strings.Join(ws, " ")
}

// BenchmarkClosestCutOff is the approximate search at its worst: quotes so
// long for their article that the search is cut off (see Doc.MaxWork).
func BenchmarkClosestCutOff(b *testing.B) {
	huge, hugeWords := benchDocOf(160_000, 320_000) // about 1 MB, one paragraph
	long, longWords := benchDocOf(950_000, 1_000)   // about 6 MB
	at := inParagraph(longWords, 500_000, 650)
	tests := []struct {
		name  string
		doc   *Doc
		quote Quote
	}{
		{name: "1MB quote in 1MB paragraph", doc: huge, quote: Quote{Exact: offByOneWord(hugeWords)}},
		{name: "4KB quote in 6MB article", doc: long, quote: Quote{Exact: missingQuote(longWords, at, 650)}},
	}
	for _, tt := range tests {
		tt.doc.Text() // build the model outside the loop
		b.Run(tt.name, func(b *testing.B) {
			for b.Loop() {
				tt.doc.Closest(tt.quote)
			}
		})
	}
}

// BenchmarkFindManyOccurrences is the exact search at its worst: the cases
// of TestFindManyOccurrences, a quote or a context that occurs at almost
// every byte of the article.
func BenchmarkFindManyOccurrences(b *testing.B) {
	for _, tt := range manyOccurrences() {
		d := mkDoc(b, "a.md", "", tt.block)
		d.Text() // build the model outside the loop
		b.Run(tt.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := d.Find(tt.quote); !errors.Is(err, tt.wantKind) {
					b.Fatal(err)
				}
			}
		})
	}
}
