package site

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestGoldenSite builds a small whole site and compares its pages (not the
// theme's assets) with testdata/small-site.golden.txtar.
func TestGoldenSite(t *testing.T) {
	out := build(t, archiveFS(t, "small-site.txtar"), Options{})
	got := readTree(t, out)
	var names []string
	for name := range got {
		// Share cards are binary: TestShareCards checks them.
		if !strings.HasPrefix(name, "assets/") && !strings.HasSuffix(name, ".png") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	ar := &txtar.Archive{Comment: []byte("The output of small-site.txtar; go test -update rewrites it.\n")}
	for _, name := range names {
		ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(got[name])})
	}
	golden := filepath.Join("testdata", "small-site.golden.txtar")
	if *update {
		if err := os.WriteFile(golden, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := txtar.ParseFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	wantFiles := map[string]string{}
	for _, f := range want.Files {
		wantFiles[f.Name] = string(f.Data)
	}
	gotFiles := map[string]string{}
	for _, name := range names {
		gotFiles[name] = got[name]
	}
	if diff := cmp.Diff(wantFiles, gotFiles); diff != "" {
		t.Errorf("site output (-want +got):\n%s", diff)
	}
}
