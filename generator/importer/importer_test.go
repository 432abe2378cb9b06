package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/scholia/scholia/generator/anchor"
	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/internal/testdoc"
)

const moonArticle = "---\ntitle: Moon\ndate: 2026-11-01\n---\n\nThe moon is made of green cheese, said the mouse.\n"

// decode reads back a sidecar that Merge wrote; it must be valid YAML of
// a sidecar, its claims must anchor, and its ungraded claims must be the
// only problems.
func decode(t *testing.T, doc *anchor.Doc, src []byte) *content.Sidecar {
	t.Helper()
	cfg := config.Default()
	sc, err := content.DecodeSidecar("s.yaml", src, cfg)
	for _, line := range strings.Split(fmt.Sprint(err), "\n") {
		if err != nil && !strings.Contains(line, `"`+Ungraded+`"`) {
			t.Fatalf("the sidecar written has a problem other than an ungraded claim: %s\n%s", line, src)
		}
	}
	// Graded, every claim reads back.
	cfg.Scales.Claim = append(cfg.Scales.Claim, config.Grade{ID: Ungraded, Label: Ungraded})
	if sc, err = content.DecodeSidecar("s.yaml", src, cfg); err != nil {
		t.Fatal(err)
	}
	for _, c := range sc.Claims {
		if _, err := doc.Find(c.Quote); err != nil {
			t.Errorf("claim %s does not anchor: %v", c.ID, err)
		}
	}
	return sc
}

// TestHypothesis imports a Hypothesis export: claims for the annotations
// of text, graded by their tags or marked ungraded; replies and page notes
// skipped; a quote no longer in the article listed with the closest
// passage; comments kept; and a second import adds nothing.
func TestHypothesis(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "hypothesis.json"))
	if err != nil {
		t.Fatal(err)
	}
	anns, skips, err := Hypothesis(data)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Skip{{"hyp-reply", "a reply to another annotation"}, {"hyp-page-note", "a page note: it selects no text"}}, skips); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
	doc := testdoc.Of(t, moonArticle)
	before := "# Our review of the moon.\nclaims: []   # none yet\n"
	res, err := Merge(doc, config.Default(), "s.yaml", []byte(before), anns)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"moon-is-made-of-green", "said-the-mouse"}, res.Added); diff != "" {
		t.Errorf("added (-want +got):\n%s", diff)
	}
	if len(res.Misses) != 1 || res.Misses[0].Annotation.ID != "hyp-gone" || res.Misses[0].Closest == "" {
		t.Errorf("misses %+v, want hyp-gone with its closest passage", res.Misses)
	}
	out := string(res.New)
	for _, want := range []string{"# Our review of the moon.\n", "claims:   # none yet\n", `rating: inaccurate`, `rating: ungraded   # imported without a grade`, `note: "No survey supports this. See https://example.org/survey."`, `- url: "https://example.org/survey"`} {
		if !strings.Contains(out, want) {
			t.Errorf("the sidecar lacks %q:\n%s", want, out)
		}
	}
	decode(t, doc, res.New)
	again, err := Merge(doc, config.Default(), "s.yaml", res.New, anns)
	if err != nil {
		t.Fatal(err)
	}
	if string(again.New) != out || len(again.Added) != 0 || len(again.Duplicates) != 2 {
		t.Errorf("a second import changed the sidecar or added %v (duplicates %v)", again.Added, again.Duplicates)
	}
}

// TestW3CSamples imports the W3C test suite's samples with a
// TextQuoteSelector: one annotation, one whose selector refines another,
// and a collection whose first page holds both among others.
func TestW3CSamples(t *testing.T) {
	article := "---\ntitle: Samples\ndate: 2026-11-01\n---\n\nThis is an anotation that has some text before the Selected Text and text after it.\n"
	doc := testdoc.Of(t, article)
	for _, tc := range []struct {
		file  string
		exact []string
	}{
		{file: "anno26.json", exact: []string{"anotation"}},
		{file: "anno32.json", exact: []string{"Selected Text"}},
		{file: "collection1.json", exact: []string{"anotation", "Selected Text"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "w3c", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			anns, _, err := W3C(data)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range anns {
				got = append(got, a.Exact)
			}
			if diff := cmp.Diff(tc.exact, got); diff != "" {
				t.Fatalf("quotes read (-want +got):\n%s", diff)
			}
			res, err := Merge(doc, config.Default(), "s.yaml", nil, anns)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Added) != len(tc.exact) || len(res.Misses) > 0 {
				t.Errorf("added %v, misses %+v", res.Added, res.Misses)
			}
			sc := decode(t, doc, res.New)
			if len(sc.Claims) != len(tc.exact) {
				t.Errorf("%d claims read back, want %d:\n%s", len(sc.Claims), len(tc.exact), res.New)
			}
		})
	}
}

// TestMergeKeepsTheList: claims are added after the sidecar's own, as
// indented, before the review that follows the list.
func TestMergeKeepsTheList(t *testing.T) {
	doc := testdoc.Of(t, moonArticle)
	before := "claims:\n- id: cheese\n  quote: green cheese\n  rating: inaccurate\n\nreview:\n  rating: low\n"
	res, err := Merge(doc, config.Default(), "s.yaml", []byte(before), []Annotation{{ID: "x", Exact: "said the mouse", Start: -1, Tags: []string{"Mixed"}}})
	if err != nil {
		t.Fatal(err)
	}
	want := "claims:\n- id: cheese\n  quote: green cheese\n  rating: inaccurate\n\n- id: said-the-mouse\n  quote: \"said the mouse\"\n  rating: mixed\nreview:\n  rating: low\n"
	if diff := cmp.Diff(want, string(res.New)); diff != "" {
		t.Errorf("sidecar (-want +got):\n%s", diff)
	}
	decode(t, doc, res.New)
}

// TestMergeFlowList: a claims list written on one line cannot take new
// items without rewriting it: Merge says so and writes nothing.
func TestMergeFlowList(t *testing.T) {
	doc := testdoc.Of(t, moonArticle)
	before := "claims: [{id: cheese, quote: green cheese, rating: inaccurate}]\n"
	_, err := Merge(doc, config.Default(), "s.yaml", []byte(before), []Annotation{{ID: "x", Exact: "said the mouse", Start: -1}})
	if err == nil || !strings.Contains(err.Error(), "one line") {
		t.Errorf("err = %v, want one about the one-line list", err)
	}
}
