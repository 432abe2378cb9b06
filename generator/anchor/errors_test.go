package anchor

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFindErrors(t *testing.T) {
	const src = "# Guns\n\n" + // 1
		"A video exclusive that their guns came from Russia.\n\n" + // 3
		"Officials said their guns came from Iran.\n\n" + // 5
		"```\nprint(\"from the Kremlin\")\n```\n\n" + // 7..9
		"The end.\n" // 11
	blocks := []tblock{
		blk("Guns"),
		blk("A video ", "exclusive", " that their guns came from Russia."),
		blk("Officials said their guns came from Iran."),
		code("print(\"from the Kremlin\")\n"),
		blk("The end."),
	}
	tests := []struct {
		name        string
		quote       Quote
		wantKind    error
		wantMsg     string
		wantPlaces  []Place
		wantSuggest string
	}{
		{
			name:     "ambiguous",
			quote:    Quote{Exact: "their guns came"},
			wantKind: ErrAmbiguous,
			wantMsg: `quote is ambiguous: it matches 2 places: ` +
				`content/a.md:3:24 "…exclusive that [their guns came] from Russia.…", ` +
				`content/a.md:5:16 "…Officials said [their guns came] from Iran.…"; ` +
				`add prefix: "that " (or occurrence: 1) to pick the first`,
			wantPlaces: []Place{
				{Line: 3, Col: 24, Context: "…exclusive that [their guns came] from Russia.…"},
				{Line: 5, Col: 16, Context: "…Officials said [their guns came] from Iran.…"},
			},
			wantSuggest: "that ",
		},
		{
			name:     "ambiguous with a suffix that fits both",
			quote:    Quote{Exact: "guns", Suffix: " came from"},
			wantKind: ErrAmbiguous,
			wantMsg: `quote is ambiguous: it matches 2 places: ` +
				`content/a.md:3:30 "…that their [guns] came from Russia.…", ` +
				`content/a.md:5:22 "…said their [guns] came from Iran.…"; ` +
				`add prefix: "that their " (or occurrence: 1) to pick the first`,
			wantPlaces: []Place{
				{Line: 3, Col: 30, Context: "…that their [guns] came from Russia.…"},
				{Line: 5, Col: 22, Context: "…said their [guns] came from Iran.…"},
			},
			wantSuggest: "that their ",
		},
		{
			name:     "not found",
			quote:    Quote{Exact: "their guns originally came from Rusia"},
			wantKind: ErrNotFound,
			wantMsg:  `quote not found in content/a.md; did you mean: "their guns came from Russia" (content/a.md:3:24)?`,
			wantPlaces: []Place{
				{Line: 3, Col: 24, Context: "…exclusive that [their guns came from Russia]. Officials said…"},
			},
			wantSuggest: "their guns came from Russia",
		},
		{
			name:     "found, but not with the given suffix",
			quote:    Quote{Exact: "Officials said their gun", Suffix: "s came from Russia"},
			wantKind: ErrNotFound,
			wantMsg:  `quote not found with the given suffix in content/a.md, but without it the quote matches 1 place: content/a.md:5:1 "…came from Russia. [Officials said their gun]s came from Iran.…"`,
			wantPlaces: []Place{
				{Line: 5, Col: 1, Context: "…came from Russia. [Officials said their gun]s came from Iran.…"},
			},
		},
		{
			name:     "nothing close",
			quote:    Quote{Exact: "zebra quagga"},
			wantKind: ErrNotFound,
			wantMsg:  "quote not found in content/a.md, nor anything close to it",
		},
		{
			name:     "occurrence out of range",
			quote:    Quote{Exact: "came from", Occurrence: 3},
			wantKind: ErrNotFound,
			wantMsg: `occurrence: 3 is out of range: the quote matches only 2 places: ` +
				`content/a.md:3:35 "…that their guns [came from] Russia. Officials…", ` +
				`content/a.md:5:27 "…said their guns [came from] Iran. print(\"from…"`,
			wantPlaces: []Place{
				{Line: 3, Col: 35, Context: "…that their guns [came from] Russia. Officials…"},
				{Line: 5, Col: 27, Context: `…said their guns [came from] Iran. print("from…`},
			},
		},
		{
			name:     "negative occurrence",
			quote:    Quote{Exact: "Guns", Occurrence: -1},
			wantKind: ErrNotFound,
			wantMsg:  "occurrence: -1 is not a place; occurrences count from 1",
		},
		{
			name:     "crosses blocks",
			quote:    Quote{Exact: "from Iran. print"},
			wantKind: ErrCrossBlock,
			wantMsg:  "quote crosses blocks: it starts at content/a.md:5:32 and ends at content/a.md:8:5; a claim must lie within one paragraph, heading, list item or table cell",
			wantPlaces: []Place{
				{Line: 5, Col: 32, Context: `…their guns came [from Iran. print]("from the…`},
				{Line: 8, Col: 5, Context: `…from Iran. prin[t]("from the…`},
			},
		},
		{
			name:     "in code",
			quote:    Quote{Exact: "the Kremlin"},
			wantKind: ErrInCode,
			wantMsg:  "quote is only in a code block or raw HTML, at content/a.md:8:13, which is never annotated",
			wantPlaces: []Place{
				{Line: 8, Col: 13, Context: `…Iran. print("from [the Kremlin]") The end.`},
			},
		},
		{
			name:     "empty",
			quote:    Quote{Exact: " \n ", Prefix: "x"},
			wantKind: ErrEmpty,
			wantMsg:  "quote is empty",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mkDoc(t, "content/a.md", src, blocks...)
			_, err := d.Find(tt.quote)
			if !errors.Is(err, tt.wantKind) {
				t.Fatalf("Find(%+v) = %v, want %v", tt.quote, err, tt.wantKind)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Find: %T is not an *Error", err)
			}
			if diff := cmp.Diff(tt.wantMsg, e.Msg); diff != "" {
				t.Errorf("Msg (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantPlaces, e.Places); diff != "" {
				t.Errorf("Places (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantSuggest, e.Suggest); diff != "" {
				t.Errorf("Suggest (-want +got):\n%s", diff)
			}
			if tt.wantKind == ErrAmbiguous {
				// The suggested prefix anchors the quote at the first place.
				q := tt.quote
				q.Prefix = e.Suggest
				m, err := d.Find(q)
				if err != nil {
					t.Fatalf("with the suggested prefix: %v", err)
				}
				if m.Line != e.Places[0].Line || m.Col != e.Places[0].Col {
					t.Errorf("with the suggested prefix: anchored at %d:%d, want the first place %d:%d", m.Line, m.Col, e.Places[0].Line, e.Places[0].Col)
				}
			}
		})
	}
}

func TestAmbiguousWithoutPrefix(t *testing.T) {
	tests := []struct {
		name    string
		blocks  []tblock
		quote   Quote
		wantMsg string
	}{
		{
			name:    "overlapping matches",
			blocks:  []tblock{blk("aaa")},
			quote:   Quote{Exact: "aa"},
			wantMsg: `quote is ambiguous: it matches 2 places: a.md "[aa]a", a.md "a[aa]"; add a prefix or suffix, or occurrence: N to pick one`,
		},
		{
			name:    "same paragraph twice: the first cannot be told by its prefix",
			blocks:  []tblock{blk("Same."), blk("Same.")},
			quote:   Quote{Exact: "Same."},
			wantMsg: `quote is ambiguous: it matches 2 places: a.md "[Same.] Same.", a.md "Same. [Same.]"; add a prefix or suffix, or occurrence: N to pick one`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Doc{Path: "a.md"}
			for _, b := range tt.blocks {
				d.Blocks = append(d.Blocks, Block{Pieces: []Piece{{Text: b.pieces[0]}}})
			}
			_, err := d.Find(tt.quote)
			if !errors.Is(err, ErrAmbiguous) {
				t.Fatalf("Find = %v, want ErrAmbiguous", err)
			}
			if diff := cmp.Diff(tt.wantMsg, err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
			if got := err.(*Error).Suggest; got != "" {
				t.Errorf("Suggest = %q, want none", got)
			}
		})
	}
}

func TestClosest(t *testing.T) {
	d := mkDoc(t, "content/a.md", "", blk("Intro."), blk("The report says their guns came from Russian sources in 2017."))
	twoDoc := mkDoc(t, "a.md", "Officials: guns came from Russia.\n\nRebels: guns came from Russia!\n",
		blk("Officials: guns came from Russia."), blk("Rebels: guns came from Russia!"))
	tests := []struct {
		name      string
		doc       *Doc // default: d
		quote     Quote
		wantExact string
		wantScore float64
		wantOK    bool
		wantLine  int // when not 0
	}{
		{name: "exact", quote: Quote{Exact: "their guns came"}, wantExact: "their guns came", wantScore: 1, wantOK: true},
		{name: "one typo", quote: Quote{Exact: "their guns cane from"}, wantExact: "their guns came from", wantScore: 0.95, wantOK: true},
		{name: "edited", quote: Quote{Exact: "their guns originally came from Russian government sources"}, wantExact: "their guns came from Russian sources", wantScore: 1 - 22.0/58, wantOK: true},
		{name: "unrelated", quote: Quote{Exact: "quagga zebra okapi"}, wantOK: false},
		{name: "empty", quote: Quote{Exact: " "}, wantOK: false},
		{
			name:      "ranked by prefix",
			doc:       twoDoc,
			quote:     Quote{Exact: "guns cane from Russia", Prefix: "Rebels: "},
			wantExact: "guns came from Russia", wantScore: (50*(1-1.0/21) + 20) / 70, wantOK: true, wantLine: 3,
		},
		{
			name:      "ranked by suffix",
			doc:       twoDoc,
			quote:     Quote{Exact: "guns cane from Russia", Suffix: "."},
			wantExact: "guns came from Russia", wantScore: (50*(1-1.0/21) + 20) / 70, wantOK: true, wantLine: 1,
		},
		{
			name:      "ambiguous: the exact match whose context fits best",
			doc:       twoDoc,
			quote:     Quote{Exact: "guns came from Russia", Prefix: "Rebel: "},
			wantExact: "guns came from Russia", wantScore: (50 + 20*(1-1.0/7)) / 70, wantOK: true, wantLine: 3, // "Rebel: " is one edit from "Rebels: "
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := d
			if tt.doc != nil {
				d = tt.doc
			}
			m, score, ok := d.Closest(tt.quote)
			if ok != tt.wantOK {
				t.Fatalf("Closest(%+v) ok = %v, want %v", tt.quote, ok, tt.wantOK)
			}
			if !ok {
				return
			}
			if m.Exact != tt.wantExact || !approxEqual(score, tt.wantScore) {
				t.Errorf("Closest(%+v) = %q, %.3f; want %q, %.3f", tt.quote, m.Exact, score, tt.wantExact, tt.wantScore)
			}
			if tt.wantLine != 0 && m.Line != tt.wantLine {
				t.Errorf("Closest(%+v) at line %d, want %d", tt.quote, m.Line, tt.wantLine)
			}
			if spanText(d, m) != m.Exact {
				t.Errorf("spans cover %q, want %q", spanText(d, m), m.Exact)
			}
		})
	}
}

