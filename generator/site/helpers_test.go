package site

import (
	"io/fs"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/scholia/scholia/generator/i18n"
	"github.com/scholia/scholia/generator/internal/testsite"
	"github.com/scholia/scholia/generator/theme"
	"github.com/scholia/scholia/templates"
	"golang.org/x/tools/txtar"
)

// fixedNow keeps builds of test sites reproducible.
var fixedNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// archiveFS reads a txtar archive from testdata as a site.
func archiveFS(t *testing.T, name string) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644, ModTime: fixedNow}
	}
	return fsys
}

// readTree reads every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, err := testsite.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// build builds fsys into a fresh folder and returns it.
func build(t *testing.T, fsys fs.FS, opts Options) string {
	t.Helper()
	if opts.Out == "" {
		opts.Out = filepath.Join(t.TempDir(), "public")
	}
	opts.FS, opts.Now = fsys, fixedNow
	if _, err := Build(opts); err != nil {
		t.Fatalf("build: %v", err)
	}
	return opts.Out
}

// loadTheme loads the default theme, with fsys's overrides, in lang.
func loadTheme(t testing.TB, fsys fs.FS, lang string) *theme.Theme {
	t.Helper()
	cat, err := i18n.Load(templates.FS, fsys, lang)
	if err != nil {
		t.Fatal(err)
	}
	th, err := theme.Load(fsys, nil, cat)
	if err != nil {
		t.Fatal(err)
	}
	return th
}
