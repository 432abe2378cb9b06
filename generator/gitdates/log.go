package gitdates

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"
)

// logArgs is the one git log that Load runs, in the site folder. Each
// option is there for a reason:
//
//   - --first-parent and -m: walk the branch as it was built, and diff a
//     merge against its first parent, so that what a merge brought in is
//     dated by the merge (when it was published) and a side branch's own
//     commits are not walked at all. Without -m a merge lists no files,
//     and its changes would be dated by the side branch's commits, which
//     may be days older than the merge; -m without --first-parent would
//     diff a merge against every parent and date by the merge files that
//     the merge did not change.
//   - --no-renames: a renamed file is a new path (and a new URL), dated by
//     the rename; and diff.renames=copies in a user's configuration must
//     not change the output.
//   - --root: the first commit lists its files even when log.showRoot is
//     false.
//   - --relative with the pathspec ".": only files under the folder count,
//     and their paths are relative to it, wherever it is in the
//     repository.
//   - --name-status: a file deleted and not added again has no date (see
//     parseLog).
//   - -z and a format of "@" and the committer time: every path comes
//     verbatim, up to a NUL, whatever bytes it holds, and a commit's line
//     cannot be taken for a status or a path.
//   - --no-show-signature, --no-color, --no-follow: what log.showSignature,
//     color.ui=always and log.follow in a user's configuration would add.
//
// The committer date (%ct), not the author date (%at), is the one that
// says when a change reached the branch: a commit cherry-picked, rebased or
// applied from a patch keeps its author date, which can be weeks older
// than the day its change was published. It is also what git log orders
// by.
var logArgs = []string{
	"log", "--first-parent", "-m", "--no-renames", "--root", "--relative",
	"--name-status", "-z", "--format=@%ct",
	"--no-show-signature", "--no-color", "--no-follow",
	"--", ".",
}

// log runs git log in the site folder and parses its output.
func (r runner) log(ctx context.Context) (map[string]time.Time, error) {
	var last map[string]time.Time
	err := r.stream(ctx, logArgs, func(out io.Reader) error {
		var err error
		last, err = parseLog(out)
		return err
	})
	if err != nil {
		return nil, err
	}
	return last, nil
}

// errSyntax is output of git log that parseLog does not understand.
var errSyntax = errors.New("unexpected output")

// parseLog reads the output of logArgs: for each commit, newest first,
//
//	@TIME NUL [LF] STATUS NUL PATH NUL STATUS NUL PATH NUL ...
//
// where TIME is in seconds since 1970, STATUS is a letter (A added, M
// modified, D deleted, T type changed; R and C, renamed and copied, are
// followed by two paths, from and to), and the line feed comes before a
// commit's first status. It returns, for each path, the time of its newest
// commit, or the zero time when that commit deleted it. The first commit
// seen is kept, not the latest time: along the first-parent chain, the
// first seen is the change that made the file as it is, even when a
// committer's clock was wrong.
func parseLog(r io.Reader) (map[string]time.Time, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	last := map[string]time.Time{}
	var (
		when   time.Time
		dated  bool // a commit line came
		status byte // of the paths being read
		paths  int  // paths still to read for status
	)
	for {
		tok, err := br.ReadBytes(0)
		if err == io.EOF {
			if len(tok) > 0 || paths > 0 {
				return nil, fmt.Errorf("%w: the output stops in the middle of a file's entry", errSyntax)
			}
			return last, nil
		}
		if err != nil {
			return nil, err
		}
		tok = tok[:len(tok)-1]
		if paths > 0 {
			paths--
			p := string(tok)
			if _, seen := last[p]; seen {
				continue
			}
			switch {
			case status == 'D' || status == 'R' && paths == 1:
				last[p] = time.Time{} // gone at this commit
			case status == 'C' && paths == 1:
				// The source of a copy did not change.
			default:
				last[p] = when
			}
			continue
		}
		tok = bytes.TrimPrefix(tok, []byte("\n"))
		switch {
		case len(tok) == 0:
		case tok[0] == '@':
			sec, err := strconv.ParseInt(string(tok[1:]), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("%w: a commit time of %q", errSyntax, tok[1:])
			}
			when, dated = time.Unix(sec, 0).UTC(), true
		case 'A' <= tok[0] && tok[0] <= 'Z' && dated:
			status, paths = tok[0], 1
			if status == 'R' || status == 'C' {
				paths = 2
			}
		default:
			return nil, fmt.Errorf("%w: %q where a commit or a file's status should be", errSyntax, clip(tok))
		}
	}
}

// clip shortens b for a message.
func clip(b []byte) []byte {
	if len(b) > 40 {
		return b[:40]
	}
	return b
}
