package markup

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

// TestGoldmarkIsArticleWithoutClaims renders every golden input with
// Goldmark, safe and unsafe, and wants the HTML that Article gives with no
// claims: the benchmark's floor must do a build's Markdown work, no less.
func TestGoldmarkIsArticleWithoutClaims(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name != "input.md" {
				continue
			}
			for _, unsafe := range []bool{false, true} {
				opts := Options{Unsafe: unsafe}
				want, err := New(opts).Article("input.md", f.Data, nil)
				if err != nil {
					t.Fatal(err)
				}
				var got bytes.Buffer
				if err := Goldmark(opts).Convert(f.Data, &got); err != nil {
					t.Fatal(err)
				}
				name := strings.TrimSuffix(filepath.Base(file), ".txtar")
				if diff := cmp.Diff(string(want.HTML), got.String()); diff != "" {
					t.Errorf("%s (unsafe %v): (-Article +Goldmark):\n%s", name, unsafe, diff)
				}
			}
		}
	}
}
