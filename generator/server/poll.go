package server

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// stamp is what the watcher remembers of a file to tell whether it changed
// when it cannot rely on events: -poll, a kernel queue overflow, or a
// folder replaced in one move.
type stamp struct {
	size  int64
	mtime time.Time
}

func stampOf(fi fs.FileInfo) stamp { return stamp{fi.Size(), fi.ModTime()} }

// What sync does with the differences it finds.
type syncMode int

const (
	learn   syncMode = iota // nothing: the first scan
	report                  // report them as they are now (a folder created or replaced, when a batch ends)
	toBatch                 // add them to the open batch, whose end looks at them again (polling, a kernel queue overflow)
)

// sync compares the files under prefix ("" for the whole site) with what
// the watcher knows, learns them, and reports whether anything differed;
// mode says what to do with the differences.
func (w *watcher) sync(prefix string, mode syncMode) bool {
	seen := map[string]bool{}
	differ := false
	mark := func(rel string, deleted bool) {
		differ = true
		switch mode {
		case report:
			w.ready[rel] = deleted
		case toBatch:
			w.note(rel) // before known changes
		}
	}
	w.walk(prefix, func(rel string, fi os.FileInfo) {
		seen[rel] = true
		st := stampOf(fi)
		if old, ok := w.known[rel]; !ok || old != st {
			mark(rel, false)
			w.known[rel] = st
		}
	})
	for rel := range w.known {
		if !seen[rel] && under(rel, prefix) {
			mark(rel, true)
			delete(w.known, rel)
		}
	}
	return differ
}

// under reports whether rel is prefix or below it ("" is the root).
func under(rel, prefix string) bool {
	return prefix == "" || rel == prefix || strings.HasPrefix(rel, prefix+"/")
}

// walk calls file for each watched file under prefix ("" for the whole
// site: site.yaml, content/ and templates/). With fsnotify it also adds a
// watch on each folder, before reading it, so that nothing created inside
// meanwhile is missed. It does not follow symbolic links to folders.
func (w *watcher) walk(prefix string, file func(rel string, fi os.FileInfo)) {
	if prefix == "" {
		for _, top := range []string{"site.yaml", "content", "templates"} {
			w.walk(top, file)
		}
		return
	}
	filepath.WalkDir(w.abs(prefix), func(p string, d fs.DirEntry, err error) error {
		rel, ok := w.rel(p)
		if !ok || !watched(rel) {
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if err != nil {
			if !os.IsNotExist(err) {
				w.log(err)
			}
			return nil
		}
		if d.IsDir() {
			if w.fsw != nil {
				if err := w.fsw.Add(p); err != nil {
					w.log(fmt.Errorf("watching %s: %w (on a file system without events, use -poll 500ms)", rel, err))
				}
			}
			return nil
		}
		if fi, err := d.Info(); err == nil {
			file(rel, fi)
		}
		return nil
	})
}
