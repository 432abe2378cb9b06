package outdir

import (
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
	if _, err := o.Write("link/escaped.html", []byte("x")); err == nil {
		t.Error("write through a symlink out of the output succeeded")
	}
	old := filepath.Join(t.TempDir(), "old.html")
	if err := os.WriteFile(old, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := o.Link("link/linked.html", old); err == nil {
		t.Error("link through a symlink out of the output succeeded")
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("files written outside the output: %v", entries)
	}
}
