package slug

import "testing"

func TestMake(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		keep           func(rune) bool
	}{
		{name: "words", in: "Mostly True", keep: ASCII, want: "mostly-true"},
		{name: "runs and ends", in: "  --C++ / Rust!! ", keep: ASCII, want: "c-rust"},
		{name: "non-Latin dropped", in: "Россия 2026", keep: ASCII, want: "2026"},
		{name: "non-Latin kept", in: "Россия 2026", keep: Letters, want: "россия-2026"},
		{name: "nothing left", in: "!!!", keep: Letters, want: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Make(tc.in, tc.keep); got != tc.want {
				t.Errorf("Make(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
