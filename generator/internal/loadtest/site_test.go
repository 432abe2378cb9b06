package loadtest

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/scholia/scholia/generator/internal/testsite"
)

// files lists the files under dir as slash paths.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var got []string
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			got = append(got, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestCopySite(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name: "example",
			files: map[string]string{
				"site.yaml": "title: T\n", "content/articles/a.md": "a", "content/about.md": "b",
				"templates/base.html": "x", "templates/assets/style.css": "y", "templates/embed.go": "package templates",
				"generator/x.go": "package x", "public/index.html": "old", "README.md": "r",
			},
			want: []string{"content/about.md", "content/articles/a.md", "site.yaml", "templates/assets/style.css", "templates/base.html"},
		},
		{
			name:  "no site.yaml",
			files: map[string]string{"content/articles/a.md": "a", "templates/base.html": "x"},
			want:  []string{"content/articles/a.md", "templates/base.html"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, dir := t.TempDir(), t.TempDir()
			if err := testsite.Write(root, tc.files); err != nil {
				t.Fatal(err)
			}
			if err := copySite(root, dir); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, files(t, dir)); diff != "" {
				t.Errorf("copied (-want +got):\n%s", diff)
			}
		})
	}
}

// TestExampleSitePaths builds a copy of the repository's example site, as
// Run does, and checks the URLs wrk is given.
func TestExampleSitePaths(t *testing.T) {
	dir := t.TempDir()
	if err := copySite(filepath.Join("..", "..", ".."), dir); err != nil {
		t.Fatal(err)
	}
	paths, err := sitePaths(dir, filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/", "/assets/style.css", "/feed.xml", "/tags/"} {
		if !slices.Contains(paths, want) {
			t.Errorf("no %s in %q", want, paths)
		}
	}
	for _, p := range paths {
		if strings.HasSuffix(p, "index.html") || strings.Contains(p, "404") || strings.Contains(p, "/.") {
			t.Errorf("%s is among the paths: it would not answer 200 at once", p)
		}
	}
	arts, err := articles(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if !slices.Contains(paths, pageOf(a)) {
			t.Errorf("%s: no page %s in %q", a, pageOf(a), paths)
		}
	}
}

// TestEditor checks that edits go round the articles, each replacing the
// last edit's sentence rather than adding to it, and leave no temporary
// file behind.
func TestEditor(t *testing.T) {
	dir := t.TempDir()
	if err := testsite.Write(dir, map[string]string{
		"content/articles/a.md": "---\ntitle: A\n---\n\nText of a.\n\n",
		"content/articles/b.md": "---\ntitle: B\n---\n\nText of b.",
		"content/about.md":      "About.",
	}); err != nil {
		t.Fatal(err)
	}
	arts, err := articles(dir)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"content/articles/a.md", "content/articles/b.md"}, arts); diff != "" {
		t.Fatalf("articles (-want +got):\n%s", diff)
	}
	ed, err := newEditor(dir, arts)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct{ article, text string }{
		{"content/articles/a.md", "---\ntitle: A\n---\n\nText of a.\n\nLoad test edit 1.\n"},
		{"content/articles/b.md", "---\ntitle: B\n---\n\nText of b.\n\nLoad test edit 2.\n"},
		{"content/articles/a.md", "---\ntitle: A\n---\n\nText of a.\n\nLoad test edit 3.\n"},
	} {
		rel, err := ed.edit()
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		got := struct{ article, text string }{rel, string(data)}
		if got != want {
			t.Errorf("edit %d: %q, want %q", ed.n, got, want)
		}
	}
	if diff := cmp.Diff([]string{"content/about.md", "content/articles/a.md", "content/articles/b.md"}, files(t, dir)); diff != "" {
		t.Errorf("files after the edits (-want +got):\n%s", diff)
	}
}
