package outdir

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// A build writes into a hidden folder beside its output (.public.new-123)
// and renames it into place at the end. A build that is stopped before
// then (SIGTERM from a CI runner or timeout, Ctrl-C) must not leave that
// folder behind: the command calls DiscardAll on the signal, and New
// removes the folders of earlier builds that no process holds any more.

// writing is every Folder of this process not yet committed or discarded.
var writing = struct {
	sync.Mutex
	folders map[*Folder]bool
}{folders: map[*Folder]bool{}}

func (o *Folder) register() {
	writing.Lock()
	writing.folders[o] = true
	writing.Unlock()
}

func (o *Folder) unregister() {
	writing.Lock()
	delete(writing.folders, o)
	writing.Unlock()
}

// DiscardAll removes the new folders of every build of this process that
// is still writing, leaving each previous output as it was. A command
// calls it when it is told to stop, before it exits. A Commit under way
// finishes first.
func DiscardAll() {
	writing.Lock()
	defer writing.Unlock()
	for o := range writing.folders {
		// Closing the Root first stops the build's writers from making
		// anything more in the folder while it is being removed.
		o.root.Close()
		for i := 0; i < 5 && !o.reused; i++ {
			if os.RemoveAll(o.tmp) == nil {
				break
			}
		}
		delete(writing.folders, o)
	}
}

// tempPattern is the pattern of the new folders of output dir.
func tempPattern(dir string) string { return "." + filepath.Base(dir) + ".new-" }

// sweep removes the new folders that stopped builds left beside dir: those
// no running build holds the lock of.
func sweep(dir string) {
	parent, prefix := filepath.Dir(dir), tempPattern(dir)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		// A ".swap" folder is the old output half-way through a swap by
		// renames (where there is no atomic exchange): not ours to remove.
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) || strings.HasSuffix(e.Name(), ".swap") {
			continue
		}
		p := filepath.Join(parent, e.Name())
		if unlock, ok := lockDir(p); ok {
			os.RemoveAll(p)
			unlock()
		}
	}
}
