package outdir

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestCleanRel(t *testing.T) {
	for _, tc := range []struct {
		rel string
		ok  bool
	}{
		{rel: "a/b/index.html", ok: true},
		{rel: "tags/go/", ok: true},
		{rel: "../x", ok: false},
		{rel: "a/../../x", ok: false},
		{rel: "/etc/passwd", ok: false},
		{rel: "a\\..\\..\\x", ok: false},
		{rel: "", ok: false},
		{rel: "a/./b", ok: false},
	} {
		t.Run(tc.rel, func(t *testing.T) {
			_, err := CleanRel(tc.rel)
			if (err == nil) != tc.ok {
				t.Errorf("CleanRel(%q): err %v, want ok=%v", tc.rel, err, tc.ok)
			}
		})
	}
}

// TestOutputStaysInside checks that writes through the output's root cannot
// follow a symlink out of it.
func TestOutputStaysInside(t *testing.T) {
	outside := t.TempDir()
	o, err := New(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer o.Discard()
	if err := os.Symlink(outside, filepath.Join(o.tmp, "link")); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"link/escaped.html", "link/deep/escaped.html"} {
		if _, err := o.Write(rel, []byte("x")); err == nil {
			t.Errorf("write of %s through a symlink out of the output succeeded", rel)
		}
	}
	target := filepath.Join(outside, "target.html")
	if err := os.Symlink(target, filepath.Join(o.tmp, "named.html")); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Write("named.html", []byte("x")); err != nil {
		t.Errorf("write over a symlink in the output: %v", err)
	}
	old := filepath.Join(t.TempDir(), "old.html")
	if err := os.WriteFile(old, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := o.Link("link/linked.html", old); err == nil {
		t.Error("link through a symlink out of the output succeeded")
	}
	if info, err := os.Lstat(filepath.Join(o.tmp, "named.html")); err != nil || !info.Mode().IsRegular() {
		t.Errorf("named.html is %v (%v), want a file of the output", info, err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("files written outside the output: %v", entries)
	}
}

// BenchmarkWrite writes pages as a build of claim pages does, each in a
// folder of its own three levels down.
func BenchmarkWrite(b *testing.B) {
	page := []byte("<!doctype html><title>x</title>")
	for b.Loop() {
		b.StopTimer()
		o, err := New(filepath.Join(b.TempDir(), "public"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for a := range 50 {
			for c := range 10 {
				if _, err := o.Write(fmt.Sprintf("articles/a%d/claims/c%d/index.html", a, c), page); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.StopTimer()
		o.Discard()
		b.StartTimer()
	}
}
