package page

import (
	"fmt"
	"strings"
	"testing"
)

func TestWindow(t *testing.T) {
	for _, tc := range []struct {
		num, total int
		want       string
	}{
		{num: 1, total: 1, want: "[1]"},
		{num: 1, total: 4, want: "[1] 2 3 4"},
		{num: 1, total: 9, want: "[1] 2 3 … 9"},
		{num: 5, total: 9, want: "1 … 3 4 [5] 6 7 … 9"},
		{num: 4, total: 9, want: "1 2 3 [4] 5 6 … 9"},
		{num: 9, total: 9, want: "1 … 7 8 [9]"},
		{num: 500, total: 1000, want: "1 … 498 499 [500] 501 502 … 1000"},
	} {
		t.Run(fmt.Sprint(tc.num, "/", tc.total), func(t *testing.T) {
			var got []string
			for _, p := range window(tc.num, tc.total, func(i int) string { return fmt.Sprint("/page/", i, "/") }) {
				switch {
				case p.Number == 0:
					got = append(got, "…")
				case p.Number == tc.num:
					got = append(got, fmt.Sprintf("[%d]", p.Number))
				default:
					got = append(got, fmt.Sprint(p.Number))
				}
				if p.Number != 0 && p.URL != fmt.Sprint("/page/", p.Number, "/") {
					t.Errorf("page %d links to %s", p.Number, p.URL)
				}
			}
			if s := strings.Join(got, " "); s != tc.want {
				t.Errorf("window(%d, %d) = %s, want %s", tc.num, tc.total, s, tc.want)
			}
		})
	}
}
