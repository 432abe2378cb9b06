package cli

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scholia/scholia/generator/internal/testsite"
)

// TestReproducibleBuild builds the example site in two fresh clones of one
// commit, whose files have different modification times, and compares
// every byte of the two outputs. The dates in them come from the commit.
func TestReproducibleBuild(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed: .ci/run installs it")
	}
	origin := t.TempDir()
	for _, p := range []string{"site.yaml", "content"} {
		copyTree(t, filepath.Join("..", "..", p), filepath.Join(origin, p))
	}
	gitIn(t, origin, "init", "-q")
	gitIn(t, origin, "add", "-A")
	gitIn(t, origin, "commit", "-q", "-m", "the example")
	outs := make([]map[string]string, 2)
	for i, mtime := range []time.Time{time.Date(2027, 1, 2, 3, 4, 5, 0, time.UTC), time.Date(2031, 6, 7, 8, 9, 10, 0, time.UTC)} {
		clone := filepath.Join(t.TempDir(), "site")
		gitIn(t, origin, "clone", "-q", "file://"+origin, clone)
		err := filepath.WalkDir(clone, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			return os.Chtimes(p, mtime, mtime)
		})
		if err != nil {
			t.Fatal(err)
		}
		if status, _, stderr := run("build", "-src", clone, "-no-cache", "-base-url", "https://example.org/"); status != ExitOK {
			t.Fatalf("build: %d\n%s", status, stderr)
		}
		if outs[i], err = testsite.Read(filepath.Join(clone, "public")); err != nil {
			t.Fatal(err)
		}
	}
	if len(outs[0]) < 40 {
		t.Fatalf("only %d files built", len(outs[0]))
	}
	// A page is dated by its commit; the reviewed article by its review's
	// update log, which is newer.
	for _, want := range []string{"<loc>https://example.org/about/</loc>\n    <lastmod>2026-11-21</lastmod>",
		"<loc>https://example.org/articles/russia-taliban-arms/</loc>\n    <lastmod>2026-12-02</lastmod>"} {
		if !strings.Contains(outs[0]["sitemap.xml"], want) {
			t.Errorf("the sitemap has no %q:\n%s", want, outs[0]["sitemap.xml"])
		}
	}
	for name, b := range outs[0] {
		if outs[1][name] != b {
			t.Errorf("%s differs between the clones", name)
		}
	}
	if len(outs[0]) != len(outs[1]) {
		t.Errorf("%d files, then %d", len(outs[0]), len(outs[1]))
	}
}

// gitIn runs git in dir as a test committer, at a fixed date.
func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE=2026-11-21T10:00:00Z", "GIT_COMMITTER_DATE=2026-11-21T10:00:00Z")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
