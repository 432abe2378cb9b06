package strictyaml

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Date reads n as a date, YYYY-MM-DD (midnight UTC) or RFC 3339, and
// reports an impossible date such as 2026-02-30. It returns the zero time
// when n is not given or not a date.
func (d *Decoder) Date(n Node, name string) time.Time {
	s := strings.TrimSpace(d.String(n, name))
	if s == "" {
		return time.Time{}
	}
	t, err := ParseDate(s)
	if err != nil {
		d.Errorf(n, "%s %q %s", name, s, err.Error())
	}
	return t
}

// phrase is an error that reads as the end of a sentence about a value.
type phrase string

func (e phrase) Error() string { return string(e) }

// ParseDate parses s as YYYY-MM-DD (midnight UTC) or RFC 3339. Its error
// reads as the end of a sentence about s: "is not a real date (day out of
// range); ...".
func ParseDate(s string) (time.Time, error) {
	layout := time.RFC3339
	if len(s) == len(time.DateOnly) {
		layout = time.DateOnly
	}
	t, err := time.Parse(layout, s)
	if err == nil {
		return t, nil
	}
	const how = "; write YYYY-MM-DD (2026-11-20) or RFC 3339 (2026-11-20T09:30:00Z)"
	if msg := err.Error(); strings.Contains(msg, "out of range") {
		return time.Time{}, phrase("is not a real date (" + msg[strings.LastIndex(msg, ": ")+2:] + ")" + how)
	}
	return time.Time{}, phrase("is not a date" + how)
}

// URL reads n as an absolute http or https URL.
func (d *Decoder) URL(n Node, name string) string {
	s := strings.TrimSpace(d.String(n, name))
	if s == "" {
		return ""
	}
	if err := CheckURL(s); err != nil {
		d.Errorf(n, "%s %q %s", name, shorten(s, 60), err.Error())
	}
	return s
}

// CheckURL reports whether s is an absolute http or https URL with a host.
// Its error reads as the end of a sentence about s.
func CheckURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || strings.ContainsAny(s, " \t\n") {
		return phrase("is not a valid URL: write it in full, like https://example.org/page, with spaces as %20")
	}
	if scheme := strings.ToLower(u.Scheme); scheme != "http" && scheme != "https" {
		if scheme == "" {
			return phrase("is not a full URL: start it with https:// (or http://)")
		}
		return phrase("must be an http(s) URL, not " + scheme + ": like https://example.org/page")
	}
	if u.Host == "" {
		return phrase("has no host: write it like https://example.org/page")
	}
	return nil
}

// Closest returns the word of known that s most likely misspells, or "".
// It compares case-insensitively and counts a swap of two neighbouring
// letters as one edit.
func Closest(s string, known []string) string {
	best, bestDist := "", -1
	ls := strings.ToLower(s)
	for _, k := range known {
		dist := distance(ls, strings.ToLower(k))
		if bestDist < 0 || dist < bestDist {
			best, bestDist = k, dist
		}
	}
	limit := 2
	if utf8.RuneCountInString(s) <= 4 {
		limit = 1
	}
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// distance is the optimal string alignment distance between a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		if a == b {
			return 0
		}
		return 1 << 20
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
