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
	o := &output{final: dir, tmp: tmp, root: root}
	if err := o.write(marker, []byte("This folder is written by scholia build and replaced on every build.\n")); err != nil {
		o.discard()
		return nil, err
	}
	return o, nil
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

// write writes one file of the output, making its folders.
func (o *output) write(rel string, data []byte) error {
	p, err := cleanRel(rel)
	if err != nil {
		return err
	}
	if err := o.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	return o.root.WriteFile(p, data, 0o644)
}

// copy copies a file from the site's file system into the output.
func (o *output) copy(rel string, fsys fs.FS, name string) error {
	p, err := cleanRel(rel)
	if err != nil {
		return err
	}
	src, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer src.Close()
	if err := o.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	dst, err := o.root.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
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

// write writes a rendered site into a fresh folder and swaps it in for
// dir, leaving dir as it was on any error.
func write(dir string, out *outputs) error {
	o, err := newOutput(dir)
	if err != nil {
		return err
	}
	rels := make([]string, 0, len(out.pages)+len(out.copies))
	for rel := range out.pages {
		rels = append(rels, rel)
	}
	for rel := range out.copies {
		rels = append(rels, rel)
	}
	errs := forEach(len(rels), nil, func(i int) string { return rels[i] }, func(i int) error {
		if data, ok := out.pages[rels[i]]; ok {
			return o.write(rels[i], data)
		}
		src := out.copies[rels[i]]
		return o.copy(rels[i], src.fsys, src.name)
	})
	if err := errs.Err(); err != nil {
		o.discard()
		return err
	}
	return o.commit()
}

// commit swaps the new folder in for the old one and removes the old one.
func (o *output) commit() error {
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
