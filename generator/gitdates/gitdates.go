package gitdates

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"strings"
	"time"
)

// History is the last commit time of each file of a site in a Git
// repository. The zero value and a nil *History are empty: Last finds
// nothing and Shallow is false. A History does not change after Load, so it
// is safe for concurrent use.
type History struct {
	// last maps a path, slash-separated and relative to the site folder, to
	// the committer time of the newest commit on the first-parent chain of
	// HEAD that added or modified it. A zero time means that the newest such
	// commit deleted the path: whatever is there now is uncommitted, and an
	// older date must not show through.
	last    map[string]time.Time
	shallow bool
}

// Load reads the history of the site folder dir: for each file under dir,
// the time of the last commit that touched it. It runs git twice, whatever
// the number of files: git rev-parse, then one git log for all of them
// (and git rev-parse again only when git log fails, to tell a repository
// without commits from a broken one).
//
// When dir is not inside a Git work tree (or is inside a .git folder), or
// git is not installed, or the repository has no commits, Load returns an
// empty History and no error, and callers fall back to the dates of the
// front matter. Any other failure of git is an error: an empty History would
// silently give wrong dates. In particular, a repository that belongs to
// another user (as in many CI containers) is refused by git ("dubious
// ownership"), and the error says how to allow it with safe.directory.
//
// Only commits count, never the work tree: see the package documentation.
func Load(ctx context.Context, dir string) (*History, error) {
	git, err := exec.LookPath("git")
	if errors.Is(err, exec.ErrNotFound) {
		return &History{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("finding git: %w", err)
	}
	// git's own message for a missing folder is "cannot change to", which
	// says less than the file system's error, and errors.Is can use this one.
	if fi, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("reading the Git history of the site: %w", err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("reading the Git history of %s: not a folder", dir)
	}
	r := runner{git: git, dir: dir}

	out, err := r.output(ctx, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository")
	switch {
	case errors.Is(err, errNotRepo):
		return &History{}, nil
	case err != nil:
		return nil, err
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 2 {
		return nil, fmt.Errorf("reading the Git history of %s: unexpected output of git rev-parse: %q", dir, out)
	}
	if lines[0] != "true" {
		return &History{}, nil
	}
	h := &History{shallow: lines[1] == "true"}

	h.last, err = r.log(ctx)
	if err != nil {
		// An unborn HEAD is the only failure that means "no history"; it
		// is checked for after the fact so that the usual case, a
		// repository with commits, costs no extra process. (git log's
		// message for it has changed between versions; this exit status
		// has not.)
		if _, verr := r.output(ctx, "rev-parse", "-q", "--verify", "HEAD^{commit}"); isExit(verr, 1) {
			return &History{}, nil
		}
		return nil, err
	}
	return h, nil
}

// Last returns the time of the last commit that touched any of paths (an
// article and its sidecar, say), and whether one was found. The paths are
// slash-separated and relative to the folder given to Load; they are
// cleaned, so "./content/a.md" is "content/a.md". The time is in UTC and
// has whole seconds. A path that no commit touched, or whose last commit
// deleted it, counts for nothing; when none of the paths has a date, Last
// returns the zero time and false.
func (h *History) Last(paths ...string) (time.Time, bool) {
	var last time.Time
	if h == nil {
		return last, false
	}
	for _, p := range paths {
		if t := h.last[path.Clean(p)]; t.After(last) {
			last = t
		}
	}
	return last, !last.IsZero()
}

// Shallow reports whether the repository is a shallow clone. The oldest
// commit of a shallow clone looks as if it added every file, so files that
// have not changed since get its date, which is too recent: the caller
// should warn and suggest a full clone (fetch-depth: 0 for
// actions/checkout).
func (h *History) Shallow() bool {
	return h != nil && h.shallow
}

// Len returns the number of files that have a date: 0 when Load found no
// repository or no commits, so that a caller can say that dates come from
// the front matter.
func (h *History) Len() int {
	if h == nil {
		return 0
	}
	n := 0
	for _, t := range h.last {
		if !t.IsZero() {
			n++
		}
	}
	return n
}
