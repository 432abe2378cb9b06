package strictyaml

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseLimitsDepth(t *testing.T) {
	nested := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "k:\n")
		}
		return b.String()
	}
	over := "the YAML nests more than 4 deep here, past limits.yaml_depth: flatten it, or raise limits.yaml_depth in site.yaml"
	tests := []struct {
		name string
		src  string
		want []string // nil: no depth error
	}{
		{name: "flow bomb", src: "claims: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000), want: []string{"f.yaml:1:12: " + over}},
		{name: "mapping bomb", src: "tags: " + strings.Repeat("{a: ", 1000), want: []string{"f.yaml:1:19: " + over}},
		{name: "block nesting", src: nested(6), want: []string{"f.yaml:5:9: " + over}},
		{name: "dashes on one line", src: "a:\n  - - - - x\n", want: []string{"f.yaml:2:9: " + over}},
		{name: "at the limit", src: nested(4) + "x: [[1]]\n"},
		{name: "brackets in quotes", src: `a: "[[[[[[[[" ` + "\nb: '[[[[[[''[[['\n"},
		{name: "brackets in a comment", src: "a: 1 # [[[[[[[[[[\n"},
		{name: "brackets in a block scalar", src: "a: |\n  [[[[[[[[\n  {{{{{{{{\nb: >-\n  [[[[[[[[\n"},
		{name: "balanced brackets in a plain scalar", src: "a: x[1] and [2] and [3]\nb: c\n"},
		{name: "unbalanced brackets in a plain scalar count", src: "a: x[[[[[[[[[\n", want: []string{"f.yaml:1:8: " + over}},
		// Ways around a scan that counted only where a value may start.
		{name: "after a tag", src: "claims: !!seq " + strings.Repeat("[", 100) + strings.Repeat("]", 100), want: []string{"f.yaml:1:18: " + over}},
		{name: "after an anchor", src: "a: &x " + strings.Repeat("[", 100), want: []string{"f.yaml:1:10: " + over}},
		{name: "a dash and a quote in a plain scalar", src: "a: -\"x\nb: " + strings.Repeat("[", 100) + "\nc: -\"y\n", want: []string{"f.yaml:2:7: " + over}},
		{name: "a block scalar owned by a key after a dash", src: "- a: |\n  b: " + strings.Repeat("[", 100) + "\n", want: []string{"f.yaml:2:8: " + over}},
		{name: "lone carriage returns", src: "x:\r- - - - - x\r", want: []string{"f.yaml:2:9: " + over}},
		{name: "quoted scalar over lines", src: "a: \"[[[[\n  [[[[\"\nb: 1\n"},
		{name: "siblings do not add up", src: strings.Repeat("a:\n  b:\n    c: [1, 2]\n", 50)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := Parse("f.yaml", []byte(tt.src), 1, 4)
			var got []string
			for _, e := range d.errs {
				if strings.Contains(e.Msg, "limits.yaml_depth") {
					got = append(got, e.Error())
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("depth errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseRejectsInvalidUTF8(t *testing.T) {
	d, root := Parse("f.yaml", []byte("a: 1\nb: caf\xe9\n"), 3, 0)
	if root.Exists() {
		t.Error("a file that is not UTF-8 was parsed")
	}
	want := `f.yaml:4:7: byte 0xE9 is not UTF-8: save the file as UTF-8 (an editor's "Save with encoding" or iconv -f windows-1252 -t utf-8)`
	if err := d.Err(); err == nil || err.Error() != want {
		t.Errorf("Err() = %v, want %s", err, want)
	}
}
