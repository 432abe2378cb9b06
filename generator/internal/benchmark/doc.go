// Package benchmark compares a Scholia build with Hugo's and with a floor,
// on generated archives, and measures the warm rebuild and the dev
// server. `make bench` runs it (after the Go microbenchmarks) through
// cmd/scholia-bench; it needs only Go, make and git, and uses Hugo and
// Chromium when they are installed, saying plainly in the table when they
// are not.
//
// # What it measures
//
// For each size (-sizes, default 1,000 and 10,000 articles) it writes a
// reproducible archive with testsite.Archive (seed -seed): articles of
// about 1,000 words with headings, a list, emphasis, links, a blockquote
// and a go code block, each with a sidecar of 10 claims, a third of them
// across an emphasis edge. Then, -runs times each (default 3), cold (the
// output and the cache removed first):
//
//   - scholia build: the scholia binary, built once with go build;
//   - hugo: Debian's hugo on a copy of the same Markdown with a minimal
//     layout (a base, a single and a list template, highlighting with CSS
//     classes), `hugo --quiet -d OUT`;
//   - floor: cmd/floor, which only reads each .md file, renders it with
//     markup.Goldmark (Scholia's goldmark and chroma setup, without the
//     claim marks) and writes OUT/PATH/index.html, one worker per core.
//
// After those it edits one article's note and builds again, -runs times,
// keeping the output and the cache in SITE/.scholia-cache/ (the warm
// rebuild), and does the same with -no-cache when `scholia build -h` lists
// that flag. It starts `scholia serve` on the archive and reads its peak
// memory once it serves. With -serve, on the 1,000-article archive, it
// opens the first article in headless Chromium under `scholia serve` and
// under `hugo server`, and saves the article 9 times with a new sentence
// at its end.
//
// It also builds a copy of the repository's own example site, cold.
//
// # How
//
// Wall time is this process's clock around each run, so it includes the
// program's start and exit. CPU time is the child's user plus system
// time, over all its threads: above the wall time means more than one core
// worked. Peak memory is the child's maximum resident set size from
// wait4's rusage; for the dev server, which does not exit, it is VmHWM
// from /proc/PID/status. Each figure of a row is the median of its runs,
// taken on its own. Before each run the file system is synced, outside
// the timing, so that the writeback of the runs before (gigabytes at
// 10,000 articles) does not slow the next one down.
//
// Save-to-screen is timed with one clock, this process's: from just
// before the file is written until an evaluation in the page resolves. The
// page's script resolves it when the page's text holds the new sentence,
// checking on every DOM mutation and every 2 ms; when the dev server
// reloads the page, the evaluation fails and is made again in the new
// page. So the figure covers the file event, the rebuild, the reload
// message, the reload or patch and the browser's parse: what an editor
// waits for. Saves are 500 ms apart, so each is its own batch.
//
// Archives, outputs, binaries and the browser profile live in one folder
// made with os.MkdirTemp under the system's temporary folder, removed at
// the end: nothing is written into the repository.
//
// # Reading the table
//
// The report is Markdown on standard output (progress goes to standard
// error). The first table has a row per size and contender: wall, CPU and
// peak memory, and the wall time as a multiple of Hugo's and of the
// floor's (below 1 is faster). The warm table gives the rebuild after one
// edit as a share of the cold build: with a working cache it should be a
// small fraction. The dev server tables give serve's memory and the
// save-to-screen median, fastest and slowest. Last, each goal of the issue
// that asked for this benchmark stands next to its figure, "met" or "not
// met"; the 10,000-article goals use the largest size measured when
// 10,000 was not, and say so.
//
// Figures depend on the machine; compare runs on one machine, and the
// ratios, which depend on it less.
package benchmark
