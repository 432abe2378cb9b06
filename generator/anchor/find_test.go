package anchor

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestFind(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		blocks   []tblock
		quote    Quote
		want     Match  // Prefix and Suffix are checked by TestFindContext
		wantText string // the text the spans cover, concatenated
	}{
		{
			name:   "across formatting",
			src:    "They say *their guns* [came](https://x.test) from Russia.\n",
			blocks: []tblock{blk("They say ", "their guns", " ", "came", " from Russia.")},
			quote:  Quote{Exact: "say their guns came from"},
			want: Match{
				Spans: []Span{
					{Block: 0, Piece: 0, Start: 5, End: 9, Ref: 1},
					{Block: 0, Piece: 1, Start: 0, End: 10, Ref: 2},
					{Block: 0, Piece: 2, Start: 0, End: 1, Ref: 3},
					{Block: 0, Piece: 3, Start: 0, End: 4, Ref: 4},
					{Block: 0, Piece: 4, Start: 0, End: 5, Ref: 5},
				},
				Start: 5, End: 29, Exact: "say their guns came from", Line: 1, Col: 6,
			},
			wantText: "say their guns came from",
		},
		{
			name:   "white space split over pieces",
			src:    "*very* \n big deal",
			blocks: []tblock{blk("very", " \n ", "big deal")},
			quote:  Quote{Exact: "very  big"},
			want: Match{
				Spans: []Span{
					{Block: 0, Piece: 0, Start: 0, End: 4, Ref: 1},
					{Block: 0, Piece: 1, Start: 0, End: 3, Ref: 2},
					{Block: 0, Piece: 2, Start: 0, End: 3, Ref: 3},
				},
				Start: 0, End: 8, Exact: "very big", Line: 1, Col: 2,
			},
			wantText: "very \n big",
		},
		{
			name:   "curly text, straight quote",
			src:    "He said “no” and it’s over.",
			blocks: []tblock{blk("He said “no” and it’s over.")},
			quote:  Quote{Exact: `said "no" and it's`},
			want: Match{
				Spans: []Span{{Block: 0, Piece: 0, Start: 3, End: 27, Ref: 1}},
				Start: 3, End: 21, Exact: `said "no" and it's`, Line: 1, Col: 4,
			},
			wantText: "said “no” and it’s",
		},
		{
			name:   "straight text, curly quote",
			src:    `He said "no" and it's over.`,
			blocks: []tblock{blk(`He said "no" and it's over.`)},
			quote:  Quote{Exact: "said „no‟ and it‘s"},
			want: Match{
				Spans: []Span{{Block: 0, Piece: 0, Start: 3, End: 21, Ref: 1}},
				Start: 3, End: 21, Exact: `said "no" and it's`, Line: 1, Col: 4,
			},
			wantText: `said "no" and it's`,
		},
		{
			name:   "en dash in text, -- in quote",
			src:    "pages 10--20 only",
			blocks: []tblock{blk("pages ", "10–20", " only")},
			quote:  Quote{Exact: "10--20 only"},
			want: Match{
				Spans: []Span{
					{Block: 0, Piece: 1, Start: 0, End: 7, Ref: 2},
					{Block: 0, Piece: 2, Start: 0, End: 5, Ref: 3},
				},
				Start: 6, End: 16, Exact: "10-20 only", Line: 1, Col: 7, // the piece has no source map: Offset
			},
			wantText: "10–20 only",
		},
		{
			name:   "--- in text, em dash in quote",
			src:    "yes --- no",
			blocks: []tblock{blk("yes --- no")},
			quote:  Quote{Exact: "yes — no"},
			want: Match{
				Spans: []Span{{Block: 0, Piece: 0, Start: 0, End: 10, Ref: 1}},
				Start: 0, End: 8, Exact: "yes - no", Line: 1, Col: 1,
			},
			wantText: "yes --- no",
		},
		{
			name:   "ellipsis in text",
			src:    "wait... what",
			blocks: []tblock{blk("wait", "…", " what")},
			quote:  Quote{Exact: "wait... what"},
			want: Match{
				Spans: []Span{
					{Block: 0, Piece: 0, Start: 0, End: 4, Ref: 1},
					{Block: 0, Piece: 1, Start: 0, End: 3, Ref: 2},
					{Block: 0, Piece: 2, Start: 0, End: 5, Ref: 3},
				},
				Start: 0, End: 12, Exact: "wait... what", Line: 1, Col: 1,
			},
			wantText: "wait… what",
		},
		{
			name:   "ellipsis in quote",
			src:    "wait... what",
			blocks: []tblock{blk("wait... what")},
			quote:  Quote{Exact: "wait… what"},
			want: Match{
				Spans: []Span{{Block: 0, Piece: 0, Start: 0, End: 12, Ref: 1}},
				Start: 0, End: 12, Exact: "wait... what", Line: 1, Col: 1,
			},
			wantText: "wait... what",
		},
		{
			name:   "decomposed text, composed quote",
			src:    "Le cafe\u0301 est noir",
			blocks: []tblock{blk("Le cafe\u0301 est noir")},
			quote:  Quote{Exact: "caf\u00e9 est"},
			want: Match{
				Spans: []Span{{Block: 0, Piece: 0, Start: 3, End: 13, Ref: 1}},
				Start: 3, End: 11, Exact: "caf\u00e9 est", Line: 1, Col: 4,
			},
			wantText: "cafe\u0301 est",
		},
		{
			name:   "decomposed text, quote ends on the accented letter",
			src:    "Le cafe\u0301 est noir",
			blocks: []tblock{blk("Le cafe\u0301 est noir")},
			quote:  Quote{Exact: "Le caf\u00e9"},
			want: Match{
				Spans: []Span{{Block: 0, Piece: 0, Start: 0, End: 9, Ref: 1}},
				Start: 0, End: 7, Exact: "Le caf\u00e9", Line: 1, Col: 1,
			},
			wantText: "Le cafe\u0301",
		},
		{
			name:   "composed text, decomposed quote",
			src:    "Le caf\u00e9 est noir",
			blocks: []tblock{blk("Le caf\u00e9 est noir")},
			quote:  Quote{Exact: "cafe\u0301 est"},
			want: Match{
				Spans: []Span{{Block: 0, Piece: 0, Start: 3, End: 12, Ref: 1}},
				Start: 3, End: 11, Exact: "caf\u00e9 est", Line: 1, Col: 4,
			},
			wantText: "caf\u00e9 est",
		},
		{
			name:   "Cyrillic",
			src:    "Москва — столица России.",
			blocks: []tblock{blk("Москва — столица России.")},
			quote:  Quote{Exact: "столица России"},
			want: Match{
				Spans: []Span{{Block: 0, Piece: 0, Start: 17, End: 44, Ref: 1}},
				Start: 9, End: 23, Exact: "столица России", Line: 1, Col: 10,
			},
			wantText: "столица России",
		},
		{
			name:   "Arabic",
			src:    "قال المتحدث إن الأسلحة جاءت من روسيا",
			blocks: []tblock{blk("قال المتحدث ", "إن الأسلحة جاءت", " من روسيا")},
			quote:  Quote{Exact: "الأسلحة جاءت من"},
			want: Match{
				Spans: []Span{
					{Block: 0, Piece: 1, Start: 5, End: 28, Ref: 2},
					{Block: 0, Piece: 2, Start: 0, End: 5, Ref: 3},
				},
				Start: 15, End: 30, Exact: "الأسلحة جاءت من", Line: 1, Col: 16,
			},
			wantText: "الأسلحة جاءت من",
		},
		{
			name:   "CJK",
			src:    "他们的枪来自俄罗斯政府。",
			blocks: []tblock{blk("他们的枪来自俄罗斯政府。")},
			quote:  Quote{Exact: "来自俄罗斯"},
			want: Match{
				Spans: []Span{{Block: 0, Piece: 0, Start: 12, End: 27, Ref: 1}},
				Start: 4, End: 9, Exact: "来自俄罗斯", Line: 1, Col: 5,
			},
			wantText: "来自俄罗斯",
		},
		{
			name:   "emoji, with ZWJ sequences and flags",
			src:    "Fans 👨‍👩‍👧 love 🇫🇷 food",
			blocks: []tblock{blk("Fans 👨‍👩‍👧 love 🇫🇷 food")},
			quote:  Quote{Exact: "👨‍👩‍👧 love 🇫🇷"},
			want: Match{
				Spans: []Span{{Block: 0, Piece: 0, Start: 5, End: 37, Ref: 1}},
				Start: 5, End: 18, Exact: "👨‍👩‍👧 love 🇫🇷", Line: 1, Col: 6,
			},
			wantText: "👨‍👩‍👧 love 🇫🇷",
		},
		{
			name:   "resolved entities, piece without source map",
			src:    "if a &lt; b &amp;&amp; c",
			blocks: []tblock{blk("if a < b && c")},
			quote:  Quote{Exact: "a < b && c"},
			want: Match{
				Spans: []Span{{Block: 0, Piece: 0, Start: 3, End: 13, Ref: 1}},
				Start: 3, End: 13, Exact: "a < b && c", Line: 1, Col: 1,
			},
			wantText: "a < b && c",
		},
		{
			name:   "narrowed by prefix",
			src:    "the guns came. Later the guns came.",
			blocks: []tblock{blk("the guns came. Later the guns came.")},
			quote:  Quote{Exact: "the guns came", Prefix: "Later "},
			want: Match{
				Spans: []Span{{Block: 0, Piece: 0, Start: 21, End: 34, Ref: 1}},
				Start: 21, End: 34, Exact: "the guns came", Line: 1, Col: 22,
			},
			wantText: "the guns came",
		},
		{
			name:   "prefix without its final space",
			src:    "the guns came. Later the guns came.",
			blocks: []tblock{blk("the guns came. Later the guns came.")},
			quote:  Quote{Exact: "the guns came", Prefix: "Later"},
			want: Match{
				Spans: []Span{{Block: 0, Piece: 0, Start: 21, End: 34, Ref: 1}},
				Start: 21, End: 34, Exact: "the guns came", Line: 1, Col: 22,
			},
			wantText: "the guns came",
		},
		{
			name:   "narrowed by suffix",
			src:    "guns came from Iran; guns came from Russia",
			blocks: []tblock{blk("guns came from Iran; guns came from Russia")},
			quote:  Quote{Exact: "guns came", Suffix: " from Russia"},
			want: Match{
				Spans: []Span{{Block: 0, Piece: 0, Start: 21, End: 30, Ref: 1}},
				Start: 21, End: 30, Exact: "guns came", Line: 1, Col: 22,
			},
			wantText: "guns came",
		},
		{
			name:   "picked by occurrence",
			src:    "guns came. guns came. guns came.",
			blocks: []tblock{blk("guns came. guns came. guns came.")},
			quote:  Quote{Exact: "guns came", Occurrence: 2},
			want: Match{
				Spans: []Span{{Block: 0, Piece: 0, Start: 11, End: 20, Ref: 1}},
				Start: 11, End: 20, Exact: "guns came", Line: 1, Col: 12,
			},
			wantText: "guns came",
		},
		{
			name:   "occurrence counts after the prefix",
			src:    "A: guns came. B: guns came. A: guns came.",
			blocks: []tblock{blk("A: guns came. B: guns came. A: guns came.")},
			quote:  Quote{Exact: "guns came", Prefix: "A: ", Occurrence: 2},
			want: Match{
				Spans: []Span{{Block: 0, Piece: 0, Start: 31, End: 40, Ref: 1}},
				Start: 31, End: 40, Exact: "guns came", Line: 1, Col: 32,
			},
			wantText: "guns came",
		},
		{
			name:   "prefix reaches into the previous block",
			src:    "# Guns\n\nGuns came.\n\n# Money\n\nGuns came.\n",
			blocks: []tblock{blk("Guns"), blk("Guns came."), blk("Money"), blk("Guns came.")},
			quote:  Quote{Exact: "Guns came", Prefix: "Money "},
			want: Match{
				Spans: []Span{{Block: 3, Piece: 0, Start: 0, End: 9, Ref: 4}},
				Start: 22, End: 31, Exact: "Guns came", Line: 7, Col: 1,
			},
			wantText: "Guns came",
		},
		{
			name:   "whole block, at its very start and end",
			src:    "# Intro\n\n  Guns came.\n\nAfter.\n",
			blocks: []tblock{blk("Intro"), blk("  Guns came.\n"), blk("After.")},
			quote:  Quote{Exact: "Guns came."},
			want: Match{
				Spans: []Span{{Block: 1, Piece: 0, Start: 2, End: 12, Ref: 2}},
				Start: 6, End: 16, Exact: "Guns came.", Line: 3, Col: 3,
			},
			wantText: "Guns came.",
		},
		{
			name:   "a code block with the same text is ignored",
			src:    "```\nguns came\n```\n\nguns came\n",
			blocks: []tblock{code("guns came\n"), blk("guns came")},
			quote:  Quote{Exact: "guns came"},
			want: Match{
				Spans: []Span{{Block: 1, Piece: 0, Start: 0, End: 9, Ref: 2}},
				Start: 10, End: 19, Exact: "guns came", Line: 5, Col: 1,
			},
			wantText: "guns came",
		},
		{
			name:   "multi-line source, non-ASCII columns",
			src:    "# Títle\n\nÜber  die\nStraße geht's.\n",
			blocks: []tblock{blk("Títle"), blk("Über  die\nStraße geht's.")},
			quote:  Quote{Exact: "die Straße"},
			want: Match{
				Spans: []Span{{Block: 1, Piece: 0, Start: 7, End: 18, Ref: 2}},
				Start: 11, End: 21, Exact: "die Straße", Line: 3, Col: 7,
			},
			wantText: "die\nStraße",
		},
		{
			name:   "second line of a paragraph",
			src:    "# Títle\n\nÜber  die\nStraße geht's.\n",
			blocks: []tblock{blk("Títle"), blk("Über  die\nStraße geht's.")},
			quote:  Quote{Exact: "geht's"},
			want: Match{
				Spans: []Span{{Block: 1, Piece: 0, Start: 19, End: 25, Ref: 2}},
				Start: 22, End: 28, Exact: "geht's", Line: 4, Col: 8,
			},
			wantText: "geht's",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mkDoc(t, "content/a.md", tt.src, tt.blocks...)
			got, err := d.Find(tt.quote)
			if err != nil {
				t.Fatalf("Find(%+v): %v\ntext: %q", tt.quote, err, d.Text())
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(Match{}, "Prefix", "Suffix")); diff != "" {
				t.Errorf("Find(%+v) (-want +got):\n%s", tt.quote, diff)
			}
			if diff := cmp.Diff(tt.wantText, spanText(d, got)); diff != "" {
				t.Errorf("span text (-want +got):\n%s", diff)
			}
			checkMatch(t, d, tt.quote, got)
		})
	}
}

