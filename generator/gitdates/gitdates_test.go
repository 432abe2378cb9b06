package gitdates

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLast(t *testing.T) {
	setup(t)
	top := history(t)
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(filepath.Join(top, "site"), link); err != nil {
		t.Fatal(err)
	}
	// Paths are relative to the site folder; prefix makes them relative to
	// the folder loaded.
	for _, folder := range []struct {
		name   string
		dir    string
		prefix string
	}{
		{name: "subfolder", dir: filepath.Join(top, "site")},
		{name: "top of the repository", dir: top, prefix: "site/"},
		{name: "through a symbolic link", dir: link},
		{name: "relative", dir: "site"},
	} {
		t.Run(folder.name, func(t *testing.T) {
			t.Chdir(top)
			h, err := Load(context.Background(), folder.dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, tc := range []struct {
				name  string
				paths []string
				want  time.Time // zero: none
			}{
				{name: "edited twice, the later", paths: []string{"content/a.md"}, want: day(5)},
				{name: "committed once", paths: []string{"content/c.md"}, want: day(1)},
				{name: "the committer's date, not the author's", paths: []string{"content/c.annotations.yaml"}, want: day(2)},
				{name: "article and sidecar: the later", paths: []string{"content/c.md", "content/c.annotations.yaml"}, want: day(2)},
				{name: "sidecar and article: the later", paths: []string{"content/c.annotations.yaml", "content/c.md"}, want: day(2)},
				{name: "article later than sidecar", paths: []string{"content/a.md", "content/a.annotations.yaml"}, want: day(5)},
				{name: "one path without a date", paths: []string{"content/fresh.md", "content/c.md"}, want: day(1)},
				{name: "deep", paths: []string{"content/deep/er/and/deeper/d.md"}, want: day(1)},
				{name: "cleaned", paths: []string{"./content//deep/er/../er/and/deeper/d.md"}, want: day(1)},
				{name: "spaces and accents", paths: []string{spaced}, want: day(6)},
				{name: "line feed, tab and quotes; edited since", paths: []string{newline}, want: day(1)},
				{name: "like a commit line", paths: []string{looksLog}, want: day(1)},
				{name: "like a status", paths: []string{status}, want: day(1)},
				{name: "merged: dated by the merge", paths: []string{"content/side.md"}, want: day(6)},
				{name: "renamed: dated by the rename", paths: []string{"content/new.md"}, want: day(3)},
				{name: "renamed away", paths: []string{"content/old.md"}},
				{name: "deleted, then made again but not committed", paths: []string{"content/gone.md"}},
				{name: "never committed", paths: []string{"content/fresh.md"}},
				{name: "staged, not committed", paths: []string{"content/staged.md"}},
				{name: "a folder", paths: []string{"content"}},
				{name: "no paths"},
			} {
				t.Run(tc.name, func(t *testing.T) {
					paths := make([]string, len(tc.paths))
					for i, p := range tc.paths {
						paths[i] = folder.prefix + p
					}
					got, ok := h.Last(paths...)
					if got != tc.want || ok == tc.want.IsZero() {
						t.Errorf("Last(%q) = %v, %v; want %v, %v", paths, got, ok, tc.want, !tc.want.IsZero())
					}
					if ok && got.Location() != time.UTC {
						t.Errorf("Last(%q) is in %v, not UTC", paths, got.Location())
					}
				})
			}
			if h.Shallow() {
				t.Error("a full repository reads as shallow")
			}
		})
	}
}

func TestOutsideTheSite(t *testing.T) {
	setup(t)
	top := history(t)
	h, err := Load(context.Background(), filepath.Join(top, "site"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"README.md", "../README.md", "site/content/a.md"} {
		if got, ok := h.Last(p); ok {
			t.Errorf("Last(%q) = %v, outside the site", p, got)
		}
	}
	for p := range h.last {
		if strings.HasPrefix(p, "../") || strings.HasPrefix(p, "site/") || path.Clean(p) != p {
			t.Errorf("a path not relative to the site: %q", p)
		}
	}
	if want := 11; h.Len() != want {
		t.Errorf("Len() = %d, want %d", h.Len(), want)
	}
}

func TestNoHistory(t *testing.T) {
	setup(t)
	notRepo := t.TempDir()
	// However the machine's folders are, the test's must not be found in
	// a repository above them.
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(notRepo))
	empty := newRepo(t)
	untracked := newRepo(t)
	commit(t, untracked, day(1), map[string]string{"other/a.md": "a"})
	write(t, untracked, "site/content/a.md", "not committed")
	for _, tc := range []struct {
		name  string
		dir   string
		noGit bool
	}{
		{name: "not a repository", dir: notRepo},
		{name: "no commits", dir: empty},
		{name: "inside .git", dir: filepath.Join(untracked, ".git")},
		{name: "no commit touched the folder", dir: filepath.Join(untracked, "site")},
		{name: "git not installed", dir: untracked, noGit: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.noGit {
				t.Setenv("PATH", t.TempDir())
			}
			h, err := Load(context.Background(), tc.dir)
			if err != nil {
				t.Fatal(err)
			}
			if got, ok := h.Last("a.md", "content/a.md", "other/a.md", "config"); ok {
				t.Errorf("a date without history: %v", got)
			}
			if h.Len() != 0 || h.Shallow() {
				t.Errorf("Len() = %d, Shallow() = %v; want 0, false", h.Len(), h.Shallow())
			}
		})
	}
}

