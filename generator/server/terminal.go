package server

import (
	"fmt"
	"io"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/site"
)

// terminal is what the server prints: the address, then one line per
// rebuild ("12:03:04 content/a.md → 3 pages in 8ms") on stdout, and a
// failed build's errors on stderr in the text format of `scholia check`,
// each set of errors once: while the same errors remain, later rebuilds
// print one short line.
type terminal struct {
	mu       sync.Mutex
	out, err io.Writer
	now      func() time.Time
	lastErrs string // the errors last printed, "" when the build is good
}

func (t *terminal) printf(format string, args ...any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	fmt.Fprintf(t.out, format, args...)
}

func (t *terminal) warn(format string, args ...any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	fmt.Fprintf(t.err, format+"\n", args...)
}

// rebuilt reports a good rebuild of b that took d.
func (t *terminal) rebuilt(b batch, up *site.Update, d time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	fixed := ""
	if t.lastErrs != "" {
		fixed, t.lastErrs = "fixed; ", ""
	}
	fmt.Fprintf(t.out, "%s %s → %s%s in %s\n", t.now().Format("15:04:05"), describe(b), fixed, outcome(up), round(d))
}

// failed reports a rebuild of b that failed with list.
func (t *terminal) failed(b batch, list diag.List, d time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	key := list.Error()
	stamp := t.now().Format("15:04:05")
	if key == t.lastErrs {
		fmt.Fprintf(t.out, "%s %s → still %s (unchanged) in %s\n", stamp, describe(b), plural(len(list), "error"), round(d))
		return
	}
	t.lastErrs = key
	fmt.Fprintf(t.out, "%s %s → %s in %s; serving the last good pages:\n", stamp, describe(b), plural(len(list), "error"), round(d))
	diag.Format(t.err, list, "text")
	fmt.Fprintln(t.err, "waiting for a fix")
}

// initial reports the first build.
func (t *terminal) initial(list diag.List, d time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(list) == 0 {
		fmt.Fprintf(t.out, "built the site in %s\n", round(d))
		return
	}
	t.lastErrs = list.Error()
	fmt.Fprintf(t.out, "built the site in %s with %s:\n", round(d), plural(len(list), "error"))
	diag.Format(t.err, list, "text")
	fmt.Fprintln(t.err, "waiting for a fix (the pages show the errors too)")
}

// describe says what changed: "content/a.md", "content/a.md (deleted)",
// "content/a.md and 199 more files".
func describe(b batch) string {
	var first string
	switch {
	case len(b.Changed) > 0:
		first = b.Changed[0]
	case len(b.Deleted) > 0:
		first = b.Deleted[0] + " (deleted)"
	default:
		return "(nothing)"
	}
	if n := b.Len() - 1; n > 0 {
		return fmt.Sprintf("%s and %s", first, plural(n, "more file"))
	}
	return first
}

// outcome says what a rebuild produced.
func outcome(up *site.Update) string {
	pages, css := 0, 0
	for _, f := range up.Changed {
		switch path.Ext(f) {
		case ".html":
			pages++
		case ".css":
			css++
		}
	}
	removed := 0
	for _, f := range up.Removed {
		if path.Ext(f) == ".html" {
			removed++
		}
	}
	var s []string
	switch {
	case up.Full:
		s = append(s, "full rebuild, "+plural(pages, "page"))
	case up.CSSOnly:
		s = append(s, plural(css, "stylesheet"))
	case pages > 0:
		s = append(s, plural(pages, "page"))
	}
	if removed > 0 {
		s = append(s, plural(removed, "page")+" removed")
	}
	if len(s) == 0 {
		return "no page changed"
	}
	return strings.Join(s, ", ")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	what, rest, _ := strings.Cut(what, " ")
	if rest != "" {
		return fmt.Sprintf("%d %s %ss", n, what, rest)
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// round keeps durations short: 0.8ms, 8.3ms, 42ms, 1.2s.
func round(d time.Duration) time.Duration {
	switch {
	case d < 10*time.Millisecond:
		return d.Round(100 * time.Microsecond)
	case d < time.Second:
		return d.Round(time.Millisecond)
	}
	return d.Round(100 * time.Millisecond)
}
