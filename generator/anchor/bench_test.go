package anchor

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchDoc returns an article of about words words in paragraphs of about
// 100, each split in pieces as inline formatting would, and its words.
func benchDoc(words int) (*Doc, []string) {
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
		n := 80 + rng.IntN(40)
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
