package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholia/scholia/generator/internal/testsite"

	"github.com/scholia/scholia/generator/diag"
)

// TestLiveNeverReadsOutside checks the dev server's reads through an
// os.Root, as the CLI opens a site: a static file that a git pull turns
// into a link out of the site is not served, before the watcher reports
// it or after, and the walk warns of the link.
func TestLiveNeverReadsOutside(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(secret, []byte("secret"), 0o644)
	if err := testsite.Write(dir, map[string]string{
		"content/a.md":           "---\ntitle: A\ndate: 2026-01-01\n---\n\nText.\n",
		"content/static/own.txt": "own",
		"site.yaml":              "title: T\n",
	}); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	var warnings []string
	live, err := NewLive(Options{FS: root.FS(), Now: fixedNow, Warn: func(e *diag.Error) { warnings = append(warnings, e.Error()) }})
	if err != nil {
		t.Fatal(err)
	}
	if b, ok := live.File("own.txt"); !ok || string(b) != "own" {
		t.Fatalf("own.txt = %q, %v before the link", b, ok)
	}
	own := filepath.Join(dir, "content/static/own.txt")
	os.Remove(own)
	if err := os.Symlink(secret, own); err != nil {
		t.Fatal(err)
	}
	if b, _ := live.File("own.txt"); strings.Contains(string(b), "secret") {
		t.Error("served a file out of the site before the update")
	}
	if _, err := live.Update([]string{"content/static/own.txt"}); err != nil {
		t.Fatal(err)
	}
	if b, ok := live.File("own.txt"); ok || strings.Contains(string(b), "secret") {
		t.Errorf("own.txt = %q, %v after the update; want it gone", b, ok)
	}
	want := "content/static/own.txt: warning: a symbolic link that leads out of the site, or nowhere: skipped (scholia reads only files inside the site's folder)"
	if len(warnings) != 1 || warnings[0] != want {
		t.Errorf("warnings %q, want [%s]", warnings, want)
	}
}
