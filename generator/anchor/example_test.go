package anchor_test

import (
	"errors"
	"fmt"

	"github.com/scholia/scholia/generator/anchor"
)

func ExampleDoc_Find() {
	src := []byte("A video *exclusive* that their guns came from Russia.\n")
	d := &anchor.Doc{Path: "content/a.md", Source: src, Blocks: []anchor.Block{{
		Pieces: []anchor.Piece{
			{Text: "A video ", Ref: 1, Source: []int{0, 1, 2, 3, 4, 5, 6, 7}},
			{Text: "exclusive", Ref: 2, Offset: 9},
			// Without a Source map, every byte of a piece is at its Offset.
			{Text: " that their guns came from Russia.", Ref: 3, Source: seq(19, 34)},
		},
	}}}
	m, err := d.Find(anchor.Quote{Exact: "video exclusive\n that"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range m.Spans {
		fmt.Printf("piece %d (ref %d): bytes %d..%d\n", s.Piece, s.Ref, s.Start, s.End)
	}
	fmt.Printf("%q at code points %d..%d, line %d col %d\n", m.Exact, m.Start, m.End, m.Line, m.Col)

	_, err = d.Find(anchor.Quote{Exact: "their guns originally came from Russia"})
	fmt.Println(errors.Is(err, anchor.ErrNotFound), err)
	// Output:
	// piece 0 (ref 1): bytes 2..8
	// piece 1 (ref 2): bytes 0..9
	// piece 2 (ref 3): bytes 0..5
	// "video exclusive that" at code points 2..22, line 1 col 3
	// true quote not found in content/a.md; did you mean: "their guns came from Russia" (content/a.md:1:26)?
}

func ExampleNormalize() {
	fmt.Println(anchor.Normalize("  “It’s 10–20\u00a0km…”  said  the cafe\u0301 --- twice "))
	// Output:
	// "It's 10-20 km..." said the café - twice
}

// seq returns n source offsets from start.
func seq(start, n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = start + i
	}
	return s
}
