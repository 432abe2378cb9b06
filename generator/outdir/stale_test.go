package outdir

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestNewSweepsStoppedBuilds(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no folder locks: stale folders are left alone here")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	stale := filepath.Join(parent, ".public.new-123")
	if err := os.MkdirAll(filepath.Join(stale, "a"), 0o755); err != nil {
		t.Fatal(err)
	}
	running, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	defer running.Discard()
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("a stopped build's folder is still there: %v", err)
	}
	second, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Discard()
	if _, err := os.Stat(running.tmp); err != nil {
		t.Errorf("a running build's folder was swept: %v", err)
	}
	other := filepath.Join(parent, ".site.new-1")
	os.Mkdir(other, 0o755)
	if _, err := New(out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another output's folder was swept: %v", err)
	}
}

func TestDiscardAllLeavesTheOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	first.Write("index.html", []byte("one"))
	if _, err := first.Commit("one", ""); err != nil {
		t.Fatal(err)
	}
	o, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	o.Write("index.html", []byte("two"))
	DiscardAll()
	if _, err := os.Stat(o.tmp); !os.IsNotExist(err) {
		t.Errorf("DiscardAll left %s: %v", o.tmp, err)
	}
	if _, err := o.Commit("two", ""); err == nil {
		t.Error("Commit after DiscardAll succeeded")
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "one" || ID(out) != "one" {
		t.Errorf("output after DiscardAll: %q, id %q; want the first build's", b, ID(out))
	}
}

func TestMarkerStandsBesideTheOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	o, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	o.Write("index.html", []byte("x"))
	if _, err := o.Commit("abc", ""); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 || entries[0].Name() != "index.html" {
		t.Errorf("output holds %v, want only index.html", entries)
	}
	if ID(out) != "abc" || filepath.Dir(Marker(out)) != filepath.Dir(out) {
		t.Errorf("ID = %q at %s, want abc beside %s", ID(out), Marker(out), out)
	}
	// A marker that a repository ships beside a link to another folder
	// (public -> .git) names another folder's inode: it is not trusted.
	parent := filepath.Dir(out)
	victim := filepath.Join(parent, ".git")
	os.MkdirAll(filepath.Join(victim, "objects"), 0o755)
	b, _ := os.ReadFile(Marker(out))
	os.WriteFile(Marker(victim), b, 0o644)
	if _, err := New(victim); err == nil {
		t.Error("a forged marker was trusted")
	}
	if ID(victim) != "" {
		t.Errorf("ID of a forged marker = %q, want none", ID(victim))
	}
}

func TestResolveFollowsAnOutputLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "www", "site")
	os.MkdirAll(target, 0o755)
	link := filepath.Join(dir, "public")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	got, err := Resolve(link)
	if err != nil || got != target {
		t.Errorf("Resolve(link) = %q, %v; want %q", got, err, target)
	}
	if got, _ := Resolve(target); got != target {
		t.Errorf("Resolve(folder) = %q, want it unchanged", got)
	}
	os.Remove(target)
	if _, err := Resolve(link); err == nil {
		t.Error("Resolve of a dangling link: no error")
	}
}