func TestFindContext(t *testing.T) {
	long := strings.Repeat("x", 40)
	d := mkDoc(t, "a.md", "", blk("Title"), blk(long+" that their guns came from Russia, so it’s said"))
	got, err := d.Find(Quote{Exact: "their guns"})
	if err != nil {
		t.Fatal(err)
	}
	want := Match{Exact: "their guns", Prefix: strings.Repeat("x", 26) + " that ", Suffix: " came from Russia, so it's said"}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(Match{}, "Spans", "Start", "End", "Line", "Col")); diff != "" {
		t.Errorf("context (-want +got):\n%s", diff)
	}
	// Context reaches across blocks.
	got, err = d.Find(Quote{Exact: long[:30], Occurrence: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got.Prefix != "Title " {
		t.Errorf("Prefix = %q, want %q", got.Prefix, "Title ")
	}
}

func TestTextJoinsBlocks(t *testing.T) {
	d := mkDoc(t, "a.md", "", blk("  A  ", "title "), blk(), blk(" \n "), code("x := 1\n"), blk("Last", "…"))
	if diff := cmp.Diff("A title x := 1 Last...", d.Text()); diff != "" {
		t.Errorf("Text (-want +got):\n%s", diff)
	}
}

// TestFindReusesModel checks that the normalised model is built once.
func TestFindReusesModel(t *testing.T) {
	d := mkDoc(t, "a.md", "", blk("one two three"))
	if _, err := d.Find(Quote{Exact: "two"}); err != nil {
		t.Fatal(err)
	}
	first := d.norm
	if _, err := d.Find(Quote{Exact: "three"}); err != nil {
		t.Fatal(err)
	}
	if d.norm != first {
		t.Error("Find rebuilt the model")
	}
}

// TestFingerprint: the fingerprint follows the normalised text, and only
// it.
func TestFingerprint(t *testing.T) {
	base := mkDoc(t, "a.md", "", blk("He said \"no\" -- twice."), blk("Then left."))
	same := mkDoc(t, "a.md", "", blk("He  said “no” — twice.\n"), blk("Then", " left."))
	other := mkDoc(t, "a.md", "", blk("He said \"yes\" -- twice."), blk("Then left."))
	if base.Fingerprint() != same.Fingerprint() {
		t.Errorf("typography and white space changed the fingerprint: %s, %s", base.Fingerprint(), same.Fingerprint())
	}
	if base.Fingerprint() == other.Fingerprint() {
		t.Error("a changed word kept the fingerprint")
	}
	if !ValidFingerprint(base.Fingerprint()) {
		t.Errorf("ValidFingerprint(%q) = false", base.Fingerprint())
	}
	for _, bad := range []string{"", "sha256:", "sha256:abc", "md5:" + strings.Repeat("0", 64), "sha256:" + strings.Repeat("G", 64), "sha256:" + strings.Repeat("A", 64)} {
		if ValidFingerprint(bad) {
			t.Errorf("ValidFingerprint(%q) = true", bad)
		}
	}
}
