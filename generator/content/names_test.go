package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/scholia/scholia/generator/internal/testsite"

	"github.com/google/go-cmp/cmp"
)

func TestScanNames(t *testing.T) {
	md := &fstest.MapFile{Data: []byte("---\ntitle: A\n---\n")}
	fsys := fstest.MapFS{
		"content/a#b.md":                          md,
		"content/sp ace.md":                       md,
		"content/Abc.md":                          md,
		"content/abc.md":                          md,
		"content/\u00e9t\u00e9.md":                md,
		"content/e\u0301te\u0301.md":              md,
		"content/x\\..\\evil.md":                  md,
		"content/esc\x1b[31m.md":                  md,
		"content/static/.nojekyll":                {},
		"content/static/.well-known/security.txt": {},
		"content/static/.DS_Store":                {},
		"content/static/.git/config":              {},
		"content/static/.#lock":                   {},
		"content/.hidden.md":                      md,
	}
	tree, errs := Scan(fsys)
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		`content/abc.md: the name differs from content/Abc.md only in case, and macOS and Windows take the two for one file: rename or remove one`,
		`content/esc\x1b[31m.md: the name holds a control character (shown escaped here): rename it`,
		`content/x\..\evil.md: the name holds a backslash (\), which browsers read as "/" in a URL: rename it`,
		"content/\u00e9t\u00e9.md: the name differs from content/e\u0301te\u0301.md only in Unicode form (NFC and NFD), and macOS and Windows take the two for one file: rename or remove one",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	var static []string
	for _, f := range tree.Static {
		static = append(static, f.Out)
	}
	if diff := cmp.Diff([]string{".nojekyll", ".well-known/security.txt"}, static); diff != "" {
		t.Errorf("published static files (-want +got):\n%s", diff)
	}
}

func TestScanSymlinks(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(outside, []byte("secret"), 0o644)
	if err := testsite.Write(dir, map[string]string{
		"content/a.md":           "---\ntitle: A\n---\n",
		"content/static/own.txt": "own",
		"content/folder/x.txt":   "x",
	}); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"content/static/passwd.txt": outside,
		"content/static/up.txt":     "../../../secret.txt",
		"content/static/inside.txt": "own.txt",
		"content/static/dangling":   "nowhere",
		"content/static/dir":        "../folder",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for name, fsys := range map[string]fs.FS{"os.Root": root.FS(), "os.DirFS": os.DirFS(dir)} {
		t.Run(name, func(t *testing.T) {
			tree, errs := Scan(fsys)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			var static, warned []string
			for _, f := range tree.Static {
				static = append(static, f.Out)
			}
			for _, w := range tree.Warnings {
				if !w.Warning {
					t.Errorf("%v is not a warning", w)
				}
				warned = append(warned, w.Path)
			}
			if diff := cmp.Diff([]string{"folder/x.txt", "inside.txt", "own.txt"}, static); diff != "" {
				t.Errorf("copied (-want +got):\n%s", diff)
			}
			wantWarned := []string{"content/static/dangling", "content/static/dir", "content/static/passwd.txt", "content/static/up.txt"}
			if diff := cmp.Diff(wantWarned, warned); diff != "" {
				t.Errorf("warned about (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFoldASCII: the fast path for ASCII names folds every ASCII byte as
// Unicode case folding and NFC do.
func TestFoldASCII(t *testing.T) {
	var all []byte
	for b := 0; b < utf8.RuneSelf; b++ {
		all = append(all, byte(b))
	}
	for _, s := range []string{string(all), "Articles/A0500/Claims/ID/index.HTML", "already/lower", ""} {
		if got, want := Fold(s), cases.Fold().String(norm.NFC.String(s)); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
	if Fold("ÉTÉ") != Fold("e\u0301te\u0301") {
		t.Error("a name in NFD does not fold as its NFC form")
	}
}
