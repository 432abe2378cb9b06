package gitdates

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// repo makes a Git repository in a temporary folder.
func repo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed: .ci/run installs it")
	}
	dir := t.TempDir()
	run(t, dir, time.Time{}, "init", "-q")
	return dir
}

// run runs git in dir, committing at when.
func run(t *testing.T, dir string, when time.Time, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+when.Format(time.RFC3339), "GIT_COMMITTER_DATE="+when.Format(time.RFC3339))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func write(t *testing.T, dir, rel, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func commit(t *testing.T, dir string, when time.Time, files map[string]string) {
	t.Helper()
	for rel, text := range files {
		write(t, dir, rel, text)
	}
	run(t, dir, when, "add", "-A")
	run(t, dir, when, "commit", "-q", "-m", "c")
}

var (
	day1 = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	day2 = time.Date(2026, 11, 25, 10, 30, 0, 0, time.UTC)
)

func TestLast(t *testing.T) {
	dir := repo(t)
	commit(t, dir, day1, map[string]string{"site/content/a.md": "a", "site/content/a.annotations.yaml": "x", "site/content/b c é.md": "b", "outside.md": "o"})
	commit(t, dir, day2, map[string]string{"site/content/a.annotations.yaml": "y", "outside.md": "p"})
	write(t, dir, "site/content/b c é.md", "edited, not committed")
	write(t, dir, "site/content/new.md", "new")
	h, err := Load(context.Background(), filepath.Join(dir, "site"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		paths []string
		want  time.Time
	}{
		{name: "one commit", paths: []string{"content/a.md"}, want: day1},
		{name: "the later of article and sidecar", paths: []string{"content/a.md", "content/a.annotations.yaml"}, want: day2},
		{name: "odd name, uncommitted edit", paths: []string{"content/b c é.md"}, want: day1},
		{name: "never committed", paths: []string{"content/new.md"}},
		{name: "outside the folder", paths: []string{"outside.md", "../outside.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := h.Last(tt.paths...)
			if !got.Equal(tt.want) || ok == tt.want.IsZero() {
				t.Errorf("Last(%q) = %v, %v; want %v", tt.paths, got, ok, tt.want)
			}
		})
	}
	if h.Shallow() {
		t.Error("a full repository reads as shallow")
	}
}

func TestNoHistory(t *testing.T) {
	for name, dir := range map[string]string{"not a repository": t.TempDir(), "no commits": repo(t)} {
		t.Run(name, func(t *testing.T) {
			h, err := Load(context.Background(), dir)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := h.Last("a.md"); ok {
				t.Error("a date without history")
			}
		})
	}
}

func TestShallow(t *testing.T) {
	dir := repo(t)
	commit(t, dir, day1, map[string]string{"a.md": "a"})
	commit(t, dir, day2, map[string]string{"b.md": "b"})
	clone := filepath.Join(t.TempDir(), "clone")
	run(t, dir, day2, "clone", "-q", "--depth", "1", "file://"+dir, clone)
	h, err := Load(context.Background(), clone)
	if err != nil {
		t.Fatal(err)
	}
	if !h.Shallow() {
		t.Error("a shallow clone is not reported")
	}
}
