package markup

import (
	"regexp"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/scholia/scholia/generator/anchor"
)

var idAttr = regexp.MustCompile(` id="([^"]*)"`)

// TestHeadingIDs checks that automatic heading ids never take an id of the
// contract ("claim-ID", "note-ID") and stay unique.
func TestHeadingIDs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // the ids in the page, in order
	}{
		{name: "plain", src: "## Hello World\n\n## Hello World", want: []string{"hello-world", "hello-world-1"}},
		{name: "claim", src: "## Claim guns\n\nrifles", want: []string{"h-claim-guns", "claim-guns"}},
		{name: "note", src: "## Note guns\n\nrifles", want: []string{"h-note-guns", "claim-guns"}},
		{name: "theme prefix", src: "## Scholia text\n\nrifles", want: []string{"h-scholia-text", "claim-guns"}},
		{name: "case and punctuation", src: "## CLAIM: guns!\n\n## note_x\n\nrifles", want: []string{"h-claim-guns", "h-note-x", "claim-guns"}},
		{name: "repeated", src: "## Claim guns\n\n## Claim guns\n\nrifles", want: []string{"h-claim-guns", "h-claim-guns-1", "claim-guns"}},
		{name: "prefixed meets written", src: "## H claim guns\n\n## Claim guns\n\nrifles", want: []string{"h-claim-guns", "h-claim-guns-1", "claim-guns"}},
		{name: "no hyphen is no clash", src: "## Claims\n\n## Notes\n\n## Claim\n\nrifles", want: []string{"claims", "notes", "claim", "claim-guns"}},
		{name: "empty", src: "## ***\n\n##\n\nrifles", want: []string{"heading", "heading-1", "claim-guns"}},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.Article("a.md", []byte(tt.src), []Claim{{ID: "guns", Quote: anchor.Quote{Exact: "rifles"}}})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, m := range idAttr.FindAllStringSubmatch(string(got.HTML), -1) {
				ids = append(ids, m[1])
			}
			if diff := cmp.Diff(tt.want, ids); diff != "" {
				t.Errorf("ids (-want +got):\n%s\n%s", diff, got.HTML)
			}
			slices.Sort(ids)
			if len(slices.Compact(ids)) != len(tt.want) {
				t.Errorf("duplicate ids: %s", got.HTML)
			}
		})
	}
}