func approxEqual(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestFindNeverCutsACharacter(t *testing.T) {
	tests := []struct {
		name, text, quote, wantSuggest string
	}{
		{name: "part of an ellipsis", text: "wait… what", quote: "wait..", wantSuggest: "wait..."},
		{name: "letter without its combining mark", text: "Iraq\u0301 today", quote: "Iraq", wantSuggest: "Iraq\u0301"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mkDoc(t, "a.md", tt.text, blk(tt.text))
			_, err := d.Find(Quote{Exact: tt.quote})
			if !errors.Is(err, ErrNotFound) {
				t.Fatalf("Find(%q) = %v, want ErrNotFound", tt.quote, err)
			}
			if got := err.(*Error).Suggest; got != tt.wantSuggest {
				t.Errorf("did you mean %q, want %q", got, tt.wantSuggest)
			}
		})
	}
}

// TestSuggestions: a suggestion covers whole words, and none is offered for
// a passage less than SuggestSimilarity like the quote.
func TestSuggestions(t *testing.T) {
	const text = "The moon is made of green cheese, said the mouse."
	tests := []struct {
		name, quote, wantSuggest string
	}{
		{name: "a typo gives the whole word", quote: "The moon is made of green chese", wantSuggest: "The moon is made of green cheese"},
		{name: "a cut word is completed", quote: "made of gren chee", wantSuggest: "made of green cheese"},
		{name: "another sentence gets none", quote: "The sun is hot", wantSuggest: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mkDoc(t, "a.md", text, blk(text))
			_, err := d.Find(Quote{Exact: tt.quote})
			var e *Error
			if !errors.As(err, &e) || e.Kind != ErrNotFound {
				t.Fatalf("Find(%q) = %v, want ErrNotFound", tt.quote, err)
			}
			if e.Suggest != tt.wantSuggest {
				t.Errorf("did you mean %q, want %q (%s)", e.Suggest, tt.wantSuggest, e.Msg)
			}
			if tt.wantSuggest == "" && !strings.Contains(e.Msg, "nor anything close to it") {
				t.Errorf("message %q does not say that nothing is close", e.Msg)
			}
		})
	}
}
