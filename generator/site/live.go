package site

import (
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/theme"
)

// Live is a site built in memory and kept up to date as its files change:
// what the dev server serves. It never writes to disk. An update is the
// build pipeline run again with everything the last run made: whatever the
// change, each output is made again exactly when something it is made from
// changed, so a live site always equals a fresh build. Its methods are safe
// for concurrent use: an update swaps in new outputs while requests read
// the old ones.
type Live struct {
	opts  Options
	mu    sync.Mutex // one update at a time
	state atomic.Pointer[liveState]
	files *fileCache
}

// liveState is one consistent version of the site.
type liveState struct {
	tree    *memTree
	records map[key]*record
	theme   *theme.Theme // nil when it could not be loaded
	cfgKey  key
	lists   listSet
	scanned *content.Tree // nil when the last run found problems in the walk
	errs    diag.List
}

// Update says what an update changed.
type Update struct {
	// Changed and Removed are output paths relative to the site root, such
	// as "articles/x/index.html" and "assets/style.css".
	Changed, Removed []string
	// CSSOnly is true when only stylesheets changed: pages can swap them
	// without reloading.
	CSSOnly bool
	// Full is true when the configuration or the templates changed, which
	// every page may show.
	Full     bool
	Duration time.Duration
	Stats    Stats
}

// NewLive builds the site of opts in memory (opts.Out and opts.Cache are
// ignored). When the content has errors, it returns a Live that serves
// what it could build, together with the errors as a diag.List.
func NewLive(opts Options) (*Live, error) {
	opts.Out, opts.Cache, opts.Progress = "", "", nil
	l := &Live{opts: opts, files: newFileCache()}
	l.state.Store(&liveState{tree: &memTree{files: map[string]*memFile{}}})
	_, err := l.Update(nil)
	return l, err
}

// Update runs the pipeline again after a change of files (slash paths
// relative to the site root, such as "content/a.md" or
// "templates/assets/style.css"; a path that no longer exists was deleted,
// and a deleted folder takes everything under it). The paths only say
// which files to read again; what to make again follows from the keys. On
// error it keeps serving the last good outputs and returns a diag.List.
func (l *Live) Update(paths []string) (*Update, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	start := time.Now()
	l.files.forget(paths)
	prev := l.state.Load()
	snk := newMemSink(prev.tree)
	opts := l.opts
	if opts.Now.IsZero() {
		opts.Now = start // an article dated in the future shows once its time comes
	}
	r, err := newRun(opts, snk, l.files, prev.records, prev.theme)
	var errs diag.List
	if err == nil {
		r.prevLists = prev.lists
		if onlyEdits(l.opts.FS, prev.scanned, paths) {
			r.scanned = prev.scanned
		}
		errs = r.all()
	} else {
		errs.Add(err)
		errs.Sort()
	}
	if len(errs) > 0 {
		failed := &liveState{tree: prev.tree, records: prev.records, theme: prev.theme, cfgKey: prev.cfgKey, lists: prev.lists, errs: errs}
		if len(prev.tree.files) == 0 && r != nil {
			// Nothing good to keep serving yet: serve what did build.
			failed.tree, failed.records, failed.theme = snk.tree(), r.next, r.theme
		}
		l.state.Store(failed)
		return nil, errs
	}
	next := &liveState{tree: snk.tree(), records: r.next, theme: r.theme, cfgKey: r.cfgKey, lists: r.listed, scanned: r.scanned}
	up := &Update{Stats: r.stats, Full: prev.theme == nil || prev.theme.Sum != r.theme.Sum || prev.cfgKey != r.cfgKey}
	up.Changed, up.Removed = next.tree.changes(prev.tree)
	for rel, f := range next.tree.files {
		if f.src != nil && touched(f.rel, paths) && !slices.Contains(up.Changed, rel) {
			up.Changed = append(up.Changed, rel) // a copy is read on request
		}
	}
	sort.Strings(up.Changed)
	sort.Strings(up.Removed)
	up.CSSOnly = len(up.Changed)+len(up.Removed) > 0
	for _, rel := range append(up.Changed, up.Removed...) {
		if path.Ext(rel) != ".css" {
			up.CSSOnly = false
		}
	}
	l.state.Store(next)
	l.files.watched = true // from now on, the watcher reports what changes
	up.Duration = time.Since(start)
	return up, nil
}

// onlyEdits reports whether every path is a file of the walk that is
// still a file: then no file came or went, and the walk stands.
func onlyEdits(fsys fs.FS, tree *content.Tree, paths []string) bool {
	if tree == nil {
		return false
	}
	for _, p := range paths {
		p = path.Clean(p)
		if !strings.HasPrefix(p, content.Dir+"/") {
			continue // site.yaml and templates/ are not walked
		}
		known := tree.Sidecars[p] || slices.Contains(tree.Articles, p) ||
			slices.ContainsFunc(tree.Static, func(f content.File) bool { return f.Path == p })
		if info, err := fs.Stat(fsys, p); !known || err != nil || !info.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// touched reports whether name is one of paths or under one of them.
func touched(name string, paths []string) bool {
	for _, p := range paths {
		if name == p || strings.HasPrefix(name, p+"/") {
			return true
		}
	}
	return false
}

// File returns the output file at rel ("articles/x/index.html",
// "assets/style.css", "CNAME"): its bytes and whether it exists.
func (l *Live) File(rel string) ([]byte, bool) {
	return l.state.Load().tree.file(rel)
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
