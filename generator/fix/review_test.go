package fix

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/internal/testdoc"
	"github.com/scholia/scholia/generator/markup"
)

// TestRecord: fix brings the review up to an edited text (its fingerprint
// and a log entry that says what moved), records the text of a review
// from before fingerprints without inventing a change, and leaves a review
// that still stands for its text, or whose quotes it could not all
// re-anchor, as it was.
func TestRecord(t *testing.T) {
	const article = "---\ntitle: Moon\ndate: 2026-11-01\n---\n\nThe moon is made of blue cheese, said the mouse.\n"
	now := testdoc.Of(t, article).Fingerprint()
	old := "sha256:" + strings.Repeat("0", 64)
	review := func(text string) string {
		s := "review:\n  rating: low\n  summary: Doubtful.\n"
		if text != "" {
			s += "  text: " + text + "\n"
		}
		return s
	}
	const moved = "claims:\n  - id: moon\n    quote: moon is made of blue chese\n    rating: inaccurate\n"
	const stays = "claims:\n  - id: mouse\n    quote: said the mouse\n    rating: accurate\n"
	const lost = "claims:\n  - id: sun\n    quote: the sun is a lamp of the gods\n    rating: inaccurate\n"
	for _, tc := range []struct {
		name, sidecar string
		note          func([]Change) string
		want          string // the sidecar after; "" for unchanged
		recorded      bool
	}{{
		name: "changed, a quote moved", sidecar: review(old) + moved, note: testNote, recorded: true,
		want: review(now) + strings.Replace(moved, "chese", "cheese", 1) + "updates:\n  - date: 2026-12-02\n    note: \"The text changed; 1 quotes moved.\"\n",
	}, {
		name:    "changed, logged after the last update",
		sidecar: review(old) + "updates:\n  - date: 2026-11-20\n    note: |\n      Re-rated.\n\n" + stays, note: testNote, recorded: true,
		want: review(now) + "updates:\n  - date: 2026-11-20\n    note: |\n      Re-rated.\n  - date: 2026-12-02\n    note: \"The text changed; 0 quotes moved.\"\n\n" + stays,
	}, {
		name: "a draft: no entry", sidecar: review(old) + stays, recorded: true,
		want: review(now) + stays,
	}, {
		name: "a review from before fingerprints", sidecar: review("") + stays, note: testNote, recorded: true,
		want: "review:\n  rating: low\n  text: \"" + now + "\"\n  summary: Doubtful.\n" + stays,
	}, {
		name: "the text the review read", sidecar: review(now) + stays, note: testNote,
	}, {
		name: "a quote not re-anchored", sidecar: review(old) + lost, note: testNote,
	}, {
		name: "no review", sidecar: stays, note: testNote,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			a, _, err := content.Parse(config.Default(), "content/a.md", []byte(article), func() ([]byte, bool, error) { return []byte(tc.sidecar), true, nil }, nil)
			if err != nil && a == nil {
				t.Fatal(err)
			}
			r, err := markup.New(markup.Options{}).Article(a.Path, a.Body, nil)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Sidecar(r.Doc, a.Sidecar, []byte(tc.sidecar), Options{Today: testDay, Note: tc.note})
			if err != nil {
				t.Fatal(err)
			}
			want := tc.want
			if want == "" {
				want = tc.sidecar
			}
			if diff := cmp.Diff(want, string(res.New)); diff != "" {
				t.Errorf("sidecar (-want +got):\n%s", diff)
			}
			if res.Recorded != tc.recorded {
				t.Errorf("Recorded = %v, want %v", res.Recorded, tc.recorded)
			}
			sc, err := content.DecodeSidecar("s.yaml", res.New, config.Default())
			if err != nil {
				t.Fatalf("the sidecar fix wrote does not read back: %v", err)
			}
			if tc.recorded && sc.Review.Text != now {
				t.Errorf("review.text reads back as %q, want %q", sc.Review.Text, now)
			}
		})
	}
}
