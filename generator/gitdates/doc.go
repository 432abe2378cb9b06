// Package gitdates dates the files of a site by its Git history: when each
// was last committed. A page's lastmod (sitemap, feed) is the last commit
// that touched its article or its sidecar, so two builds of one commit,
// in different clones on different days, agree to the byte, as a file's
// modification time (the checkout's) never would.
//
// # Use
//
//	h, err := gitdates.Load(ctx, "site")
//	...
//	t, ok := h.Last("content/moon.md", "content/moon.annotations.yaml")
//	// t: the later of the two files' last commits; ok false when neither
//	// was ever committed
//
// # What counts
//
// One `git log` reads the whole history under the folder, once. Times are
// committer dates, in UTC: when a change reached the branch, which is when
// it was published, and what a rebase moves. Merge commits count through
// their first parent, so a merged branch dates its files by the merge.
// Uncommitted edits do not count: a build of a commit is the same with or
// without them. A folder outside Git, or a machine without git, has no
// history: Load returns an empty History, and callers fall back to front
// matter dates. A shallow clone knows only its newest commits, so its dates
// may be too recent: Shallow says so, and the caller warns.
package gitdates
