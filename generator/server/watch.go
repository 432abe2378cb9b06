package server

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// batch is one round of changes to the watched files: slash paths relative
// to the site root, sorted.
type batch struct {
	Changed []string // files that exist now: created, written or replaced
	Deleted []string // files that existed and are gone
}

// Paths returns every path of b, changed and deleted, sorted: what
// site.Live.Update takes.
func (b batch) Paths() []string {
	p := slices.Concat(b.Changed, b.Deleted)
	slices.Sort(p)
	return p
}

// Len is the number of paths in b.
func (b batch) Len() int { return len(b.Changed) + len(b.Deleted) }

// watchOptions configure a watcher. The zero value watches with fsnotify and
// the default batching.
type watchOptions struct {
	// Poll, when not zero, scans the files every Poll instead of asking the
	// operating system for events: for network and container file systems
	// where events never arrive.
	Poll time.Duration
	// Quiet and MaxWait set the batching (defaultQuiet, defaultMaxWait
	// when zero).
	Quiet, MaxWait time.Duration
	// Log, when not nil, is told about problems that do not stop watching,
	// such as a folder that cannot be watched.
	Log func(error)
	// ready, when not nil, is called from the watching goroutine with
	// everything waiting for the reader each time that grows (tests).
	ready func(batch)
}

// watcher watches a site's site.yaml, content/ and templates/ (recursively,
// including folders created later) and sends a batch on Batches after each
// burst of changes.
//
// The events themselves are only hints: when a batch ends, the watcher
// looks at the disk to decide what each path is now. That makes editors'
// atomic saves (write a temp file, rename it over the original) and vim's
// backups (rename the original away, write a new one) come out as one
// change of the original, and keeps temp files out of batches whatever
// their names: a file that neither exists at the end of the batch nor
// existed before it is not reported.
type watcher struct {
	root  string // absolute
	opts  watchOptions
	fsw   *fsnotify.Watcher // nil when polling
	known map[string]stamp  // every watched file, as last seen

	// pending holds the paths with events in the open batch, each with
	// whether it was a known file before the batch: a path gone at the end
	// is reported deleted only if it was.
	pending map[string]bool
	ready   map[string]bool // path -> deleted, waiting for the reader
	deb     debounce

	out       chan batch
	done      chan struct{}
	stopped   chan struct{}
	closeOnce sync.Once
	err       error // why the loop stopped without Close; set before out is closed
}

// watch starts watching the site at root.
func watch(root string, opts watchOptions) (*watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if opts.Quiet <= 0 {
		opts.Quiet = defaultQuiet
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = defaultMaxWait
	}
	w := &watcher{
		root: abs, opts: opts,
		known: map[string]stamp{}, pending: map[string]bool{}, ready: map[string]bool{},
		deb: debounce{quiet: opts.Quiet, max: opts.MaxWait},
		out: make(chan batch), done: make(chan struct{}), stopped: make(chan struct{}),
	}
	if opts.Poll <= 0 {
		if w.fsw, err = fsnotify.NewWatcher(); err != nil {
			return nil, fmt.Errorf("watching files: %w (try -poll 500ms)", err)
		}
		// The root itself, not recursively, to see site.yaml replaced and
		// content/ or templates/ created.
		if err := w.fsw.Add(abs); err != nil {
			w.fsw.Close()
			return nil, fmt.Errorf("watching %s: %w (try -poll 500ms)", root, err)
		}
	}
	w.sync("", learn)
	go w.loop()
	return w, nil
}

// Batches delivers the batches. It is closed by Close. A batch waits for
// its reader while later changes are merged into it, so a slow rebuild
// never loses an event and the next one sees everything that changed
// meanwhile.
func (w *watcher) Batches() <-chan batch { return w.out }

// Err says why Batches was closed when Close was not called (the
// operating system stopped sending events); it is nil until Batches is
// closed.
func (w *watcher) Err() error { return w.err }

// Close stops watching.
func (w *watcher) Close() error {
	w.closeOnce.Do(func() { close(w.done) })
	<-w.stopped
	if w.fsw != nil {
		return w.fsw.Close()
	}
	return nil
}

