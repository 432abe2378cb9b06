package site

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/scholia/scholia/generator/diag"
)

// Live is a site built in memory and kept up to date as its files change:
// what the dev server serves. It never writes to disk. Its methods are safe
// for concurrent use: an update swaps in new outputs while requests read the
// old ones.
type Live struct {
	opts    Options
	mu      sync.Mutex // one update at a time
	state   atomic.Pointer[liveState]
	pending map[string]bool // paths of failed updates, tried again next time
}

// liveState is one consistent version of the site.
type liveState struct {
	b    *builder // nil when site.yaml or the theme could not be loaded
	out  *outputs
	errs diag.List
}

// Update says what an update changed.
type Update struct {
	// Changed and Removed are output paths relative to the site root, such
	// as "articles/x/index.html" and "assets/style.css".
	Changed, Removed []string
	// CSSOnly is true when only stylesheets changed: pages can swap them
	// without reloading.
	CSSOnly  bool
	Full     bool // everything was rebuilt (site.yaml or a template changed)
	Duration time.Duration
}

// NewLive builds the site of opts in memory (opts.Out is ignored). When the
// content has errors, it returns a Live that serves what it could build,
// together with the errors as a diag.List.
func NewLive(opts Options) (*Live, error) {
	opts.Out, opts.Progress = "", nil
	l := &Live{opts: opts, pending: map[string]bool{}}
	st, err := l.full()
	if st == nil {
		st = &liveState{out: &outputs{pages: map[string][]byte{}, copies: map[string]source{}}}
		st.errs.Add(err)
		l.pending["site.yaml"] = true
	}
	l.retry(st.errs)
	l.state.Store(st)
	return l, st.errs.Err()
}

// full loads and renders everything; the state it returns serves what
// rendered even when err reports content errors.
func (l *Live) full() (*liveState, error) {
	b, errs, err := load(l.opts)
	if err != nil {
		return nil, err
	}
	out, rerrs := b.renderAll(nil)
	errs = append(errs, rerrs...)
	errs.Sort()
	return &liveState{b: b, out: out, errs: errs}, errs.Err()
}

// retry marks the files that errors point at, so the next update reloads
// them whatever changed.
func (l *Live) retry(errs diag.List) {
	for _, e := range errs {
		if e.Path != "" {
			l.pending[e.Path] = true
		}
	}
}

// Update rebuilds what depends on the changed files (slash paths relative
// to the site root, such as "content/a.md" or "templates/assets/style.css";
// a path that no longer exists was deleted, and a deleted folder takes
// everything under it). On error it keeps serving the last good outputs and
// returns a diag.List; the paths are tried again on the next Update.
func (l *Live) Update(paths []string) (*Update, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	start := time.Now()
	for _, p := range paths {
		l.pending[path.Clean(p)] = true
	}
	all := make([]string, 0, len(l.pending))
	for p := range l.pending {
		all = append(all, p)
	}
	sort.Strings(all)
	prev := l.state.Load()
	full := prev.b == nil || needsFull(all)
	var next *liveState
	var err error
	if full {
		next, err = l.full()
	} else {
		next, err = l.patch(prev, all)
	}
	if err != nil {
		var errs diag.List
		errs.Add(err)
		errs.Sort()
		l.retry(errs)
		l.state.Store(&liveState{b: prev.b, out: prev.out, errs: errs})
		return nil, errs
	}
	clear(l.pending)
	up := &Update{Full: full, CSSOnly: !full}
	up.Changed, up.Removed = changedPages(prev.out, next.out)
	for rel, src := range next.out.copies {
		if src.site && l.touched(src.name, all) && !contains(up.Changed, rel) {
			up.Changed = append(up.Changed, rel)
		}
	}
	sort.Strings(up.Changed)
	sort.Strings(up.Removed)
	for _, rel := range append(up.Changed, up.Removed...) {
		if path.Ext(rel) != ".css" {
			up.CSSOnly = false
		}
	}
	if len(up.Changed)+len(up.Removed) == 0 {
		up.CSSOnly = false
	}
	l.state.Store(next)
	up.Duration = time.Since(start)
	return up, nil
}

// touched reports whether name is one of paths or under one of them.
func (l *Live) touched(name string, paths []string) bool {
	for _, p := range paths {
		if name == p || strings.HasPrefix(name, p+"/") {
			return true
		}
	}
	return false
}

// needsFull reports changes that every page depends on.
func needsFull(paths []string) bool {
	for _, p := range paths {
		switch {
		case p == "site.yaml", p == "content", p == "templates", p == ".":
			return true
		case strings.HasPrefix(p, "templates/") && !strings.HasPrefix(p, "templates/assets/") && p != "templates/assets":
			return true
		}
	}
	return false
}

// File returns the output file at rel ("articles/x/index.html",
// "assets/style.css", "CNAME"): its bytes and whether it exists.
func (l *Live) File(rel string) ([]byte, bool) {
	return l.state.Load().out.file(rel)
}

// Errors returns the errors of the last build or update, nil when it
// succeeded.
func (l *Live) Errors() diag.List {
	return l.state.Load().errs
}

// Source returns the file of the site at rel ("content/a.md"), for showing
// the lines around an error.
func (l *Live) Source(rel string) ([]byte, bool) {
	if !fs.ValidPath(rel) {
		return nil, false
	}
	b, err := fs.ReadFile(l.opts.FS, rel)
	return b, err == nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// exists reports whether name is in fsys; errors other than "not there"
// count as there, so a flaky read never deletes a page.
func exists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil || !errors.Is(err, fs.ErrNotExist)
}
