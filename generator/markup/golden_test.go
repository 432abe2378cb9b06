package markup

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/google/go-cmp/cmp"
	"github.com/scholia/scholia/generator/anchor"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txtar")

// goldenCase is a claims.yaml section.
type goldenCase struct {
	Unsafe bool `yaml:"unsafe"`
	Claims []struct {
		ID         string `yaml:"id"`
		Rating     string `yaml:"rating"`
		Label      string `yaml:"label"`
		Quote      string `yaml:"quote"`
		Prefix     string `yaml:"prefix"`
		Suffix     string `yaml:"suffix"`
		Occurrence int    `yaml:"occurrence"`
	} `yaml:"claims"`
}

func (g goldenCase) claims() []Claim {
	var cs []Claim
	for _, c := range g.Claims {
		cs = append(cs, Claim{ID: c.ID, Rating: c.Rating, Label: c.Label, Quote: anchor.Quote{
			Exact: c.Quote, Prefix: c.Prefix, Suffix: c.Suffix, Occurrence: c.Occurrence}})
	}
	return cs
}

// TestGolden renders testdata/*.txtar: input.md with the claims of
// claims.yaml must give want.html (and errors.txt, the claims that could not
// be anchored); -update rewrites them. Every case is also checked against the
// section 7 invariant.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sections := map[string]string{}
			for _, f := range ar.Files {
				sections[f.Name] = string(f.Data)
			}
			var gc goldenCase
			if err := yaml.Unmarshal([]byte(sections["claims.yaml"]), &gc); err != nil {
				t.Fatalf("claims.yaml: %v", err)
			}
			src := []byte(sections["input.md"])
			r := New(Options{Unsafe: gc.Unsafe})
			claims := gc.claims()
			got, err := r.render("input.md", src, claims, findInDoc, nil)
			if err != nil {
				t.Fatal(err)
			}
			var errs strings.Builder
			for _, e := range got.Errors {
				// The kind only: the wording is package anchor's.
				var ae *anchor.Error
				var kind error
				switch {
				case errors.As(e, &ae):
					kind = ae.Kind
				case errors.Is(e, ErrInRawLink):
					kind = ErrInRawLink
				default:
					t.Fatalf("claim %d: neither an *anchor.Error nor ErrInRawLink: %v", e.Index, e)
				}
				fmt.Fprintf(&errs, "claim %d (%s): %v\n", e.Index, claims[e.Index].ID, kind)
			}
			if *update {
				ar.Files = setSection(ar.Files, "want.html", string(got.HTML))
				ar.Files = setSection(ar.Files, "errors.txt", errs.String())
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			} else {
				if diff := cmp.Diff(sections["want.html"], string(got.HTML)); diff != "" {
					t.Errorf("HTML (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(sections["errors.txt"], errs.String()); diff != "" {
					t.Errorf("errors (-want +got):\n%s", diff)
				}
			}
			plain, err := r.render("input.md", src, nil, findInDoc, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariant(t, string(plain.HTML), string(got.HTML), claims, got)
		})
	}
}

// setSection replaces (or adds, or with empty data removes) a txtar section.
func setSection(fs []txtar.File, name, data string) []txtar.File {
	for i, f := range fs {
		if f.Name == name {
			if data == "" {
				return append(fs[:i], fs[i+1:]...)
			}
			fs[i].Data = []byte(data)
			return fs
		}
	}
	if data == "" {
		return fs
	}
	return append(fs, txtar.File{Name: name, Data: []byte(data)})
}

// checkInvariant checks DESIGN.md section 7 on one rendering: stripping
// annotations gives the plain HTML, marks nest, each anchored claim has
// marks that read as its quote, one id on its first mark and one note
// reference.
func checkInvariant(t testing.TB, plain, annotated string, claims []Claim, res *Result) {
	t.Helper()
	stripped, err := Strip(annotated)
	if err != nil {
		t.Fatalf("Strip: %v\n%s", err, annotated)
	}
	if diff := cmp.Diff(plain, stripped); diff != "" {
		t.Fatalf("stripped annotated HTML differs from plain HTML (-plain +stripped):\n%s\nannotated:\n%s", diff, annotated)
	}
	strict := checkNesting(plain, true) == nil
	if err := checkNesting(annotated, strict); err != nil {
		t.Fatalf("annotated HTML is not well nested: %v\n%s", err, annotated)
	}
	texts, marks, refs, firsts := markTexts(annotated)
	for i, c := range claims {
		if res.Anchors[i] == nil {
			if marks[c.ID] != 0 || refs[c.ID] != 0 {
				t.Errorf("claim %s is not anchored but has %d marks, %d refs", c.ID, marks[c.ID], refs[c.ID])
			}
			continue
		}
		if got, want := anchor.Normalize(texts[c.ID]), anchor.Normalize(c.Quote.Exact); got != want {
			t.Errorf("claim %s: marks read %q, want %q\n%s", c.ID, got, want, annotated)
		}
		if marks[c.ID] == 0 || refs[c.ID] != 1 || firsts[c.ID] != 1 {
			t.Errorf("claim %s: %d marks (id on mark %d), %d refs; want >= 1, id on 1, 1 ref\n%s",
				c.ID, marks[c.ID], firsts[c.ID], refs[c.ID], annotated)
		}
	}
}
