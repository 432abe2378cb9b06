package site

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

// marker is the file by which Scholia knows an output folder as its own: a
// build replaces a non-empty folder only when it holds one, so a mistyped
// -out never wipes someone's documents.
const marker = ".scholia-output"

const markerText = "This folder is written by scholia build and replaced on every build.\nbuild: "

// outputID returns the build id in the marker of the output folder dir,
// "" when it has none.
func outputID(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, marker))
	if err != nil || !strings.HasPrefix(string(b), markerText) {
		return ""
	}
	return strings.TrimSpace(strings.TrimPrefix(string(b), markerText))
}

// output is a fresh folder beside the final one that a build writes into.
// Every write goes through an os.Root, so no path, slug or symlink can lead
// outside it.
type output struct {
	final string
	tmp   string
	root  *os.Root
	dirs  sync.Map // folders made so far: MkdirAll through a Root walks every parent
}

// newOutput prepares a fresh folder beside dir.
func newOutput(dir string) (*output, error) {
	dir = filepath.Clean(dir)
	if err := checkReplaceable(dir); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	root, err := os.OpenRoot(tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &output{final: dir, tmp: tmp, root: root}, nil
}

func checkReplaceable(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, marker)); err != nil {
		return fmt.Errorf("refusing to replace %s: it is not empty and was not written by scholia (no %s); remove it or choose another -out", dir, marker)
	}
	return nil
}

// cleanRel checks that rel is a relative slash path that stays inside the
// output, whatever a slug, tag or file name said.
func cleanRel(rel string) (string, error) {
	c := path.Clean("/" + rel)[1:]
	if c == "" || rel != c && rel != c+"/" || strings.Contains(rel, "\\") || strings.ContainsRune(rel, 0) {
		return "", fmt.Errorf("output path %q is not a clean relative path", rel)
	}
	return filepath.FromSlash(c), nil
}

// write writes one file of the output, making its folders, and returns
// what the cache needs to know it again.
func (o *output) write(rel string, data []byte) (diskFile, error) {
	p, err := o.prepare(rel)
	if err != nil {
		return diskFile{}, err
	}
	f, err := o.root.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return diskFile{}, err
	}
	return finish(f, func() error { _, err := f.Write(data); return err })
}

// copy copies a file from the site's file system into the output.
func (o *output) copy(rel string, fsys fs.FS, name string) (diskFile, error) {
	p, err := o.prepare(rel)
	if err != nil {
		return diskFile{}, err
	}
	src, err := fsys.Open(name)
	if err != nil {
		return diskFile{}, err
	}
	defer src.Close()
	dst, err := o.root.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return diskFile{}, err
	}
	return finish(dst, func() error { _, err := io.Copy(dst, src); return err })
}

// link makes rel a hard link to the file at old, outside the output: a
// file of the previous build that this one would write again unchanged.
func (o *output) link(rel, old string) error {
	p, err := o.prepare(rel)
	if err != nil {
		return err
	}
	// link(2) does not follow a symbolic link at either end, and every
	// folder of p was made by this build.
	return os.Link(old, filepath.Join(o.tmp, p))
}

// prepare checks rel and makes its folder.
func (o *output) prepare(rel string) (string, error) {
	p, err := cleanRel(rel)
	if err != nil {
		return "", err
	}
	return p, o.mkdir(filepath.Dir(p))
}

// finish writes and closes f, and stats it for the cache.
func finish(f *os.File, write func() error) (diskFile, error) {
	if err := write(); err != nil {
		f.Close()
		return diskFile{}, err
	}
	info, err := f.Stat()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return diskFile{}, err
	}
	return statOf(info), nil
}

// mkdir makes a folder of the output and its parents, once.
func (o *output) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	if _, done := o.dirs.Load(dir); done {
		return nil
	}
	if err := o.root.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	o.dirs.Store(dir, true)
	return nil
}

// commit writes the marker with the build's id, swaps the new folder in
// for the old one and removes the old one. The id is the digest of what
// was built, so two builds of one commit stay byte-identical.
func (o *output) commit(id string) error {
	if _, err := o.write(marker, []byte(markerText+id+"\n")); err != nil {
		o.discard()
		return err
	}
	o.root.Close()
	if _, err := os.Lstat(o.final); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(o.tmp, o.final)
	}
	if err := exchange(o.tmp, o.final); err != nil {
		o.discard()
		return err
	}
	// o.tmp now holds the previous output.
	return os.RemoveAll(o.tmp)
}

// discard removes the new folder, leaving the previous output as it was.
func (o *output) discard() {
	o.root.Close()
	os.RemoveAll(o.tmp)
}
