package outdir

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Reuse prepares spare, the output of an earlier build kept by Commit, to
// be written into and swapped in for dir: a build then writes only what
// changed, with no folder to make and no old output to remove. The
// spare's marker is removed first, so a build that stops half-way leaves
// a spare no build trusts. The caller must know what the spare holds (its
// files and their stats, from when they were written) and remove what the
// new build does not make.
func Reuse(dir, spare string) (*Folder, error) {
	dir = filepath.Clean(dir)
	if err := checkReplaceable(dir); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(spare)
	if err != nil {
		return nil, err
	}
	if err := removeID(spare); err != nil {
		root.Close()
		return nil, err
	}
	root.Remove(legacyMarker)
	o := &Folder{final: dir, tmp: spare, root: root, reused: true, unlock: func() {}}
	o.register()
	return o, nil
}

// Lstat returns the stat of the file at rel in the folder being written,
// and false when there is no regular file there.
func (o *Folder) Lstat(rel string) (Stat, bool) {
	p, err := CleanRel(rel)
	if err != nil {
		return Stat{}, false
	}
	info, err := o.root.Lstat(p)
	if err != nil || !info.Mode().IsRegular() {
		return Stat{}, false
	}
	return StatOf(info), true
}

// Keep removes from the folder being written every file for whose slash
// path keep is false, then the folders that leaves empty. It walks the
// whole folder, so that nothing a build did not make survives in it.
func (o *Folder) Keep(keep func(rel string) bool) error {
	var gone, dirs []string
	err := fs.WalkDir(o.root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case p == ".":
		case d.IsDir():
			dirs = append(dirs, p)
		case !d.Type().IsRegular() || !keep(p):
			gone = append(gone, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range gone {
		if err := o.root.Remove(filepath.FromSlash(p)); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	// Deepest first, so that a parent is tried after its children; a
	// folder that still holds something stays.
	sort.Slice(dirs, func(i, j int) bool { return strings.Count(dirs[i], "/") > strings.Count(dirs[j], "/") })
	for _, p := range dirs {
		if o.root.Remove(filepath.FromSlash(p)) == nil {
			o.dirs.Delete(filepath.FromSlash(p))
		}
	}
	return nil
}

// clearFiles removes a file that stands at dir or at one of its parents,
// where a build wants folders; it reports whether it removed one.
func (o *Folder) clearFiles(dir string) bool {
	removed := false
	for d := dir; d != "."; d = filepath.Dir(d) {
		if info, err := o.root.Lstat(d); err == nil && !info.IsDir() {
			removed = o.root.Remove(d) == nil || removed
		}
	}
	return removed
}
