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

// Batch is one round of changes to the watched files: slash paths relative
// to the site root, sorted.
type Batch struct {
	Changed []string // files that exist now: created, written or replaced
	Deleted []string // files that existed and are gone
}

// Paths returns every path of b, changed and deleted, sorted: what
// site.Live.Update takes.
func (b Batch) Paths() []string {
	p := slices.Concat(b.Changed, b.Deleted)
	slices.Sort(p)
	return p
}

// Len is the number of paths in b.
func (b Batch) Len() int { return len(b.Changed) + len(b.Deleted) }

// WatchOptions configure a Watcher. The zero value watches with fsnotify and
// the default batching.
type WatchOptions struct {
	// Poll, when not zero, scans the files every Poll instead of asking the
	// operating system for events: for network and container file systems
	// where events never arrive.
	Poll time.Duration
	// Quiet and MaxWait set the batching (DefaultQuiet, DefaultMaxWait
	// when zero).
	Quiet, MaxWait time.Duration
	// Log, when not nil, is told about problems that do not stop watching,
	// such as a folder that cannot be watched.
	Log func(error)
}

// Watcher watches a site's site.yaml, content/ and templates/ (recursively,
// including folders created later) and sends a Batch on Batches after each
// burst of changes.
//
// The events themselves are only hints: when a batch ends, the watcher
// looks at the disk to decide what each path is now. That makes editors'
// atomic saves (write a temp file, rename it over the original) and vim's
// backups (rename the original away, write a new one) come out as one
// change of the original, and keeps temp files out of batches whatever
// their names: a file that neither exists at the end of the batch nor
// existed before it is not reported.
type Watcher struct {
	root  string // absolute
	opts  WatchOptions
	fsw   *fsnotify.Watcher // nil when polling
	known map[string]stamp  // every watched file, as last seen

	// pending holds the paths with events in the open batch, each with
	// whether it was a known file before the batch: a path gone at the end
	// is reported deleted only if it was.
	pending map[string]bool
	ready   map[string]bool // path -> deleted, waiting for the reader
	deb     debounce

	out       chan Batch
	done      chan struct{}
	stopped   chan struct{}
	closeOnce sync.Once
}

// Watch starts watching the site at root.
func Watch(root string, opts WatchOptions) (*Watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if opts.Quiet <= 0 {
		opts.Quiet = DefaultQuiet
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = DefaultMaxWait
	}
	w := &Watcher{
		root: abs, opts: opts,
		known: map[string]stamp{}, pending: map[string]bool{}, ready: map[string]bool{},
		deb: debounce{quiet: opts.Quiet, max: opts.MaxWait},
		out: make(chan Batch), done: make(chan struct{}), stopped: make(chan struct{}),
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
func (w *Watcher) Batches() <-chan Batch { return w.out }

// Close stops watching.
func (w *Watcher) Close() error {
	w.closeOnce.Do(func() { close(w.done) })
	<-w.stopped
	if w.fsw != nil {
		return w.fsw.Close()
	}
	return nil
}

func (w *Watcher) loop() {
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
	var next Batch
	stale := true
	for {
		var out chan Batch
		if len(w.ready) > 0 {
			if stale {
				next, stale = w.readyBatch(), false
			}
			out = w.out
		}
		select {
		case <-w.done:
			return
		case ev, ok := <-events:
			if !ok {
				return
			}
			if w.event(ev) {
				timer.Reset(w.deb.event(time.Now()))
			}
		case err, ok := <-errs:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// The kernel dropped events: compare everything.
				w.sync("", report)
				stale = true
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
			if w.sync("", batch) {
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
func (w *Watcher) event(ev fsnotify.Event) bool {
	rel, ok := w.rel(ev.Name)
	if !ok || !Watched(rel) || ev.Op == fsnotify.Chmod {
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
func (w *Watcher) flush() {
	for rel, wasKnown := range w.pending {
		fi, err := os.Lstat(w.abs(rel))
		switch {
		case err != nil:
			if wasKnown {
				w.ready[rel] = true
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
func (w *Watcher) note(rel string) {
	if _, ok := w.pending[rel]; !ok {
		_, known := w.known[rel]
		w.pending[rel] = known
	}
}

// forget records that rel and everything under it are gone, reporting the
// files that were known.
func (w *Watcher) forget(rel string) {
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

func (w *Watcher) readyBatch() Batch {
	var b Batch
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

func (w *Watcher) rel(name string) (string, bool) {
	r, err := filepath.Rel(w.root, name)
	if err != nil || !filepath.IsLocal(r) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

func (w *Watcher) abs(rel string) string { return filepath.Join(w.root, filepath.FromSlash(rel)) }

func (w *Watcher) log(err error) {
	if w.opts.Log != nil {
		w.opts.Log(err)
	}
}
