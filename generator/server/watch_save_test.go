package server

import (
	"fmt"
	"os"
	"slices"
	"testing"
	"time"
)

// editorSave saves rel under dir the way an editor does and returns the
// longest pause between two of its steps that give events: what the quiet
// period must outlast for the save to be one batch.
type editorSave func(t *testing.T, dir, rel, data string) time.Duration

// atomicSave writes a temp file with a name no ignore rule knows, syncs it
// to disk and renames it over the original (write-file-atomic, QSaveFile,
// Go's os.CreateTemp users). The pause is the sync: the temp file's events
// come before it, the rename's after.
func atomicSave(t *testing.T, dir, rel, data string) time.Duration {
	t.Helper()
	tmp := abspath(dir, rel) + ".4f3a2b"
	f, err := os.Create(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(data); err != nil {
		t.Fatal(err)
	}
	written := time.Now()
	if err := f.Sync(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Rename(tmp, abspath(dir, rel)); err != nil {
		t.Fatal(err)
	}
	return time.Since(written)
}

// vimSave saves as vim does with 'writebackup' and 'backupcopy' off: probe
// the folder with 4913, rename the original to a~, write and sync a new
// one, delete a~. Only the rename and the new file's create and write
// count (the rest is ignored scratch or chmod), so the sync adds no pause.
func vimSave(t *testing.T, dir, rel, data string) time.Duration {
	t.Helper()
	p := abspath(dir, rel)
	write(t, dir, "content/4913", "")
	os.Remove(abspath(dir, "content/4913"))
	start := time.Now()
	if err := os.Rename(p, p+"~"); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(data); err != nil {
		t.Fatal(err)
	}
	pause := time.Since(start)
	if err := f.Sync(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	os.Chmod(p, 0o644)
	os.Remove(p + "~")
	return pause
}

// TestWatchEditorSavesAreOneBatch saves in each way with the default
// batching, fsync included, until 20 saves have been judged: each save
// whose own steps came within half the quiet period of each other must be
// one batch holding the original only, so the watcher's delay in seeing
// the events (under -race, on a busy machine) must fit in the other half.
// A save that paused longer (a slow sync, the test descheduled) is not
// judged, since the watcher cannot know that a rename is coming, only
// counted in the pauses it logs.
func TestWatchEditorSavesAreOneBatch(t *testing.T) {
	dir := newSite(t)
	w := startWatch(t, dir, watchOptions{})
	for _, tc := range []struct {
		name, rel string
		save      editorSave
	}{
		{"temp, fsync, rename", "content/a.md", atomicSave},
		{"vim", "content/b.md", vimSave},
	} {
		var pauses []time.Duration
		judged := 0
		for i := 0; judged < 20 && i < 200; i++ {
			pause := tc.save(t, dir, tc.rel, fmt.Sprintf("saved %d", i))
			pauses = append(pauses, pause)
			if pause > defaultQuiet/2 {
				untilChanged(t, w, tc.rel)
				continue
			}
			judged++
			if b := nextBatch(t, w); !slices.Equal(b.Changed, []string{tc.rel}) || len(b.Deleted) > 0 {
				t.Fatalf("%s, save %d (longest pause %v): batch %+v, want %s changed only", tc.name, i, pause, b, tc.rel)
			}
		}
		slices.Sort(pauses)
		t.Logf("%s: %d of %d saves judged; pauses median %v, 95th percentile %v, longest %v (quiet period %v)",
			tc.name, judged, len(pauses), pauses[len(pauses)/2], pauses[len(pauses)*95/100], pauses[len(pauses)-1], defaultQuiet)
		if judged < 20 {
			t.Errorf("%s: only %d of %d saves paused less than %v: the machine is too busy to tell", tc.name, judged, len(pauses), defaultQuiet/2)
		}
	}
	noBatch(t, w, 100*time.Millisecond)
}

// untilChanged takes batches until one reports rel changed.
func untilChanged(t *testing.T, w *watcher, rel string) {
	t.Helper()
	for {
		if slices.Contains(nextBatch(t, w).Changed, rel) {
			return
		}
	}
}
