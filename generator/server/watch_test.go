package server

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// The watcher tests run on real folders with real events. They use a
// quiet period of 50ms rather than the default 10ms so that a test
// descheduled between two steps of a save (under -race, on a busy machine)
// still sees them as one batch; the rules tested do not depend on it.
var testWatch = WatchOptions{Quiet: 50 * time.Millisecond, MaxWait: 2 * time.Second}

func newSite(t *testing.T) string {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"site.yaml":                  "title: T\n",
		"content/a.md":               "a",
		"content/b.md":               "b",
		"content/x/c.md":             "c",
		"content/x/y/d.md":           "d",
		"templates/assets/style.css": "body{}",
		"public/index.html":          "old",
	})
	return dir
}

func startWatch(t *testing.T, dir string, opts WatchOptions) *Watcher {
	t.Helper()
	w, err := Watch(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func nextBatch(t *testing.T, w *Watcher) Batch {
	t.Helper()
	select {
	case b := <-w.Batches():
		return b
	case <-time.After(10 * time.Second):
		t.Fatal("no batch within 10s")
	}
	return Batch{}
}

// noBatch checks that nothing more comes within d.
func noBatch(t *testing.T, w *Watcher, d time.Duration) {
	t.Helper()
	select {
	case b := <-w.Batches():
		t.Fatalf("unexpected batch %+v", b)
	case <-time.After(d):
	}
}

func wantBatch(t *testing.T, got Batch, changed, deleted []string) {
	t.Helper()
	if !slices.Equal(got.Changed, changed) || !slices.Equal(got.Deleted, deleted) {
		t.Fatalf("batch:\n changed %q\n deleted %q\nwant\n changed %q\n deleted %q", got.Changed, got.Deleted, changed, deleted)
	}
}

func write(t *testing.T, dir, rel, data string) {
	t.Helper()
	writeFiles(t, dir, map[string]string{rel: data})
}

func abspath(dir, rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }

// eachWatcher runs a test with fsnotify and with polling.
func eachWatcher(t *testing.T, test func(t *testing.T, dir string, w *Watcher)) {
	for _, mode := range []string{"fsnotify", "poll"} {
		t.Run(mode, func(t *testing.T) {
			opts := testWatch
			if mode == "poll" {
				opts.Poll = 20 * time.Millisecond
			}
			dir := newSite(t)
			test(t, dir, startWatch(t, dir, opts))
		})
	}
}

func TestWatchBurstIsOneBatch(t *testing.T) {
	eachWatcher(t, func(t *testing.T, dir string, w *Watcher) {
		var want []string
		for i := range 200 {
			rel := fmt.Sprintf("content/burst/f%03d.md", i)
			if i%2 == 1 {
				rel = fmt.Sprintf("content/f%03d.md", i)
			}
			write(t, dir, rel, "x")
			want = append(want, rel)
		}
		slices.Sort(want)
		b := nextBatch(t, w)
		if w.opts.Poll > 0 && b.Len() < 200 {
			// A scan may fall in the middle of the burst (and see a file
			// being written, then written): polling promises every change,
			// not one batch.
			for {
				slices.Sort(b.Changed)
				b.Changed = slices.Compact(b.Changed)
				if len(b.Changed) >= 200 {
					break
				}
				b.Changed = append(b.Changed, nextBatch(t, w).Changed...)
			}
		}
		wantBatch(t, b, want, nil)
		if w.opts.Poll == 0 {
			noBatch(t, w, 150*time.Millisecond)
		}
	})
}

func TestWatchIgnoresScratchFiles(t *testing.T) {
	eachWatcher(t, func(t *testing.T, dir string, w *Watcher) {
		for _, rel := range []string{
			"content/.a.md.swp", "content/.a.md.swx", "content/a.md.swo", "content/4913", "content/#a.md#",
			"content/.#a.md", "content/a.md~", "content/a.md___jb_tmp___", "content/a.md___jb_old___",
			"content/x.tmp", "content/.DS_Store", "content/.git/HEAD", "public/index.html", "README.md",
		} {
			write(t, dir, rel, "scratch")
		}
		write(t, dir, "content/marker.md", "m")
		wantBatch(t, nextBatch(t, w), []string{"content/marker.md"}, nil)
	})
}

func TestWatchIgnoresChmod(t *testing.T) {
	eachWatcher(t, func(t *testing.T, dir string, w *Watcher) {
		if err := os.Chmod(abspath(dir, "content/a.md"), 0o600); err != nil {
			t.Fatal(err)
		}
		noBatch(t, w, 200*time.Millisecond)
		write(t, dir, "content/marker.md", "m")
		wantBatch(t, nextBatch(t, w), []string{"content/marker.md"}, nil)
	})
}

// TestWatchAtomicSave saves as many editors and tools do: write a temp file
// (named in a way no ignore rule knows), then rename it over the original.
func TestWatchAtomicSave(t *testing.T) {
	eachWatcher(t, func(t *testing.T, dir string, w *Watcher) {
		for _, tmp := range []string{"content/a.md.4f3a2b", "content/.a.md.tmp"} {
			write(t, dir, tmp, "new a, and longer")
			if err := os.Rename(abspath(dir, tmp), abspath(dir, "content/a.md")); err != nil {
				t.Fatal(err)
			}
			wantBatch(t, nextBatch(t, w), []string{"content/a.md"}, nil)
		}
		noBatch(t, w, 150*time.Millisecond)
	})
}

// TestWatchVimSave saves as vim does with 'backupcopy' off: probe the
// folder with 4913, rename the original to a~, write a new file, delete a~.
func TestWatchVimSave(t *testing.T) {
	eachWatcher(t, func(t *testing.T, dir string, w *Watcher) {
		write(t, dir, "content/4913", "")
		os.Remove(abspath(dir, "content/4913"))
		if err := os.Rename(abspath(dir, "content/b.md"), abspath(dir, "content/b.md~")); err != nil {
			t.Fatal(err)
		}
		write(t, dir, "content/b.md", "b, edited in vim")
		os.Chmod(abspath(dir, "content/b.md"), 0o644)
		os.Remove(abspath(dir, "content/b.md~"))
		wantBatch(t, nextBatch(t, w), []string{"content/b.md"}, nil)
		noBatch(t, w, 150*time.Millisecond)
	})
}

func TestWatchDelete(t *testing.T) {
	eachWatcher(t, func(t *testing.T, dir string, w *Watcher) {
		if err := os.Remove(abspath(dir, "content/a.md")); err != nil {
			t.Fatal(err)
		}
		wantBatch(t, nextBatch(t, w), nil, []string{"content/a.md"})
		if err := os.RemoveAll(abspath(dir, "content/x")); err != nil {
			t.Fatal(err)
		}
		wantBatch(t, nextBatch(t, w), nil, []string{"content/x/c.md", "content/x/y/d.md"})
	})
}

// TestWatchNewFolders creates nested folders with files already in them
// (as mkdir -p and mv do, faster than a watch can be added), then edits
// and adds files inside them.
func TestWatchNewFolders(t *testing.T) {
	eachWatcher(t, func(t *testing.T, dir string, w *Watcher) {
		// Built aside and moved in whole: no event for the files at all.
		aside := t.TempDir()
		writeFiles(t, aside, map[string]string{"deep/er/e.md": "e", "deep/f.md": "f"})
		if err := os.Rename(filepath.Join(aside, "deep"), abspath(dir, "content/new")); err != nil {
			t.Fatal(err)
		}
		write(t, dir, "content/made/here/g.md", "g")
		wantBatch(t, nextBatch(t, w), []string{"content/made/here/g.md", "content/new/er/e.md", "content/new/f.md"}, nil)

		write(t, dir, "content/new/er/e.md", "e, edited")
		wantBatch(t, nextBatch(t, w), []string{"content/new/er/e.md"}, nil)
		write(t, dir, "content/new/er/h.md", "h")
		wantBatch(t, nextBatch(t, w), []string{"content/new/er/h.md"}, nil)
	})
}

// TestWatchSiteYAMLAndNewTemplates replaces site.yaml by a rename and
// creates templates/ content in a site that had none.
func TestWatchRootFiles(t *testing.T) {
	eachWatcher(t, func(t *testing.T, dir string, w *Watcher) {
		write(t, dir, "site.yaml.new", "title: U\n")
		if err := os.Rename(abspath(dir, "site.yaml.new"), abspath(dir, "site.yaml")); err != nil {
			t.Fatal(err)
		}
		wantBatch(t, nextBatch(t, w), []string{"site.yaml"}, nil)
		if err := os.RemoveAll(abspath(dir, "templates")); err != nil {
			t.Fatal(err)
		}
		wantBatch(t, nextBatch(t, w), nil, []string{"templates/assets/style.css"})
		write(t, dir, "templates/assets/style.css", "body{color:red}")
		wantBatch(t, nextBatch(t, w), []string{"templates/assets/style.css"}, nil)
		write(t, dir, "templates/assets/style.css", "body{color:blue}")
		wantBatch(t, nextBatch(t, w), []string{"templates/assets/style.css"}, nil)
	})
}

// TestWatchMergesWhileBusy leaves batches unread, as a slow rebuild does:
// later changes join the waiting batch instead of being lost or queued.
func TestWatchMergesWhileBusy(t *testing.T) {
	dir := newSite(t)
	w := startWatch(t, dir, testWatch)
	write(t, dir, "content/a.md", "a2")
	time.Sleep(4 * testWatch.Quiet)
	write(t, dir, "content/b.md", "b2")
	os.Remove(abspath(dir, "content/x/c.md"))
	time.Sleep(4 * testWatch.Quiet)
	wantBatch(t, nextBatch(t, w), []string{"content/a.md", "content/b.md"}, []string{"content/x/c.md"})
}

// TestWatchDefaultTiming checks that with the default batching an edit is
// reported quickly.
func TestWatchDefaultTiming(t *testing.T) {
	dir := newSite(t)
	w := startWatch(t, dir, WatchOptions{})
	start := time.Now()
	write(t, dir, "content/a.md", "a2")
	wantBatch(t, nextBatch(t, w), []string{"content/a.md"}, nil)
	if d := time.Since(start); d > time.Second {
		t.Errorf("batch after %v; want about DefaultQuiet (%v)", d, DefaultQuiet)
	}
}
