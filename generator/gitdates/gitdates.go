package gitdates

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// maxLog bounds what Load reads of git's output.
const maxLog = 256 << 20

// History is the last commit time of each file of a folder.
type History struct {
	last    map[string]time.Time // by path relative to the folder, slash-separated
	shallow bool
}

// Load reads the history of the folder dir. Outside a Git work tree, or
// without git, it returns an empty History and no error.
func Load(ctx context.Context, dir string) (*History, error) {
	h := &History{last: map[string]time.Time{}}
	if _, err := exec.LookPath("git"); err != nil {
		return h, nil
	}
	inside, err := git(ctx, dir, "rev-parse", "--is-inside-work-tree")
	if err != nil || strings.TrimSpace(string(inside)) != "true" {
		if err != nil && strings.Contains(err.Error(), "dubious ownership") {
			return nil, fmt.Errorf("git refuses to read %s (dubious ownership): run git config --global --add safe.directory %s", dir, dir)
		}
		return h, nil
	}
	if _, err := git(ctx, dir, "rev-parse", "--verify", "-q", "HEAD"); err != nil {
		return h, nil // no commits yet
	}
	out, err := git(ctx, dir, "log", "--first-parent", "-m", "--no-renames", "--relative", "--format=@%ct", "--name-only", "-z", "--", ".")
	if err != nil {
		return nil, fmt.Errorf("reading the history of %s: %w", dir, err)
	}
	if err := h.parse(out); err != nil {
		return nil, err
	}
	sh, err := git(ctx, dir, "rev-parse", "--is-shallow-repository")
	h.shallow = err == nil && strings.TrimSpace(string(sh)) == "true"
	return h, nil
}

// parse reads git log's "@TIME\x00\nPATH\x00PATH\x00@TIME..." output,
// newest commit first: a path's first time is its last commit's.
func (h *History) parse(out []byte) error {
	var when time.Time
	for _, tok := range bytes.Split(out, []byte{0}) {
		tok = bytes.TrimPrefix(tok, []byte("\n"))
		if len(tok) == 0 {
			continue
		}
		if tok[0] == '@' {
			sec, err := strconv.ParseInt(string(tok[1:]), 10, 64)
			if err != nil {
				return fmt.Errorf("reading git log: bad time %q", tok)
			}
			when = time.Unix(sec, 0).UTC()
			continue
		}
		if p := string(tok); !when.IsZero() {
			if _, seen := h.last[p]; !seen {
				h.last[p] = when
			}
		}
	}
	return nil
}

// Last is the time of the last commit that touched any of paths (slash
// paths relative to the folder), and whether there is one.
func (h *History) Last(paths ...string) (time.Time, bool) {
	var last time.Time
	for _, p := range paths {
		if t, ok := h.last[p]; ok && t.After(last) {
			last = t
		}
	}
	return last, !last.IsZero()
}

// Shallow reports whether the repository is a shallow clone, whose dates
// may be too recent.
func (h *History) Shallow() bool { return h.shallow }

// git runs git in dir with a plain, non-interactive environment.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-c", "core.quotepath=off", "-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "LC_ALL=C", "GIT_TERMINAL_PROMPT=0")
	var stdout, stderr limited
	stdout.max, stderr.max = maxLog, 1<<16
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if stdout.over {
		return nil, errors.New("git log is longer than 256 MiB")
	}
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return stdout.Bytes(), nil
}

// limited is a buffer that keeps at most max bytes.
type limited struct {
	bytes.Buffer
	max  int
	over bool
}

func (l *limited) Write(p []byte) (int, error) {
	if l.Len()+len(p) > l.max {
		l.over = true
		return 0, errors.New("too much output")
	}
	return l.Buffer.Write(p)
}
