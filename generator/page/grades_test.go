package page

import (
	"bytes"
	"encoding/gob"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestGradeGob checks that a grade read back from the build cache is the
// grade that was written, a value of 0 and no value included.
func TestGradeGob(t *testing.T) {
	zero, three := 0, -3
	for _, g := range []Grade{
		{ID: "neutral", Label: "Neutral", Value: &zero, Description: "Neither.", Tone: "mid"},
		{ID: "low", Label: "Low", Value: &three, Tone: "neg"},
		{ID: "off", Label: "Not rated", Tone: "off"},
	} {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(g); err != nil {
			t.Fatal(err)
		}
		var got Grade
		if err := gob.NewDecoder(&buf).Decode(&got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(g, got); diff != "" {
			t.Errorf("grade after gob (-want +got):\n%s", diff)
		}
	}
}
