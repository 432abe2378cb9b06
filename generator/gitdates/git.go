package gitdates

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// maxOutput bounds what Load reads of git's output, so that a huge or
// hostile repository fails with a clear error rather than filling memory.
// A history of a million file changes with 100-byte names is about 110 MB.
// It is a variable for the tests.
var maxOutput int64 = 256 << 20

// maxStderr bounds what is kept of git's error output, for messages.
const maxStderr = 16 << 10

var (
	// errNotRepo is git's "not a git repository": no history, not a failure.
	errNotRepo = errors.New("not in a Git repository")
	// errTooLong is output beyond maxOutput.
	errTooLong = errors.New("git printed too much")
)

// runner runs git in the site folder.
type runner struct {
	git string // the git program, as found on PATH
	dir string // the site folder, as given to Load
}

// command is git with the options that make its output the same whatever
// the user's configuration, for args run in r.dir.
//
// The user's configuration is kept, not ignored with GIT_CONFIG_NOSYSTEM
// and GIT_CONFIG_GLOBAL: it is where safe.directory is set, which a CI
// container may need. What in it could change the output is overridden
// on the command line, by -c here and by the options in logArgs.
func (r runner) command(ctx context.Context, args ...string) *exec.Cmd {
	pre := []string{
		"--no-pager",
		"-c", "core.quotepath=off",
		// With -m, merges are diffed as log.diffMerges says (git 2.31 and
		// later; earlier ones always diffed against the first parent,
		// and ignore this setting).
		"-c", "log.diffMerges=first-parent",
		"-C", r.dir,
	}
	cmd := exec.CommandContext(ctx, r.git, append(pre, args...)...)
	cmd.Env = environ(os.Environ())
	// Should git leave a child behind that holds the pipes, Wait would
	// block after the context is done without this.
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// environ is env with what points git at another repository than the one
// that holds the site folder taken out, and a fixed language and no
// prompts added. GIT_DIR and the like are set in the hooks and aliases of
// the repository a command is started from, relative to its folder: kept,
// they would date the site by that repository (or by none, once -C moves
// away from the folder they are relative to). LC_ALL=C keeps git's
// messages in English, which Load matches; GIT_TERMINAL_PROMPT=0 keeps it
// from ever waiting on a terminal.
func environ(env []string) []string {
	drop := map[string]bool{
		"GIT_DIR": true, "GIT_WORK_TREE": true, "GIT_COMMON_DIR": true,
		"GIT_INDEX_FILE": true, "GIT_OBJECT_DIRECTORY": true,
		"GIT_ALTERNATE_OBJECT_DIRECTORIES": true, "GIT_NAMESPACE": true,
		"GIT_PREFIX": true, "GIT_SHALLOW_FILE": true,
		"LC_ALL": true, "GIT_TERMINAL_PROMPT": true, "GIT_OPTIONAL_LOCKS": true,
	}
	out := make([]string, 0, len(env)+3)
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		if !drop[k] {
			out = append(out, kv)
		}
	}
	// GIT_OPTIONAL_LOCKS=0: a build must not contend for the index with
	// the editor's own git.
	return append(out, "LC_ALL=C", "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0")
}

// output runs git with args and returns what it printed.
func (r runner) output(ctx context.Context, args ...string) ([]byte, error) {
	var stdout bytes.Buffer
	err := r.stream(ctx, args, func(out io.Reader) error {
		_, err := stdout.ReadFrom(out)
		return err
	})
	return stdout.Bytes(), err
}

// stream runs git with args and has read consume its output, which is cut
// off with errTooLong beyond maxOutput. Errors name the command and carry
// what git said.
func (r runner) stream(ctx context.Context, args []string, read func(io.Reader) error) error {
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := r.command(ctx, args...)
	stderr := &capped{max: maxStderr}
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("running git %s: %w", args[0], err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("running git %s: %w", args[0], err)
	}
	rerr := read(&limitReader{r: out, left: maxOutput})
	if rerr != nil {
		cancel() // git may still be writing: stop it rather than drain it
	}
	werr := cmd.Wait()
	switch {
	case parent.Err() != nil:
		return fmt.Errorf("reading the Git history of %s: %w", r.dir, context.Cause(parent))
	case errors.Is(rerr, errTooLong):
		return fmt.Errorf("reading the Git history of %s: git %s printed more than %s", r.dir, args[0], size(maxOutput))
	case rerr != nil && (werr == nil || strings.TrimSpace(stderr.String()) == ""):
		// Output that made no sense stopped git, and its exit status says
		// only that; when git stopped of itself, it said why.
		return fmt.Errorf("reading the Git history of %s: git %s: %w", r.dir, args[0], rerr)
	case werr != nil:
		return r.failed(args[0], werr, stderr.String())
	}
	return nil
}

// failed is the error for git command cmd that exited with err, having
// said msg. A repository of another user gets an error that says what to
// do: git refuses it for safety, and quietly dating pages by their front
// matter instead would be wrong without anyone noticing.
func (r runner) failed(cmd string, err error, msg string) error {
	msg = strings.TrimSpace(msg)
	switch {
	case strings.Contains(msg, "dubious ownership"):
		repo := repoOf(msg)
		if repo == "" {
			repo, _ = filepath.Abs(r.dir)
		}
		return &exitError{err: err, msg: fmt.Sprintf("git refuses to read the history of %s: the repository %s belongs to another user (dubious ownership); if you trust it, run: git config --global --add safe.directory %s", r.dir, repo, shellQuote(repo))}
	case strings.Contains(msg, "not a git repository"):
		return &exitError{err: fmt.Errorf("%w: %w", errNotRepo, err), msg: msg}
	}
	if msg == "" {
		msg = "no message"
	}
	return &exitError{err: err, msg: fmt.Sprintf("reading the Git history of %s: git %s: %v: %s", r.dir, cmd, err, msg)}
}

// repoOf is the repository that git's dubious ownership message names,
// "detected dubious ownership in repository at '/the/repo'", or "".
func repoOf(msg string) string {
	_, rest, ok := strings.Cut(msg, "repository at '")
	if !ok {
		return ""
	}
	repo, _, ok := strings.Cut(rest, "'")
	if !ok {
		return ""
	}
	return repo
}

// exitError is a failed git command: its message is for the user, and
// errors.As finds the *exec.ExitError under it.
type exitError struct {
	err error
	msg string
}

func (e *exitError) Error() string { return e.msg }
func (e *exitError) Unwrap() error { return e.err }

// isExit reports whether err is git exiting with status code.
func isExit(err error, code int) bool {
	var x *exec.ExitError
	return errors.As(err, &x) && x.ExitCode() == code
}

// limitReader reads r up to left bytes, then fails with errTooLong.
type limitReader struct {
	r    io.Reader
	left int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		// One byte more tells a stream of exactly the limit, which is
		// fine, from a longer one.
		var b [1]byte
		if n, _ := io.ReadFull(l.r, b[:]); n == 0 {
			return 0, io.EOF
		}
		return 0, errTooLong
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// capped keeps the first max bytes written to it and drops the rest, so
// that a chatty git cannot fill memory through its error output.
type capped struct {
	buf bytes.Buffer
	max int
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.max - c.buf.Len(); room > 0 {
		c.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (c *capped) String() string { return c.buf.String() }

// size formats n bytes for a message.
func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// shellQuote quotes s for a POSIX shell, if it needs to be, so that the
// command of a message can be pasted as it is.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:@%=,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
