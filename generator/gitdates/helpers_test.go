package gitdates

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// setup skips t when git is missing, and makes git, for t and for Load,
// read an empty global configuration and no system one, so that the
// tests do not depend on the machine's (a global safe.directory=* would
// hide the dubious ownership error, for one).
func setup(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("SKIPPED, NOT PASSED: git is not installed, and these tests run it: install git")
	}
	global := filepath.Join(t.TempDir(), "gitconfig")
	if err := os.WriteFile(global, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", global)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	// git lets root read a repository of another user when sudo says the
	// user is that one.
	t.Setenv("SUDO_UID", "")
	os.Unsetenv("SUDO_UID")
}

// gitAt runs git in dir as a test user, with the author and committer
// dates given (the zero time: now).
func gitAt(t *testing.T, dir string, authored, committed time.Time, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	cmd.Env = environ(os.Environ())
	if !committed.IsZero() {
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+authored.Format(time.RFC3339), "GIT_COMMITTER_DATE="+committed.Format(time.RFC3339))
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %q: %v\n%s", args, err, out)
	}
	return string(out)
}

// git runs git in dir, committing at when.
func git(t *testing.T, dir string, when time.Time, args ...string) string {
	t.Helper()
	return gitAt(t, dir, when, when, args...)
}

// newRepo makes an empty repository in a temporary folder.
func newRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	git(t, dir, time.Time{}, "init", "-q")
	return dir
}

// write writes text to the file rel (a slash path) of dir.
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

// commit writes files into dir and commits all changes at when.
func commit(t *testing.T, dir string, when time.Time, files map[string]string) {
	t.Helper()
	for rel, text := range files {
		write(t, dir, rel, text)
	}
	git(t, dir, when, "add", "-A")
	git(t, dir, when, "commit", "-q", "--allow-empty", "-m", "change")
}

// day is 2026-11-n at 09:00 UTC.
func day(n int) time.Time {
	return time.Date(2026, 11, n, 9, 0, 0, 0, time.UTC)
}

// Odd file names, each of which must come back as it is.
const (
	spaced   = "content/b c é.md"
	newline  = "content/x\ny\t\"q\".md"
	looksLog = "content/@1700000000"
	status   = "A" // a file's status in git log's output
)

// history makes the repository of the package documentation's example,
// and more: a site in site/ of the repository returned, with a history of
// edits, a rename, a deletion, a merge, and edits not committed.
func history(t *testing.T) string {
	t.Helper()
	top := newRepo(t)
	commit(t, top, day(1), map[string]string{
		"README.md":                            "outside the site",
		"site/content/a.md":                    "a",
		"site/content/a.annotations.yaml":      "a's claims",
		"site/content/c.md":                    "c",
		"site/content/c.annotations.yaml":      "c's claims",
		"site/" + spaced:                       "b",
		"site/" + newline:                      "x",
		"site/" + looksLog:                     "@",
		"site/" + status:                       "A",
		"site/content/old.md":                  "renamed later",
		"site/content/gone.md":                 "deleted later",
		"site/content/deep/er/and/deeper/d.md": "d",
	})
	// Written on day 1, committed on day 2 (as by a rebase).
	write(t, top, "site/content/c.annotations.yaml", "c's claims, fixed")
	write(t, top, "README.md", "still outside")
	git(t, top, time.Time{}, "add", "-A")
	gitAt(t, top, day(1), day(2), "commit", "-q", "-m", "rebased")
	git(t, top, day(3), "mv", "site/content/old.md", "site/content/new.md")
	git(t, top, day(3), "rm", "-q", "site/content/gone.md")
	git(t, top, day(3), "commit", "-q", "-m", "rename and delete")
	git(t, top, day(3), "checkout", "-q", "-b", "side")
	commit(t, top, day(4), map[string]string{"site/content/side.md": "side", "site/" + spaced: "b, on a branch"})
	git(t, top, day(4), "checkout", "-q", "main")
	commit(t, top, day(5), map[string]string{"site/content/a.md": "a, again"})
	git(t, top, day(6), "merge", "-q", "--no-ff", "-m", "merge side", "side")
	commit(t, top, day(7), map[string]string{"README.md": "only outside"})
	// Not committed.
	write(t, top, "site/"+newline, "x, edited")
	write(t, top, "site/content/fresh.md", "new")
	write(t, top, "site/content/gone.md", "made again")
	write(t, top, "site/content/staged.md", "staged")
	git(t, top, time.Time{}, "add", "site/content/staged.md")
	return top
}
