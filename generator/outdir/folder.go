package outdir

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Folder is a fresh folder beside the final one that a build writes into.
// Every write goes through an os.Root, so no path, slug or symlink can lead
// outside it.
type Folder struct {
	final string
	tmp   string
	root  *os.Root
	dirs  sync.Map // folders made so far: MkdirAll through a Root walks every parent
	// reused is true when tmp is an earlier build's output (see Reuse).
	reused bool
	unlock func() // releases tmp's lock, which tells sweep it is in use
}

// New prepares a fresh folder beside dir, the final output folder. It
// refuses a dir that is not empty and has no Marker.
func New(dir string) (*Folder, error) {
	dir = filepath.Clean(dir)
	if err := checkReplaceable(dir); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	sweep(dir)
	tmp, err := os.MkdirTemp(parent, tempPattern(dir))
	if err != nil {
		return nil, err
	}
	unlock, ok := lockDir(tmp)
	if !ok {
		unlock = func() {}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	root, err := os.OpenRoot(tmp)
	if err != nil {
		unlock()
		os.RemoveAll(tmp)
		return nil, err
	}
	o := &Folder{final: dir, tmp: tmp, root: root, unlock: unlock}
	o.register()
	return o, nil
}

// Within reports whether the path a is the path b or under it.
func Within(a, b string) bool {
	rel, err := filepath.Rel(b, a)
	return err == nil && filepath.IsLocal(rel) || rel == "."
}

// CleanRel checks that rel is a relative slash path that stays inside the
// output, whatever a slug, tag or file name said, and returns it as a path
// of this system.
func CleanRel(rel string) (string, error) {
	c := path.Clean("/" + rel)[1:]
	if c == "" || rel != c && rel != c+"/" || strings.Contains(rel, "\\") || strings.ContainsRune(rel, 0) {
		return "", fmt.Errorf("output path %q is not a clean relative path", rel)
	}
	return filepath.FromSlash(c), nil
}

// Write writes one file of the output, making its folders, and returns its
// stat, by which a cache knows it again.
func (o *Folder) Write(rel string, data []byte) (Stat, error) {
	p, err := o.prepare(rel)
	if err != nil {
		return Stat{}, err
	}
	f, err := o.create(p)
	if err != nil {
		return Stat{}, err
	}
	return finish(f, func() error { _, err := f.Write(data); return err })
}

// Copy copies a file from the site's file system into the output.
func (o *Folder) Copy(rel string, fsys fs.FS, name string) (Stat, error) {
	p, err := o.prepare(rel)
	if err != nil {
		return Stat{}, err
	}
	src, err := fsys.Open(name)
	if err != nil {
		return Stat{}, err
	}
	defer src.Close()
	dst, err := o.create(p)
	if err != nil {
		return Stat{}, err
	}
	return finish(dst, func() error { _, err := io.Copy(dst, src); return err })
}

// Link makes rel a hard link to the file at old, outside the output: a
// file of the previous build that this one would write again unchanged.
func (o *Folder) Link(rel, old string) error {
	p, err := o.prepare(rel)
	if err != nil {
		return err
	}
	// link(2) does not follow a symbolic link at either end, and every
	// folder of p was made by a build.
	err = os.Link(old, filepath.Join(o.tmp, p))
	if errors.Is(err, fs.ErrExist) {
		if err = o.clear(p); err == nil {
			err = os.Link(old, filepath.Join(o.tmp, p))
		}
	}
	return err
}

// clear removes what stands at p in a reused folder: a file, or a folder
// where this build writes a file. The spare is not served, and removing a
// name never changes a file the served output shares.
func (o *Folder) clear(p string) error {
	if info, err := o.root.Lstat(p); err == nil && info.IsDir() && o.reused {
		return o.root.RemoveAll(p)
	}
	return o.root.Remove(p)
}

// create makes a new file at p. A file there already (in a reused folder)
// is removed first, never written into: it may be a hard link that the
// output being served shares.
func (o *Folder) create(p string) (*os.File, error) {
	f, err := o.root.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		if err = o.clear(p); err == nil {
			f, err = o.root.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		}
	}
	return f, err
}

// prepare checks rel and makes its folder.
func (o *Folder) prepare(rel string) (string, error) {
	p, err := CleanRel(rel)
	if err != nil {
		return "", err
	}
	return p, o.mkdir(filepath.Dir(p))
}

// finish writes and closes f, and stats it for the cache.
func finish(f *os.File, write func() error) (Stat, error) {
	if err := write(); err != nil {
		f.Close()
		return Stat{}, err
	}
	info, err := f.Stat()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Stat{}, err
	}
	return StatOf(info), nil
}

// mkdir makes a folder of the output and its parents, once.
func (o *Folder) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	if _, done := o.dirs.Load(dir); done {
		return nil
	}
	if err := o.root.MkdirAll(dir, 0o755); err != nil {
		// In a reused folder a file may stand where this build wants a
		// folder: remove it and try once more.
		if !o.reused || !o.clearFiles(dir) {
			return err
		}
		if err := o.root.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	o.dirs.Store(dir, true)
	return nil
}

// Commit swaps the new folder in for the old one, writes the marker with
// the build's id, and moves the old one to spare ("": removes it), with
// its own id in its marker. The id is the digest of what was built, so two
// builds of one commit stay byte-identical. It reports whether the old
// output is now at spare.
func (o *Folder) Commit(id, spare string) (bool, error) {
	writing.Lock()
	defer writing.Unlock()
	if !writing.folders[o] {
		return false, errors.New("the build was stopped before its output was swapped in")
	}
	delete(writing.folders, o)
	defer o.unlock()
	return o.commit(id, spare)
}

func (o *Folder) commit(id, spare string) (bool, error) {
	o.root.Close()
	old := ID(o.final)
	// While the swap is under way the marker says what the folder holds is
	// not known, so a build stopped in between trusts neither side.
	if err := writeID(o.final, "", o.tmp); err != nil {
		o.drop()
		return false, err
	}
	if _, err := os.Lstat(o.final); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(o.tmp, o.final); err != nil {
			return false, err
		}
		return false, writeID(o.final, id)
	}
	if err := exchange(o.tmp, o.final); err != nil {
		o.drop()
		return false, err
	}
	if err := writeID(o.final, id); err != nil {
		return false, err
	}
	// o.tmp now holds the previous output.
	os.Remove(filepath.Join(o.tmp, legacyMarker))
	if spare != "" && (o.tmp == spare || os.RemoveAll(spare) == nil && os.Rename(o.tmp, spare) == nil) {
		return true, writeID(spare, old)
	}
	return false, os.RemoveAll(o.tmp)
}

// Discard removes the new folder, leaving the previous output as it was.
func (o *Folder) Discard() {
	o.unregister()
	o.drop()
	o.unlock()
}

func (o *Folder) drop() {
	o.root.Close()
	os.RemoveAll(o.tmp)
}

// Final is the output folder the build replaces.
func (o *Folder) Final() string { return o.final }

// Stat is what a cache keeps of a file it wrote, to know it again: a file
// whose stat says otherwise was changed by someone else.
type Stat struct {
	Size  int64
	Mtime int64 // nanoseconds
	Ino   uint64
}

// StatOf is the Stat of a file.
func StatOf(info fs.FileInfo) Stat {
	return Stat{Size: info.Size(), Mtime: info.ModTime().UnixNano(), Ino: inode(info)}
}
