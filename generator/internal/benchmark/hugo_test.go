package benchmark

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholia/scholia/generator/internal/testsite"
)

// TestHugoSite makes the Hugo copy of a small archive: the Markdown and the
// layout, no sidecars; and, when hugo is installed, builds it.
func TestHugoSite(t *testing.T) {
	src, dir := t.TempDir(), t.TempDir()
	if err := testsite.Archive(src, 3, 1); err != nil {
		t.Fatal(err)
	}
	if err := hugoSite(src, dir); err != nil {
		t.Fatal(err)
	}
	md := filepath.FromSlash(testsite.ArchivePath(2))
	if _, err := os.Stat(filepath.Join(dir, md)); err != nil {
		t.Errorf("article not copied: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, strings.TrimSuffix(md, ".md")+".annotations.yaml")); err == nil {
		t.Error("sidecar copied into the Hugo site")
	}
	hugo := findHugo("")
	if hugo == "" {
		t.Skip("SKIPPED building with Hugo: " + hugoMissing)
	}
	out := filepath.Join(t.TempDir(), "out")
	if msg, err := exec.Command(hugo, "--quiet", "-s", dir, "-d", out).CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, msg)
	}
	page, err := os.ReadFile(filepath.Join(out, "articles", "a00002", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `class="article-body"`) || !strings.Contains(string(page), `class="chroma"`) {
		t.Errorf("Hugo's page lacks the body or highlighted code:\n%s", page)
	}
}
