package outdir

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReuse checks the spare's life: Commit keeps the old output as the
// spare, Reuse writes into it without touching files it shares with the
// output, and Keep prunes what a build no longer makes.
func TestReuse(t *testing.T) {
	dir := t.TempDir()
	out, spare := filepath.Join(dir, "public"), filepath.Join(dir, "cache", "output")
	os.MkdirAll(filepath.Dir(spare), 0o755)
	write := func(f *Folder, rel, data string) {
		t.Helper()
		if _, err := f.Write(rel, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	read := func(p string) string {
		b, _ := os.ReadFile(p)
		return string(b)
	}
	first, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	write(first, "a/index.html", "a1")
	write(first, "b/c/index.html", "b1")
	if kept, err := first.Commit("one", spare); err != nil || kept {
		t.Fatalf("first commit: kept %v, %v; want no spare (there was no old output)", kept, err)
	}
	second, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := second.Link("a/index.html", filepath.Join(out, "a/index.html")); err != nil {
		t.Fatal(err)
	}
	write(second, "b/c/index.html", "b2")
	if kept, err := second.Commit("two", spare); err != nil || !kept {
		t.Fatalf("second commit: kept %v, %v; want the old output kept", kept, err)
	}
	if ID(out) != "two" || ID(spare) != "one" || read(filepath.Join(spare, "b/c/index.html")) != "b1" {
		t.Fatalf("after two commits: output %q, spare %q holding %q", ID(out), ID(spare), read(filepath.Join(spare, "b/c/index.html")))
	}
	third, err := Reuse(out, spare)
	if err != nil {
		t.Fatal(err)
	}
	if ID(spare) != "" {
		t.Error("Reuse left the spare's marker: a build stopped half-way would leave a trusted spare")
	}
	if _, ok := third.Lstat("a/index.html"); !ok {
		t.Error("Lstat of a file of the spare: not found")
	}
	// a/index.html is one file in both folders: a new version must not
	// change the output being served.
	write(third, "a/index.html", "a3")
	if got := read(filepath.Join(out, "a/index.html")); got != "a1" {
		t.Errorf("writing the spare changed the served output: %q", got)
	}
	os.WriteFile(filepath.Join(spare, "stray.txt"), []byte("not built"), 0o644)
	if err := third.Keep(func(rel string) bool { return rel == "a/index.html" }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(spare, "b")); !os.IsNotExist(err) {
		t.Errorf("Keep left the emptied folders: %v", err)
	}
	if _, err := os.Stat(filepath.Join(spare, "stray.txt")); !os.IsNotExist(err) {
		t.Errorf("Keep left a file no build made: %v", err)
	}
	write(third, "b", "a file where a folder was")
	if kept, err := third.Commit("three", spare); err != nil || !kept {
		t.Fatalf("third commit: kept %v, %v", kept, err)
	}
	if read(filepath.Join(out, "a/index.html")) != "a3" || read(filepath.Join(out, "b")) != "a file where a folder was" || ID(spare) != "two" {
		t.Errorf("after the third commit: a %q, b %q, spare %q", read(filepath.Join(out, "a/index.html")), read(filepath.Join(out, "b")), ID(spare))
	}
}
