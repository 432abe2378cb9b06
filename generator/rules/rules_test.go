package rules_test

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/rules"
)

const sidecarPath = "content/moon.annotations.yaml"

// article is an article whose sidecar is decoded from yaml as a build
// decodes it, so that the places in errors are those a user sees.
func article(t *testing.T, cfg *config.Config, yaml string) *content.Article {
	t.Helper()
	sc, err := content.DecodeSidecar(sidecarPath, []byte(yaml), cfg)
	if err != nil {
		t.Fatalf("the sidecar does not decode: %v", err)
	}
	return &content.Article{Path: "content/moon.md", Sidecar: sc}
}

// review is a review that breaks no rule, for the claims' cases.
const review = "review:\n  rating: low\n  reviewers: [Review desk]\n  date: 2026-11-20\n"

func TestCheck(t *testing.T) {
	tests := []struct {
		name        string
		sidecar     string
		textChanged bool
		want        []string
	}{
		{
			name:    "on scale, a source with a url",
			sidecar: review + "claims:\n  - id: cheese\n    quote: made of cheese\n    rating: inaccurate\n    note: Samples are rock.\n    sources:\n      - title: Samples\n      - url: https://example.org/apollo\n",
		},
		{
			name:    "on scale, a source with an archived copy only",
			sidecar: review + "claims:\n  - id: cheese\n    quote: made of cheese\n    rating: inaccurate\n    note: Samples are rock.\n    sources:\n      - title: Samples\n        archived: https://web.archive.org/x\n",
		},
		{
			name:    "on scale, sources with titles only",
			sidecar: review + "claims:\n  - id: cheese\n    quote: made of cheese\n    rating: mostly-accurate\n    note: Samples are rock.\n    sources:\n      - title: Samples\n",
			want:    []string{`content/moon.annotations.yaml:10:5: claim "cheese" is rated mostly-accurate, on the scale, but no source has a url or archived copy: cite one, or rate it unsupported`},
		},
		{
			name:    "on scale, no sources",
			sidecar: review + "claims:\n  - id: cheese\n    quote: made of cheese\n    rating: accurate\n    note: Samples are rock.\n",
			want:    []string{`content/moon.annotations.yaml:8:5: claim "cheese" is rated accurate, on the scale, but has no sources: cite one with a url or archived copy, or rate it unsupported`},
		},
		{
			name:    "off scale, no sources",
			sidecar: review + "claims:\n  - id: cheese\n    quote: made of cheese\n    rating: unsupported\n    note: Nothing to go by.\n  - id: opinion\n    quote: the moon is lovely\n    rating: not-checkable\n    note: A matter of taste.\n    sources:\n      - title: The article itself\n",
		},
		{
			name:    "empty note",
			sidecar: review + "claims:\n  - id: cheese\n    quote: made of cheese\n    rating: unsupported\n    note: \"\"\n",
			want:    []string{`content/moon.annotations.yaml:9:5: claim "cheese" has no note: add note: saying why it is rated unsupported`},
		},
		{
			name:    "note of white space",
			sidecar: review + "claims:\n  - id: cheese\n    quote: made of cheese\n    rating: unsupported\n    note: |\n      \n      \t\n",
			want:    []string{`content/moon.annotations.yaml:9:5: claim "cheese" has no note: add note: saying why it is rated unsupported`},
		},
		{
			name:    "no note key",
			sidecar: review + "claims:\n  - id: cheese\n    quote: made of cheese\n    rating: unsupported\n",
			want:    []string{`content/moon.annotations.yaml:6:5: claim "cheese" has no note: add note: saying why it is rated unsupported`},
		},
		{
			name:    "no review",
			sidecar: "claims:\n  - id: cheese\n    quote: made of cheese\n    rating: unsupported\n    note: Nothing to go by.\n",
			want:    []string{`content/moon.annotations.yaml:1:1: the sidecar has no review: add a review: with reviewers and date`},
		},
		{
			name:    "no claims, a full review",
			sidecar: review,
		},
		{
			name:    "reviewers as mappings",
			sidecar: "review:\n  rating: low\n  reviewers:\n    - {name: A. Reviewer, role: Fact-checker}\n  date: 2026-11-20\n",
		},
		{
			name:    "review without reviewers",
			sidecar: "review:\n  rating: low\n  date: 2026-11-20\n",
			want:    []string{`content/moon.annotations.yaml:2:3: the review has no reviewers: add reviewers: with who checked the article`},
		},
		{
			name:    "review with an empty list of reviewers",
			sidecar: "review:\n  rating: low\n  reviewers: []\n  date: 2026-11-20\n",
			want:    []string{`content/moon.annotations.yaml:2:3: the review has no reviewers: add reviewers: with who checked the article`},
		},
		{
			name:    "review without a date",
			sidecar: "review:\n  rating: low\n  reviewers: [Review desk]\n",
			want:    []string{`content/moon.annotations.yaml:2:3: the review has no date: add date: with the day the review was published (YYYY-MM-DD)`},
		},
		{
			name:        "text changed",
			sidecar:     review,
			textChanged: true,
			want:        []string{`content/moon.annotations.yaml:2:3: the article changed since it was reviewed: check its claims against the new text, then run scholia fix to re-anchor them and record the text reviewed`},
		},
		{
			name:    "every rule at once, in file order",
			sidecar: "review:\n  rating: low\nclaims:\n  - id: cheese\n    quote: made of cheese\n    rating: inaccurate\n    note: \" \"\n    sources:\n      - title: Samples\n",
			want: []string{
				`content/moon.annotations.yaml:2:3: the review has no reviewers: add reviewers: with who checked the article`,
				`content/moon.annotations.yaml:2:3: the review has no date: add date: with the day the review was published (YYYY-MM-DD)`,
				`content/moon.annotations.yaml:7:5: claim "cheese" has no note: add note: saying why it is rated inaccurate`,
				`content/moon.annotations.yaml:8:5: claim "cheese" is rated inaccurate, on the scale, but no source has a url or archived copy: cite one, or rate it unsupported`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config.Default()
			got := lines(rules.Check(cfg, article(t, cfg, tt.sidecar), tt.textChanged))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCheckScale checks that on and off the scale follow the site's own
// claim scale, and that a scale with no grade off it is not offered one.
func TestCheckScale(t *testing.T) {
	val := func(v int) *int { return &v }
	tests := []struct {
		name   string
		scale  config.Scale
		rating string
		want   []string
	}{
		{
			name:   "a valued grade of the site's scale",
			scale:  config.Scale{{ID: "true", Label: "True", Value: val(2)}, {ID: "false", Label: "False", Value: val(1)}, {ID: "no-evidence", Label: "No evidence"}},
			rating: "false",
			want:   []string{`content/moon.annotations.yaml:8:5: claim "cheese" is rated false, on the scale, but has no sources: cite one with a url or archived copy, or rate it no-evidence`},
		},
		{
			name:   "a grade without a value of the site's scale",
			scale:  config.Scale{{ID: "true", Label: "True", Value: val(2)}, {ID: "no-evidence", Label: "No evidence"}},
			rating: "no-evidence",
		},
		{
			name:   "a scale with no grade off it",
			scale:  config.Scale{{ID: "true", Label: "True", Value: val(2)}, {ID: "false", Label: "False", Value: val(1)}},
			rating: "true",
			want:   []string{`content/moon.annotations.yaml:8:5: claim "cheese" is rated true, on the scale, but has no sources: cite one with a url or archived copy`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config.Default()
			cfg.Scales.Claim, cfg.Scales.ClaimGiven = tt.scale, true
			yaml := review + "claims:\n  - id: cheese\n    quote: made of cheese\n    rating: " + tt.rating + "\n    note: Samples are rock.\n"
			got := lines(rules.Check(cfg, article(t, cfg, yaml), false))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheckPage(t *testing.T) {
	a := &content.Article{Path: "content/about.md"}
	if got := rules.Check(config.Default(), a, true); len(got) != 0 {
		t.Errorf("Check of a page without a sidecar = %v, want nothing", got)
	}
}

// ExampleCheck is the example of the package's documentation.
func ExampleCheck() {
	cfg := config.Default()
	sc, err := content.DecodeSidecar("content/moon.annotations.yaml", []byte(`review:
  rating: low
  reviewers: [Review desk]
claims:
  - id: cheese
    quote: made of cheese
    rating: inaccurate
    note: " "
    sources:
      - title: Apollo 11 samples
  - id: craters
    quote: it has craters
    rating: not-checkable
    note: The article gives no count.
`), cfg)
	if err != nil {
		panic(err)
	}
	a := &content.Article{Path: "content/moon.md", Sidecar: sc}
	errs := rules.Check(cfg, a, false)
	diag.Format(os.Stdout, errs, "text")
	// Output:
	// content/moon.annotations.yaml:2:3: the review has no date: add date: with the day the review was published (YYYY-MM-DD)
	// content/moon.annotations.yaml:8:5: claim "cheese" has no note: add note: saying why it is rated inaccurate
	// content/moon.annotations.yaml:9:5: claim "cheese" is rated inaccurate, on the scale, but no source has a url or archived copy: cite one, or rate it unsupported
}

// lines are errs as a user reads them.
func lines(errs diag.List) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}
