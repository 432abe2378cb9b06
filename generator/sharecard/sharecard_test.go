package sharecard

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"golang.org/x/image/font"
)

func render(t testing.TB, c Card) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, c); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var example = Card{Grade: "Unsupported", Tone: "off", Claim: "Taliban groups got guns from Russian government sources",
	Claimant: "Two Taliban groups, via CNN", Site: "Scholia example desk"}

func TestRender(t *testing.T) {
	for _, tc := range []struct {
		name string
		card Card
	}{
		{name: "example", card: example},
		{name: "empty"},
		{name: "long and hostile", card: Card{Grade: strings.Repeat("Very ", 50), Tone: "??", Claim: strings.Repeat("a\x00b\u202e ", 20000) + strings.Repeat("x", 5000),
			Claimant: "\xff\xfe", Site: "عربي 中文"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			img, err := png.Decode(bytes.NewReader(render(t, tc.card)))
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
				t.Errorf("size %v, want %dx%d", b, Width, Height)
			}
		})
	}
}

// TestDeterministic: one card, one set of bytes; another grade, another
// image.
func TestDeterministic(t *testing.T) {
	a, b := render(t, example), render(t, example)
	if !bytes.Equal(a, b) {
		t.Error("the same card gave different bytes")
	}
	other := example
	other.Grade, other.Tone = "Accurate", "pos"
	if bytes.Equal(a, render(t, other)) {
		t.Error("another grade gave the same image")
	}
}

// TestWrap: at most max lines, each within the width, whole words in
// order, and an ellipsis when the text does not fit.
func TestWrap(t *testing.T) {
	f, err := loaded()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("the moon is made of green cheese ", 30)
	for _, tc := range []struct {
		name, text string
		max        int
		cut        bool
	}{
		{name: "fits", text: "The moon is made of cheese", max: 6},
		{name: "too long", text: long, max: 3, cut: true},
		{name: "one huge word", text: strings.Repeat("w", 400), max: 2, cut: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := Wrap(f.claim, f.regular, tc.text, 600, tc.max)
			if len(lines) == 0 || len(lines) > tc.max {
				t.Fatalf("%d lines", len(lines))
			}
			for _, l := range lines {
				if w := measure(f, l); w > 600 {
					t.Errorf("line %q is %dpx wide", l, w)
				}
			}
			joined := strings.Join(lines, " ")
			if got := strings.HasSuffix(joined, "…"); got != tc.cut {
				t.Errorf("ellipsis %v, want %v: %q", got, tc.cut, joined)
			}
			flat := strings.ReplaceAll(strings.TrimSuffix(joined, "…"), " ", "")
			if !strings.HasPrefix(strings.ReplaceAll(tc.text, " ", ""), flat) {
				t.Errorf("the lines are not the text's start: %q", joined)
			}
		})
	}
}

func measure(f *faces, s string) int { return font.MeasureString(f.claim, s).Round() }

func FuzzRender(f *testing.F) {
	f.Add("Unsupported", "off", "A claim", "Someone", "Site")
	f.Fuzz(func(t *testing.T, grade, tone, claim, claimant, site string) {
		img, err := png.Decode(bytes.NewReader(render(t, Card{grade, tone, claim, claimant, site})))
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
			t.Errorf("size %v", b)
		}
	})
}

func BenchmarkRender(b *testing.B) {
	for b.Loop() {
		render(b, example)
	}
}

// TestParallel draws cards from many goroutines at once, as a build does
// (go test -race finds a shared face).
func TestParallel(t *testing.T) {
	want := render(t, example)
	done := make(chan []byte)
	for range 8 {
		go func() {
			var buf bytes.Buffer
			if err := Render(&buf, example); err != nil {
				t.Error(err)
			}
			done <- buf.Bytes()
		}()
	}
	for range 8 {
		if !bytes.Equal(<-done, want) {
			t.Error("a card drawn in parallel differs")
		}
	}
}
