package gitdates

import (
	"errors"
	"io"
	"maps"
	"os/exec"
	"strings"
	"testing"
	"time"
)

func TestParseLog(t *testing.T) {
	t1, t2 := time.Unix(1700000200, 0).UTC(), time.Unix(1700000100, 0).UTC()
	for _, tc := range []struct {
		name string
		out  string
		want map[string]time.Time
		err  string // in the error; "" for none
	}{
		{name: "empty", out: "", want: map[string]time.Time{}},
		{
			name: "newest commit first",
			out:  "@1700000200\x00\nM\x00a.md\x00@1700000100\x00\nA\x00a.md\x00A\x00b.md\x00",
			want: map[string]time.Time{"a.md": t1, "b.md": t2},
		},
		{
			name: "first seen, not latest time",
			out:  "@1700000100\x00\nM\x00a.md\x00@1700000200\x00\nA\x00a.md\x00",
			want: map[string]time.Time{"a.md": t2},
		},
		{
			name: "names verbatim",
			out:  "@1700000200\x00\nA\x00\n@1\x00A\x00M\x00M\x00@5\x00A\x00x\ny z.md\x00",
			want: map[string]time.Time{"\n@1": t1, "M": t1, "@5": t1, "x\ny z.md": t1},
		},
		{
			name: "deleted, then older commits",
			out:  "@1700000200\x00\nD\x00a.md\x00@1700000100\x00\nA\x00a.md\x00",
			want: map[string]time.Time{"a.md": {}},
		},
		{
			name: "renamed and copied",
			out:  "@1700000200\x00\nR100\x00old.md\x00new.md\x00C075\x00src.md\x00copy.md\x00@1700000100\x00\nA\x00old.md\x00A\x00src.md\x00",
			want: map[string]time.Time{"old.md": {}, "new.md": t1, "copy.md": t1, "src.md": t2},
		},
		{
			name: "a commit without files",
			out:  "@1700000200\x00\x00@1700000100\x00\nA\x00a.md\x00",
			want: map[string]time.Time{"a.md": t2},
		},
		{name: "a status before any commit", out: "M\x00a.md\x00", err: `"M" where a commit`},
		{name: "a bad time", out: "@17e9\x00", err: `a commit time of "17e9"`},
		{name: "not a status", out: "@1\x00\nm\x00a.md\x00", err: `"m" where a commit`},
		{name: "cut after a status", out: "@1\x00\nM\x00", err: "stops in the middle"},
		{name: "cut in a name", out: "@1\x00\nM\x00a.m", err: "stops in the middle"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseLog(strings.NewReader(tc.out))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !errors.Is(err, errSyntax) {
					t.Fatalf("parseLog = %v, %v; want an error with %q", got, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(got, tc.want) {
				t.Errorf("parseLog = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestLimitReader(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		limit int64
		err   error
	}{
		{name: "under", text: "abc", limit: 4},
		{name: "exactly", text: "abcd", limit: 4},
		{name: "over", text: "abcde", limit: 4, err: errTooLong},
		{name: "nothing allowed", text: "a", limit: 0, err: errTooLong},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := io.ReadAll(&limitReader{r: strings.NewReader(tc.text), left: tc.limit})
			if !errors.Is(err, tc.err) {
				t.Fatalf("ReadAll = %q, %v; want error %v", b, err, tc.err)
			}
			if tc.err == nil && string(b) != tc.text {
				t.Errorf("ReadAll = %q, want %q", b, tc.text)
			}
		})
	}
}

func TestFailed(t *testing.T) {
	exit := exec.Command("false").Run() // an *exec.ExitError
	r := runner{dir: "site"}
	for _, tc := range []struct {
		name    string
		stderr  string
		want    string
		notRepo bool
	}{
		{
			name: "dubious ownership",
			stderr: "fatal: detected dubious ownership in repository at '/srv/my site'\n" +
				"To add an exception for this directory, call:\n\n\tgit config --global --add safe.directory '/srv/my site'\n",
			want: "git refuses to read the history of site: the repository /srv/my site belongs to another user (dubious ownership); if you trust it, run: git config --global --add safe.directory '/srv/my site'",
		},
		{
			name:    "not a repository",
			stderr:  "fatal: not a git repository (or any of the parent directories): .git\n",
			want:    "fatal: not a git repository (or any of the parent directories): .git",
			notRepo: true,
		},
		{
			name:   "anything else",
			stderr: "fatal: bad object HEAD\n",
			want:   "reading the Git history of site: git log: exit status 1: fatal: bad object HEAD",
		},
		{
			name: "silent",
			want: "reading the Git history of site: git log: exit status 1: no message",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := r.failed("log", exit, tc.stderr)
			if err.Error() != tc.want {
				t.Errorf("failed =\n%s\nwant\n%s", err, tc.want)
			}
			if errors.Is(err, errNotRepo) != tc.notRepo {
				t.Errorf("errors.Is(%v, errNotRepo) = %v", err, !tc.notRepo)
			}
			if !isExit(err, 1) {
				t.Errorf("%v does not unwrap to the exit status", err)
			}
		})
	}
}

func TestShellQuote(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{in: "/srv/site-1.2_x", want: "/srv/site-1.2_x"},
		{in: "/srv/my site", want: "'/srv/my site'"},
		{in: "/srv/it's", want: `'/srv/it'\''s'`},
		{in: "", want: "''"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := shellQuote(tc.in); got != tc.want {
				t.Errorf("shellQuote(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestEnviron(t *testing.T) {
	got := environ([]string{"HOME=/h", "GIT_DIR=.git", "LC_ALL=fr_FR.UTF-8", "GIT_CONFIG_GLOBAL=/g", "GIT_WORK_TREE=/w", "PATH=/bin"})
	want := []string{"HOME=/h", "GIT_CONFIG_GLOBAL=/g", "PATH=/bin", "LC_ALL=C", "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("environ = %q, want %q", got, want)
	}
}
