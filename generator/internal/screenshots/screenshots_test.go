package screenshots

import (
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scholia/scholia/generator/internal/chromium"
)

// TestScreenshots runs the program on the repository (make test-html runs
// it): every file is written, into a fresh temporary folder, each PNG as
// wide as its view and each PDF a PDF, and the repository's root holds the
// same names afterwards as before.
func TestScreenshots(t *testing.T) {
	if os.Getenv("SCHOLIA_PAGE_CHECKS") == "" {
		t.Skip("run by make test-html, which sets SCHOLIA_PAGE_CHECKS=1")
	}
	if chromium.Find() == "" {
		t.Skip("SKIPPED the screenshots: chromium is not installed")
	}
	root := filepath.Join("..", "..", "..")
	before := names(t, root)
	dir, files, err := Run(context.Background(), root, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if !strings.HasPrefix(dir, os.TempDir()) {
		t.Errorf("wrote into %s, not a temporary folder", dir)
	}
	if len(files) != len(shots) {
		t.Fatalf("wrote %d files, want %d", len(files), len(shots))
	}
	for i, s := range shots {
		data, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case filepath.Base(files[i]) != s.name || filepath.Dir(files[i]) != dir:
			t.Errorf("file %d is %s, want %s in %s", i, files[i], s.name, dir)
		case s.pdf && !bytes.HasPrefix(data, []byte("%PDF")):
			t.Errorf("%s is not a PDF", s.name)
		case !s.pdf && (len(data) < 24 || !bytes.HasPrefix(data, []byte("\x89PNG"))):
			t.Errorf("%s is not a PNG", s.name)
		case !s.pdf:
			// The IHDR chunk, first in a PNG, gives the width and height.
			w, h := binary.BigEndian.Uint32(data[16:20]), binary.BigEndian.Uint32(data[20:24])
			if int64(w) != s.width || h <= 800 {
				t.Errorf("%s is %dx%d, want %d wide and the whole page, taller than the window", s.name, w, h, s.width)
			}
			t.Logf("%s: %dx%d, %d bytes", s.name, w, h, len(data))
		}
	}
	if after := names(t, root); !slices.Equal(before, after) {
		t.Errorf("the repository's root held %v, and afterwards %v", before, after)
	}
}

// names lists the names in dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ns []string
	for _, e := range entries {
		ns = append(ns, e.Name())
	}
	return ns
}

// TestUnpack writes an archive's files under the folder, and refuses a
// name that would leave it.
func TestUnpack(t *testing.T) {
	for _, tc := range []struct {
		name, archive string
		ok            bool
	}{
		{name: "site", archive: "-- site.yaml --\ntitle: t\n-- content/a.md --\nA\n", ok: true},
		{name: "up and out", archive: "-- ../escape.md --\nA\n", ok: false},
		{name: "absolute", archive: "-- /tmp/escape.md --\nA\n", ok: false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			ar := filepath.Join(dir, "site.txtar")
			if err := os.WriteFile(ar, []byte(tc.archive), 0o644); err != nil {
				t.Fatal(err)
			}
			err := unpack(ar, filepath.Join(dir, "out"))
			if (err == nil) != tc.ok {
				t.Fatalf("unpack: %v, want ok %v", err, tc.ok)
			}
			if tc.ok {
				if b, err := os.ReadFile(filepath.Join(dir, "out", "content", "a.md")); err != nil || string(b) != "A\n" {
					t.Errorf("content/a.md: %q, %v", b, err)
				}
			}
		})
	}
}
