package server

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// The watcher tests run on real folders with real events. They use a
// quiet period of 50ms rather than the default 10ms so that a test
// descheduled between two steps of a save (under -race, on a busy machine)
// usually still sees them as one batch; the rules tested do not depend on
// it, and the tests accept the extra batches a longer pause makes.
var testWatch = watchOptions{Quiet: 50 * time.Millisecond, MaxWait: 2 * time.Second}

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

func startWatch(t *testing.T, dir string, opts watchOptions) *watcher {
	t.Helper()
	w, err := watch(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func nextBatch(t *testing.T, w *watcher) batch {
	t.Helper()
	select {
	case b := <-w.Batches():
		return b
	case <-time.After(10 * time.Second):
		t.Fatal("no batch within 10s")
	}
	return batch{}
}

// noBatch checks that nothing more comes within d.
func noBatch(t *testing.T, w *watcher, d time.Duration) {
	t.Helper()
	select {
	case b := <-w.Batches():
		t.Fatalf("unexpected batch %+v", b)
	case <-time.After(d):
	}
}

func wantBatch(t *testing.T, got batch, changed, deleted []string) {
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
func eachWatcher(t *testing.T, test func(t *testing.T, dir string, w *watcher)) {
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

// TestWatchBurstIsOneBatch writes 200 files back to back, as a git
// checkout does, which should be one rebuild. With fsnotify a burst is one
// batch as long as no two writes are further apart than the quiet period;
// a loaded machine may now and then pause the writer for longer, so the
// test allows a few batches, but not one per file. Polling promises every
// change, not one batch: a scan may fall in the middle of the burst.
func TestWatchBurstIsOneBatch(t *testing.T) {
	eachWatcher(t, func(t *testing.T, dir string, w *watcher) {
		want := map[string]bool{}
		for i := range 200 {
			rel := fmt.Sprintf("content/burst/f%03d.md", i)
			if i%2 == 1 {
				rel = fmt.Sprintf("content/f%03d.md", i)
			}
			write(t, dir, rel, "x")
			want[rel] = true
		}
		seen := map[string]bool{}
		batches := 0
		take := func(b batch) {
			batches++
			if len(b.Deleted) > 0 {
				t.Fatalf("batch %d deletes %q", batches, b.Deleted)
			}
			for _, p := range b.Changed {
				if !want[p] {
					t.Fatalf("batch %d reports %s", batches, p)
				}
				seen[p] = true
			}
		}
		deadline := time.After(10 * time.Second)
		for len(seen) < len(want) {
			select {
			case b := <-w.Batches():
				take(b)
			case <-deadline:
				t.Fatalf("after 10s and %d batches, %d of the %d files reported", batches, len(seen), len(want))
			}
		}
		// A file whose events a batch's end split is reported again in the
		// next batch: count those too.
		for more := true; more; {
			select {
			case b := <-w.Batches():
				take(b)
			case <-time.After(150 * time.Millisecond):
				more = false
			}
		}
		if w.opts.Poll == 0 && batches > 3 {
			t.Errorf("the burst came in %d batches, want 1 (at most 3 on a busy machine)", batches)
		}
	})
}

func TestWatchIgnoresScratchFiles(t *testing.T) {
	eachWatcher(t, func(t *testing.T, dir string, w *watcher) {
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
	eachWatcher(t, func(t *testing.T, dir string, w *watcher) {
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
// That is normally one batch holding the original only. An editor that
// syncs the temp file to disk before the rename, or a busy machine, may
// pause longer than the quiet period in between: a batch then ends while
// the temp file exists and reports it, and a later one reports it deleted.
// What must hold: the original is reported changed, and never deleted, and
// the temp file does not end up reported as existing.
func TestWatchAtomicSave(t *testing.T) {
	eachWatcher(t, func(t *testing.T, dir string, w *watcher) {
		for _, tmp := range []string{"content/a.md.4f3a2b", "content/.a.md.tmp"} {
			write(t, dir, tmp, "new a, and longer")
			if err := os.Rename(abspath(dir, tmp), abspath(dir, "content/a.md")); err != nil {
				t.Fatal(err)
			}
			tmpExists := false // as the batches say
			for original := false; !original; {
				b := nextBatch(t, w)
				for _, p := range b.Changed {
					switch p {
					case "content/a.md":
						original = true
					case tmp:
						tmpExists = true
					default:
						t.Fatalf("batch %+v: changed %s", b, p)
					}
				}
				for _, p := range b.Deleted {
					if p != tmp {
						t.Fatalf("batch %+v: deleted %s", b, p)
					}
					tmpExists = false
				}
			}
			if tmpExists {
				t.Errorf("%s was reported created, never deleted", tmp)
			}
		}
		noBatch(t, w, 150*time.Millisecond)
	})
}

// TestWatchTempSeenByAScan plays the watcher's loop by hand: a scan
// (polling, or after the kernel dropped events) sees a temp file that is
// gone again when the batch ends. It came and went within the batch, so
// it is not reported, neither changed nor deleted.
func TestWatchTempSeenByAScan(t *testing.T) {
	dir := newSite(t)
	w := &watcher{root: dir, opts: watchOptions{Poll: time.Hour},
		known: map[string]stamp{}, pending: map[string]bool{}, ready: map[string]bool{}}
	w.sync("", learn)
	write(t, dir, "content/a.md.4f3a2b", "new a")
	write(t, dir, "content/b.md", "b, edited")
	if !w.sync("", toBatch) {
		t.Fatal("the scan saw no change")
	}
	if err := os.Remove(abspath(dir, "content/a.md.4f3a2b")); err != nil {
		t.Fatal(err)
	}
	w.flush()
	wantBatch(t, w.readyBatch(), []string{"content/b.md"}, nil)
}

// TestWatchVimSave saves as vim does with 'backupcopy' off: probe the
// folder with 4913, rename the original to a~, write a new file, delete a~.
func TestWatchVimSave(t *testing.T) {
	eachWatcher(t, func(t *testing.T, dir string, w *watcher) {
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
	eachWatcher(t, func(t *testing.T, dir string, w *watcher) {
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
	eachWatcher(t, func(t *testing.T, dir string, w *watcher) {
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
	eachWatcher(t, func(t *testing.T, dir string, w *watcher) {
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

// TestWatchMergesWhileBusy leaves a batch unread, as a slow rebuild does:
// later changes join the waiting batch instead of being lost or queued.
func TestWatchMergesWhileBusy(t *testing.T) {
	dir := newSite(t)
	var mu sync.Mutex
	var waiting batch // what waits for the reader, as the watcher says
	opts := testWatch
	opts.ready = func(b batch) {
		mu.Lock()
		defer mu.Unlock()
		waiting = b
	}
	waits := func(changed, deleted []string) func() bool {
		return func() bool {
			mu.Lock()
			defer mu.Unlock()
			return slices.Equal(waiting.Changed, changed) && slices.Equal(waiting.Deleted, deleted)
		}
	}
	w := startWatch(t, dir, opts)
	write(t, dir, "content/a.md", "a2")
	eventually(t, "a batch holding a.md to wait", waits([]string{"content/a.md"}, nil))
	write(t, dir, "content/b.md", "b2")
	if err := os.Remove(abspath(dir, "content/x/c.md")); err != nil {
		t.Fatal(err)
	}
	changed, deleted := []string{"content/a.md", "content/b.md"}, []string{"content/x/c.md"}
	eventually(t, "the waiting batch to take in b.md and c.md", waits(changed, deleted))
	wantBatch(t, nextBatch(t, w), changed, deleted)
}

// TestWatchDefaultTiming checks that with the default batching an edit is
// reported quickly.
func TestWatchDefaultTiming(t *testing.T) {
	dir := newSite(t)
	w := startWatch(t, dir, watchOptions{})
	start := time.Now()
	write(t, dir, "content/a.md", "a2")
	wantBatch(t, nextBatch(t, w), []string{"content/a.md"}, nil)
	if d := time.Since(start); d > time.Second {
		t.Errorf("batch after %v; want about defaultQuiet (%v)", d, defaultQuiet)
	}
}
