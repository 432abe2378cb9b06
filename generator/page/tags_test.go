package page

import (
	"testing"
)

func TestTagSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{in: "Go", want: "go"},
		{in: "Even Numbers", want: "even-numbers"},
		{in: "../../etc", want: "etc"},
		{in: "C++ / Rust", want: "c-rust"},
		{in: "Россия", want: "россия"},
		{in: "!!!", want: "tag"},
		{in: "caf\u00e9", want: "caf\u00e9"},
		{in: "cafe\u0301", want: "caf\u00e9"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := TagSlug(tc.in); got != tc.want {
				t.Errorf("TagSlug(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
