package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/outdir"
)

const okArticle = `---
title: A claim
date: 2026-11-01
---

The moon is made of cheese, said the mouse.
`

const okSidecar = `claims:
  - id: cheese
    quote: The moon is made of cheese
    rating: inaccurate
    note: It is rock.
`

func smallSite() fstest.MapFS {
	return fstest.MapFS{
		"content/a.md":               {Data: []byte(okArticle)},
		"content/a.annotations.yaml": {Data: []byte(okSidecar)},
		"content/static/CNAME":       {Data: []byte("example.org\n")},
	}
}

// TestFailedBuildKeepsOutput checks that a build that fails leaves the
// previous output byte for byte, with nothing left beside it.
func TestFailedBuildKeepsOutput(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	fsys := smallSite()
	build(t, fsys, Options{Out: out})
	before := readTree(t, out)
	if _, ok := before["a/index.html"]; !ok {
		t.Fatalf("first build wrote %v, want a/index.html", keys(before))
	}
	for name, broken := range map[string]string{
		"sidecar":      strings.Replace(okSidecar, "made of cheese", "made of chalk", 1),
		"front matter": "",
	} {
		t.Run(name, func(t *testing.T) {
			bad := smallSite()
			if name == "sidecar" {
				bad["content/a.annotations.yaml"] = &fstest.MapFile{Data: []byte(broken)}
			} else {
				bad["content/a.md"] = &fstest.MapFile{Data: []byte("---\ntitel: typo\n---\nText.\n")}
			}
			_, err := Build(Options{FS: bad, Out: out, Now: fixedNow})
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("build of a broken site: got %v, want content errors", err)
			}
			if diff := cmp.Diff(before, readTree(t, out)); diff != "" {
				t.Errorf("output changed (-want +got):\n%s", diff)
			}
			entries, _ := os.ReadDir(parent)
			if len(entries) != 2 || entries[0].Name() != filepath.Base(outdir.Marker(out)) || entries[1].Name() != "public" {
				t.Errorf("files beside the output: %v, want only public and its marker", entries)
			}
		})
	}
}

// TestBuildReplacesOutput checks that a good build replaces stale files.
func TestBuildReplacesOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, smallSite(), Options{Out: out})
	fsys := smallSite()
	delete(fsys, "content/static/CNAME")
	build(t, fsys, Options{Out: out})
	if _, err := os.Stat(filepath.Join(out, "CNAME")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("CNAME of the previous build is still there: %v", err)
	}
}

// TestRefusesForeignOutput checks that a build never wipes a folder it did
// not write.
func TestRefusesForeignOutput(t *testing.T) {
	out := t.TempDir()
	precious := filepath.Join(out, "thesis.txt")
	if err := os.WriteFile(precious, []byte("years of work"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Options{FS: smallSite(), Out: out, Now: fixedNow}); err == nil || !strings.Contains(err.Error(), "refusing") {
		t.Fatalf("build into a foreign folder: got %v, want a refusal", err)
	}
	if b, err := os.ReadFile(precious); err != nil || string(b) != "years of work" {
		t.Errorf("the foreign file was touched: %q, %v", b, err)
	}
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// TestSafely checks that a panic while building one article becomes an
// error naming it instead of ending the program.
func TestSafely(t *testing.T) {
	err := safely("content/a.md", func() error { panic("a bug") })
	if err == nil || !strings.Contains(err.Error(), "content/a.md") {
		t.Errorf("safely: got %v, want an error naming content/a.md", err)
	}
	if err := safely("content/a.md", func() error { return nil }); err != nil {
		t.Errorf("safely of a good build: %v", err)
	}
}
