package site

import (
	"errors"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/scholia/scholia/generator/anchor"
	"github.com/scholia/scholia/generator/diag"
)

// TestBuildErrors checks that a build reports every problem of every file
// together, each at the right place, anchoring errors at the sidecar's quote.
func TestBuildErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md": {Data: []byte(okArticle)},
		"content/a.annotations.yaml": {Data: []byte(`claims:
  - id: cheese
    quote: The moon is made of chalk
    rating: inaccurate
  - id: mouse
    quote:   said the mouse
    rating: accurate
  - id: twice
    quote: e
    rating: accurate
`)},
		"content/b.md": {Data: []byte("---\ntitle: B\ntitel: typo\n---\nText.\n")},
	}
	_, err := Build(Options{FS: fsys, Now: fixedNow})
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("got %v, want a diag.List", err)
	}
	type place struct {
		Path      string
		Line, Col int
	}
	var got []place
	for _, e := range list {
		got = append(got, place{e.Path, e.Line, e.Col})
	}
	want := []place{
		{"content/a.annotations.yaml", 3, 12},
		{"content/a.annotations.yaml", 9, 12},
		{"content/b.md", 3, 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("error places (-want +got):\n%s\nerrors:\n%v", diff, err)
	}
	if !errors.Is(err, anchor.ErrNotFound) || !errors.Is(err, anchor.ErrAmbiguous) {
		t.Errorf("errors.Is does not see the anchoring errors: %v", err)
	}
}

// TestCheckPlansOutputs checks that check fails where build would on an
// output path: a file whose name makes no clean output path, and two
// sources of one output, without writing anything.
func TestCheckPlansOutputs(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"backslash in a file name": {
			"content/a.md":          {Data: []byte(okArticle)},
			`content/static/a\..\x`: {Data: []byte("x")},
		},
		"two sources of one page": {
			"content/a.md":       {Data: []byte(okArticle)},
			"content/a/index.md": {Data: []byte(okArticle)},
		},
	} {
		t.Run(name, func(t *testing.T) {
			_, checkErr := Build(Options{FS: fsys, Now: fixedNow})
			_, buildErr := Build(Options{FS: fsys, Now: fixedNow, Out: filepath.Join(t.TempDir(), "public")})
			if checkErr == nil || buildErr == nil {
				t.Fatalf("check: %v; build: %v; want both to fail", checkErr, buildErr)
			}
			if checkErr.Error() != buildErr.Error() {
				t.Errorf("check and build say different things:\ncheck: %v\nbuild: %v", checkErr, buildErr)
			}
		})
	}
}