func TestNil(t *testing.T) {
	var h *History
	if _, ok := h.Last("a.md"); ok || h.Shallow() || h.Len() != 0 {
		t.Error("a nil History is not empty")
	}
}

func TestBadFolder(t *testing.T) {
	setup(t)
	top := newRepo(t)
	commit(t, top, day(1), map[string]string{"a.md": "a"})
	for _, tc := range []struct {
		name string
		dir  string
		want string
	}{
		{name: "missing", dir: filepath.Join(top, "missing"), want: "no such file"},
		{name: "a file", dir: filepath.Join(top, "a.md"), want: "not a folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(context.Background(), tc.dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Load = %v, want an error with %q", err, tc.want)
			}
			if tc.name == "missing" && !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("%v is not fs.ErrNotExist", err)
			}
		})
	}
}

// TestClones loads the history of a full clone and of a shallow one,
// made at another time than the original's commits.
func TestClones(t *testing.T) {
	setup(t)
	top := history(t)
	want, err := Load(context.Background(), filepath.Join(top, "site"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		args    []string
		shallow bool
	}{
		{name: "full", args: []string{"clone", "-q"}},
		{name: "shallow", args: []string{"clone", "-q", "--depth", "1"}, shallow: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clone := filepath.Join(t.TempDir(), "clone")
			git(t, top, day(20), append(tc.args, "file://"+top, clone)...)
			h, err := Load(context.Background(), filepath.Join(clone, "site"))
			if err != nil {
				t.Fatal(err)
			}
			if h.Shallow() != tc.shallow {
				t.Errorf("Shallow() = %v, want %v", h.Shallow(), tc.shallow)
			}
			got, _ := h.Last("content/c.md")
			switch {
			case !tc.shallow && !maps.Equal(h.last, want.last):
				t.Errorf("the clone's history differs:\n%v\nwant\n%v", h.last, want.last)
			case tc.shallow && got != day(7):
				// The one commit of the clone looks as if it added
				// every file, which is why the caller warns.
				t.Errorf("Last(content/c.md) = %v in a shallow clone, want its one commit's %v", got, day(7))
			}
		})
	}
}

// TestConfiguration gives git a global configuration that changes what
// git log prints, and expects the same history.
func TestConfiguration(t *testing.T) {
	setup(t)
	top := history(t)
	site := filepath.Join(top, "site")
	want, err := Load(context.Background(), site)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Dir(os.Getenv("GIT_CONFIG_GLOBAL")), "gitconfig", `[log]
	showRoot = false
	follow = true
	diffMerges = combined
	showSignature = true
	date = relative
	decorate = full
[diff]
	renames = copies
	relative = false
	noprefix = true
	external = false
[color]
	ui = always
[core]
	quotepath = true
[format]
	pretty = fuller
[pager]
	log = false
`)
	got, err := Load(context.Background(), site)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got.last, want.last) {
		t.Errorf("with the configuration:\n%v\nwithout:\n%v", got.last, want.last)
	}
}

// TestEnvironment runs Load as from a Git hook of another repository,
// with GIT_DIR and the like set for it.
func TestEnvironment(t *testing.T) {
	setup(t)
	top := history(t)
	other := newRepo(t)
	commit(t, other, day(9), map[string]string{"content/a.md": "another a"})
	t.Chdir(other)
	t.Setenv("GIT_DIR", ".git")
	t.Setenv("GIT_WORK_TREE", other)
	t.Setenv("GIT_INDEX_FILE", filepath.Join(other, ".git", "index"))
	t.Setenv("GIT_PREFIX", "content/")
	t.Setenv("LC_ALL", "fr_FR.UTF-8")
	h, err := Load(context.Background(), filepath.Join(top, "site"))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := h.Last("content/a.md"); got != day(5) {
		t.Errorf("Last(content/a.md) = %v, want %v", got, day(5))
	}
}

func TestDubiousOwnership(t *testing.T) {
	setup(t)
	if os.Geteuid() != 0 {
		t.Skip("only root can give a repository to another user")
	}
	top := history(t)
	if out, err := exec.Command("chown", "-R", "65534:65534", top).CombinedOutput(); err != nil {
		t.Fatalf("chown: %v\n%s", err, out)
	}
	_, err := Load(context.Background(), filepath.Join(top, "site"))
	want := "git config --global --add safe.directory " + top
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("Load = %v, want an error that says %q", err, want)
	}
	git(t, t.TempDir(), time.Time{}, "config", "--global", "--add", "safe.directory", top)
	h, err := Load(context.Background(), filepath.Join(top, "site"))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := h.Last("content/a.md"); got != day(5) {
		t.Errorf("Last(content/a.md) = %v, want %v", got, day(5))
	}
}

func TestCanceled(t *testing.T) {
	setup(t)
	top := history(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx, top); !errors.Is(err, context.Canceled) {
		t.Errorf("Load = %v, want context.Canceled", err)
	}
}

func TestTooLong(t *testing.T) {
	setup(t)
	top := history(t)
	old := maxOutput
	t.Cleanup(func() { maxOutput = old })
	maxOutput = 100
	_, err := Load(context.Background(), top)
	if want := "git log printed more than 100 bytes"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Load = %v, want an error with %q", err, want)
	}
}
