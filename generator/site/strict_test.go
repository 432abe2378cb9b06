package site

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/scholia/scholia/generator/diag"
)

// strictSite is a site of one annotated article, with sidecar, and one
// page without a review.
func strictSite(sidecar string) fstest.MapFS {
	return fstest.MapFS{
		"site.yaml":                     {Data: []byte("title: Moon checks\n")},
		"content/moon.md":               {Data: []byte("---\ntitle: Moon\ndate: 2026-11-01\n---\n\nThe moon is made of cheese.\n")},
		"content/moon.annotations.yaml": {Data: []byte(sidecar)},
		"content/about.md":              {Data: []byte("---\ntitle: About\n---\n\nNo review here.\n")},
	}
}

// brokenSidecar builds but breaks the publishing rules: its review names
// no reviewers and read another text than the article's, and its claim,
// rated on the scale, has no source to follow. keptSidecar keeps them.
const (
	brokenSidecar = "review:\n  rating: low\n  date: 2026-11-20\n  text: sha256:" + zeros + "\n" +
		"claims:\n  - id: cheese\n    quote: made of cheese\n    rating: inaccurate\n    note: The samples are rock.\n" +
		"    sources:\n      - title: Apollo 11 samples\n"
	keptSidecar = "review:\n  rating: low\n  reviewers: [Review desk]\n  date: 2026-11-20\n" +
		"claims:\n  - id: cheese\n    quote: made of cheese\n    rating: inaccurate\n    note: The samples are rock.\n" +
		"    sources:\n      - url: https://example.org/apollo\n"
	zeros = "0000000000000000000000000000000000000000000000000000000000000000"
)

var brokenRules = []string{
	`content/moon.annotations.yaml:2:3: the review has no reviewers: add reviewers: with who checked the article`,
	`content/moon.annotations.yaml:4:3: the article changed since it was reviewed: check its claims against the new text, then run scholia fix to re-anchor them and record the text reviewed`,
	`content/moon.annotations.yaml:10:5: claim "cheese" is rated inaccurate, on the scale, but no source has a url or archived copy: cite one, or rate it unsupported`,
}

// TestStrict checks that Strict reports the publishing rules as content
// errors on a cold run, on a run warmed by a build without Strict, and on
// a run warmed by a strict one, and that without Strict they are no error.
func TestStrict(t *testing.T) {
	tests := []struct {
		name    string
		sidecar string
		// warm runs a build with the cache first, with Strict as it says,
		// so that the run tested may keep its records; nil is a cold run.
		warm   *bool
		strict bool
		want   []string
	}{
		{name: "cold, not strict", sidecar: brokenSidecar},
		{name: "cold, strict", sidecar: brokenSidecar, strict: true, want: brokenRules},
		{name: "warmed by a build without strict", sidecar: brokenSidecar, warm: new(false), strict: true, want: brokenRules},
		{name: "cold, strict, rules kept", sidecar: keptSidecar, strict: true},
		{name: "warmed by a strict build, rules kept", sidecar: keptSidecar, warm: new(true), strict: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := strictSite(tt.sidecar)
			opts := Options{FS: fsys, Now: fixedNow, Strict: tt.strict}
			if tt.warm != nil {
				dir := t.TempDir()
				opts.Out, opts.Cache = filepath.Join(dir, "public"), filepath.Join(dir, "cache")
				first := opts
				first.Strict = *tt.warm
				if _, err := Build(first); err != nil {
					t.Fatalf("the first build: %v", err)
				}
			}
			res, err := Build(opts)
			if diff := cmp.Diff(tt.want, errorLines(t, err)); diff != "" {
				t.Errorf("Build (-want +got):\n%s", diff)
			}
			// A strict record stands for the rules: the warm run keeps it.
			if tt.warm != nil && *tt.warm && err == nil && res.Stats.Reused == 0 {
				t.Errorf("the warm build kept nothing of the strict one: %+v", res.Stats)
			}
		})
	}
}

// TestStrictLive checks that a live site reports the rules on every
// update, not only on the first, which renders everything.
func TestStrictLive(t *testing.T) {
	l, err := NewLive(Options{FS: strictSite(brokenSidecar), Now: fixedNow, Strict: true})
	if diff := cmp.Diff(brokenRules, errorLines(t, err)); diff != "" {
		t.Errorf("NewLive (-want +got):\n%s", diff)
	}
	_, err = l.Update([]string{"content/about.md"})
	if diff := cmp.Diff(brokenRules, errorLines(t, err)); diff != "" {
		t.Errorf("Update (-want +got):\n%s", diff)
	}
}

// errorLines are the content errors of err as a user reads them; any
// other error fails the test.
func errorLines(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var l diag.List
	if !errors.As(err, &l) {
		t.Fatalf("not a content error: %v", err)
	}
	return strings.Split(l.Error(), "\n")
}
