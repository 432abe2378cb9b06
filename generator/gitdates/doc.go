// Package gitdates dates the files of a site by its Git history: when each
// was last committed. A page's lastmod (the sitemap's lastmod, the Atom
// feed's updated) is the time of the last commit that touched its article
// or its sidecar, so that two builds of one commit, in different clones on
// different days, agree to the byte. A file's modification time never
// would: it is when the clone was made.
//
// # Example
//
// A repository holds a site in its folder site/ and other files beside it:
//
//	2026-11-20 09:00  add site/content/moon.md, site/content/moon.annotations.yaml, README.md
//	2026-11-25 10:30  edit site/content/moon.annotations.yaml, README.md
//
// and moon.md has been edited since, but not committed. Then
//
//	h, err := gitdates.Load(ctx, "site")
//	if err != nil {
//		return err // git failed; see Load
//	}
//	t, ok := h.Last("content/moon.md", "content/moon.annotations.yaml")
//
// gives 2026-11-25 10:30 UTC and true: the later of the two files' last
// commits. h.Last("content/moon.md") alone is 2026-11-20 09:00 (the
// uncommitted edit does not count), and h.Last("README.md") finds nothing,
// as README.md is outside the site. Paths are relative to the folder given
// to Load and slash-separated, on every system.
//
// # What counts
//
// Load runs one git log of the folder, whatever the number of files, and
// keeps each file's newest commit. Its dates are:
//
//   - committer dates, not author dates: when a change reached the branch,
//     which is when it was published. A rebased or cherry-picked commit
//     keeps the author date of when it was first written.
//   - in UTC, in whole seconds, as git stores them.
//   - of the first-parent chain of HEAD: a merge dates what it brought in,
//     and the commits of a merged branch are not looked at. A squashed or
//     rebased pull request is one or more ordinary commits on the branch,
//     dated as such.
//   - of commits only. A file with uncommitted edits keeps the date of its
//     last commit, and a file never committed (or deleted in its last
//     commit and made again since) has none: the caller falls back to its
//     front matter. So a build of a commit is the same with or without
//     edits in the work tree, and a build in CI, of a clean checkout, is
//     the one that counts.
//   - by path: a renamed file is dated by the rename, its path being new.
//
// The folder may be anywhere in the work tree, or be reached through a
// symbolic link: git works in the folder the link leads to, and paths are
// relative to it.
//
// # No history
//
// When the folder is not in a Git work tree, or git is not installed, or
// the repository has no commits yet, Load returns an empty History and no
// error, and [History.Len] is 0. Any other failure of git is an error, not
// an empty History, which would date pages wrongly without a word. The
// common one is in CI containers, where the checkout belongs to another
// user than the build: git refuses such a repository ("dubious
// ownership"), and the error says to run
//
//	git config --global --add safe.directory /the/repo
//
// # Shallow clones
//
// A shallow clone has only the newest commits, and its oldest commit looks
// as if it added every file; files not changed since get its date, which is
// too recent. [History.Shallow] reports such a clone, so that the caller
// can warn. With actions/checkout, fetch-depth: 0 fetches the whole
// history.
//
// # Git's configuration
//
// git runs with the user's configuration, which may hold safe.directory,
// but with every setting that could change its output overridden on the
// command line, in the C locale and with no terminal prompts. Variables
// such as GIT_DIR, which a Git hook or alias sets for the repository it
// runs in, are left out, so that the history is always that of the
// repository holding the folder.
package gitdates
