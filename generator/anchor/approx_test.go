package anchor

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// naiveScores is the textbook dynamic program that myers.scores computes.
func naiveScores(pat, text []rune, anchored bool) []int32 {
	col := make([]int, len(pat)+1) // column j: D[i][j]
	for i := range col {
		col[i] = i
	}
	out := make([]int32, len(text))
	for j, c := range text {
		prev := col[0]
		if anchored {
			col[0] = j + 1
		}
		for i := 1; i <= len(pat); i++ {
			cost := 1
			if pat[i-1] == c {
				cost = 0
			}
			next := min(col[i]+1, col[i-1]+1, prev+cost)
			prev, col[i] = col[i], next
		}
		out[j] = int32(col[len(pat)])
	}
	return out
}

func TestMyersMatchesDynamicProgramming(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcé漢 ")
	randRunes := func(n int) []rune {
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return rs
	}
	for _, m := range []int{1, 2, 5, 63, 64, 65, 127, 128, 129, 200} {
		for range 5 {
			pat, text := randRunes(m), randRunes(rng.IntN(300))
			// Plant a noisy copy of the pattern so that low scores occur.
			if len(text) > m {
				at := rng.IntN(len(text) - m)
				copy(text[at:], pat)
				text[at+m/2] = 'x'
			}
			for _, anchored := range []bool{false, true} {
				got := make([]int32, len(text))
				newMyers(pat, math.MaxInt).scores(text, anchored, got)
				want := naiveScores(pat, text, anchored)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("m=%d anchored=%v: scores (-want +got):\n%s", m, anchored, diff)
				}
			}
		}
	}
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"originally", "originaly", 1},
		{"日本語", "日本", 1},
	}
	for _, tt := range tests {
		if got := levenshtein([]rune(tt.a), []rune(tt.b)); got != tt.want {
			t.Errorf("levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// levenshtein is the plain dynamic-programming edit distance, the oracle
// that the bit-parallel search is checked against.
func levenshtein(a, b []rune) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			next := min(row[j]+1, row[j-1]+1, diag+cost)
			diag, row[j] = row[j], next
		}
	}
	return row[len(b)]
}