func (w *watcher) loop() {
	defer close(w.stopped)
	defer close(w.out)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var events <-chan fsnotify.Event
	var errs <-chan error
	var tick <-chan time.Time
	if w.fsw != nil {
		events, errs = w.fsw.Events, w.fsw.Errors
	} else {
		t := time.NewTicker(w.opts.Poll)
		defer t.Stop()
		tick = t.C
	}
	var next batch
	stale := true
	for {
		var out chan batch
		if len(w.ready) > 0 {
			if stale {
				next, stale = w.readyBatch(), false
				if w.opts.ready != nil {
					w.opts.ready(next)
				}
			}
			out = w.out
		}
		select {
		case <-w.done:
			return
		case ev, ok := <-events:
			if !ok {
				w.err = errors.New("the file system's event stream ended")
				return
			}
			if w.event(ev) {
				timer.Reset(w.deb.event(time.Now()))
			}
		case err, ok := <-errs:
			if !ok {
				w.err = errors.New("the file system's event stream ended")
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// The kernel dropped events: compare everything, as part
				// of the open batch, whose end looks at the disk again.
				if w.sync("", toBatch) {
					timer.Reset(w.deb.event(time.Now()))
				}
			} else {
				w.log(err)
			}
		case <-timer.C:
			w.deb.end()
			w.flush()
			stale = true
		case now := <-tick:
			// Polling: a scan that finds changes opens or extends a batch,
			// which ends at the first scan that finds none (or MaxWait), so
			// that a save caught half-way is seen whole.
			if w.sync("", toBatch) {
				w.deb.event(now)
			} else if len(w.pending) > 0 {
				w.deb.end()
				w.flush()
				stale = true
			}
			if len(w.pending) > 0 && now.Sub(w.deb.start) >= w.opts.MaxWait {
				w.deb.end()
				w.flush()
				stale = true
			}
		case out <- next:
			clear(w.ready)
		}
	}
}

// event records an fsnotify event and reports whether it counts.
func (w *watcher) event(ev fsnotify.Event) bool {
	rel, ok := w.rel(ev.Name)
	if !ok || !watched(rel) || ev.Op == fsnotify.Chmod {
		return false // outside the site, scratch, or only a chmod
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			// Files may be in it already (mkdir -p, mv, git): watch it
			// and everything below, and count what is there.
			w.walk(rel, func(file string, _ os.FileInfo) { w.note(file) })
		}
	}
	w.note(rel)
	return true
}

// flush ends the open batch: it looks at each path on disk and moves the
// result to ready.
func (w *watcher) flush() {
	for rel, wasKnown := range w.pending {
		fi, err := os.Lstat(w.abs(rel))
		switch {
		case err != nil:
			if wasKnown {
				w.ready[rel] = true
			} else {
				// Came and went within the batch. A scan may have learnt
				// it meanwhile (polling, an overflow): forget that quietly.
				delete(w.known, rel)
			}
			w.forget(rel)
		case fi.IsDir():
			// A folder created, moved in or replaced: compare what is in it.
			w.sync(rel, report)
		default:
			w.known[rel] = stampOf(fi)
			w.ready[rel] = false
		}
	}
	clear(w.pending)
}

// note records an event on rel in the open batch.
func (w *watcher) note(rel string) {
	if _, ok := w.pending[rel]; !ok {
		_, known := w.known[rel]
		w.pending[rel] = known
	}
}

// forget records that rel and everything under it are gone, reporting the
// files that were known.
func (w *watcher) forget(rel string) {
	if _, ok := w.known[rel]; ok {
		delete(w.known, rel)
		w.ready[rel] = true
	}
	prefix := rel + "/"
	for k := range w.known {
		if strings.HasPrefix(k, prefix) {
			delete(w.known, k)
			w.ready[k] = true
		}
	}
}

func (w *watcher) readyBatch() batch {
	var b batch
	for p, deleted := range w.ready {
		if deleted {
			b.Deleted = append(b.Deleted, p)
		} else {
			b.Changed = append(b.Changed, p)
		}
	}
	slices.Sort(b.Changed)
	slices.Sort(b.Deleted)
	return b
}

func (w *watcher) rel(name string) (string, bool) {
	r, err := filepath.Rel(w.root, name)
	if err != nil || !filepath.IsLocal(r) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

func (w *watcher) abs(rel string) string { return filepath.Join(w.root, filepath.FromSlash(rel)) }

func (w *watcher) log(err error) {
	if w.opts.Log != nil {
		w.opts.Log(err)
	}
}
