package testsite_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/scholia/scholia/generator/internal/testsite"
	"github.com/scholia/scholia/generator/site"
)

// TestArchiveIsDeterministic writes one archive twice and wants the same
// bytes, a larger archive to start with the smaller one, and another seed
// to give other articles.
func TestArchiveIsDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, w := range []struct {
		dir  string
		n    int
		seed int64
	}{{a, 3, 7}, {b, 5, 7}, {c, 3, 8}} {
		if err := testsite.Archive(w.dir, w.n, w.seed); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 3 {
		for _, name := range []string{testsite.ArchivePath(i), strings.TrimSuffix(testsite.ArchivePath(i), ".md") + ".annotations.yaml"} {
			x, y, z := read(t, a, name), read(t, b, name), read(t, c, name)
			if x != y {
				t.Errorf("%s differs between two archives of seed 7", name)
			}
			if x == z {
				t.Errorf("%s is the same for seeds 7 and 8", name)
			}
		}
	}
}

// TestArchiveBuilds builds a 20-article archive: every quote must anchor,
// every article must have about 1,000 words, and some claims must be
// split by emphasis into several marks.
func TestArchiveBuilds(t *testing.T) {
	dir := t.TempDir()
	if err := testsite.Archive(dir, 20, 1); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := site.Build(site.Options{FS: os.DirFS(dir), Out: out})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages < 20 {
		t.Errorf("built %d pages, want at least the 20 articles", res.Pages)
	}
	code := regexp.MustCompile("(?s)```.*?```")
	split := 0
	for i := range 20 {
		md := code.ReplaceAllString(read(t, dir, testsite.ArchivePath(i)), "")
		if n := len(strings.Fields(md[strings.Index(md[3:], "---")+6:])); n < 900 || n > 1150 {
			t.Errorf("article %d has %d words outside code, want about 1,000", i, n)
		}
		page := read(t, out, strings.TrimSuffix(strings.TrimPrefix(testsite.ArchivePath(i), "content/"), ".md")+"/index.html")
		if n := strings.Count(page, `class="claim-note"`); n != 10 {
			t.Errorf("article %d has %d notes, want 10", i, n)
		}
		for c := 1; c <= 10; c++ {
			if strings.Count(page, `data-claim="c`+strconv.Itoa(c)+`"`) > 1 {
				split++
			}
		}
	}
	if split < 20 {
		t.Errorf("%d claims in 20 articles have several marks, want at least one in three", split)
	}
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
