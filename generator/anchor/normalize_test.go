package anchor

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "plain", in: "their guns", want: "their guns"},
		{name: "trimmed", in: "  \n their guns\t", want: "their guns"},
		{name: "white space runs", in: "their \n\t guns", want: "their guns"},
		{name: "NBSP and narrow NBSP", in: "10\u00a0km and 5\u202fkg", want: "10 km and 5 kg"},
		{name: "ideographic space", in: "東京\u3000大阪", want: "東京 大阪"},
		{name: "curly single quotes", in: "‘it’s’ ‚low‛", want: "'it's' 'low'"},
		{name: "curly double quotes", in: "“said” „so‟", want: `"said" "so"`},
		{name: "en and em dash", in: "1990–2000 — so", want: "1990-2000 - so"},
		{name: "bar, figure dash, minus", in: "a―b‒c −5", want: "a-b-c -5"},
		{name: "ASCII double and triple hyphen", in: "yes--no---maybe", want: "yes-no-maybe"},
		{name: "mixed dash run", in: "a-–—b", want: "a-b"},
		{name: "single hyphen kept", in: "well-known", want: "well-known"},
		{name: "ellipsis", in: "wait…", want: "wait..."},
		{name: "decomposed to NFC", in: "cafe\u0301", want: "caf\u00e9"},
		{name: "composed stays", in: "caf\u00e9", want: "caf\u00e9"},
		{name: "Hangul jamo composed", in: "\u1100\u1161", want: "\uac00"},
		{name: "invalid UTF-8", in: "a\xffb", want: "a\ufffdb"},
		{name: "each invalid byte replaced", in: "\xe8\x920", want: "\ufffd\ufffd0"},
		{name: "only space", in: " \n ", want: ""},
		{name: "emoji untouched", in: "👨‍👩‍👧 🇫🇷", want: "👨‍👩‍👧 🇫🇷"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Normalize(tt.in)); diff != "" {
				t.Errorf("Normalize(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestNormalizeContextKeepsEdgeSpace(t *testing.T) {
	if got, want := normalizeContext("video  exclusive that\n"), "video exclusive that "; got != want {
		t.Errorf("normalizeContext = %q, want %q", got, want)
	}
}

// TestNormalizeMap checks that every normalised byte of a block maps back to
// a range of whole characters of the raw text that normalises to it.
func TestNormalizeMap(t *testing.T) {
	for _, raw := range []string{
		"A “quote” — and e\u0301t\u00e9…  done",
		"\u1100\u1161\u11a8 ok",
		"x--y  z\u00a0\u2014w",
	} {
		n := normalizer{trim: true, track: true}
		n.run(raw)
		if len(n.rs) != len(n.out) || len(n.re) != len(n.out) {
			t.Fatalf("%q: map lengths %d, %d for %d bytes", raw, len(n.rs), len(n.re), len(n.out))
		}
		for i := 0; i < len(n.out); {
			j := i + 1
			for j < len(n.out) && n.rs[j] == n.rs[i] {
				j++
			}
			unit := raw[n.rs[i]:n.re[i]]
			if got, want := string(n.out[i:j]), Normalize(unit); got != want && !(got == " " && want == "") {
				t.Errorf("%q: bytes %d..%d are %q but come from %q (normalised %q)", raw, i, j, got, unit, want)
			}
			i = j
		}
	}
}
