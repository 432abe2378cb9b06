package site

import (
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"

	"sync"

	"github.com/scholia/scholia/generator/outdir"
)

// diskFile is what the cache knows of one file of a built output: the key
// it was made under and its stat when written.
type diskFile struct {
	Key key
	outdir.Stat
}

// dirSink writes a build into a folder beside the output: a fresh one, or
// the spare, the output before last, kept by the cache. A file that the
// spare holds under the same key stays; one that the previous output holds
// under the same key is hard-linked from it; only the rest is written.
type dirSink struct {
	out   *outdir.Folder
	prev  map[string]diskFile // the previous output's files; nil when not trusted
	spare map[string]diskFile // the files of the folder written into, when it is the spare
	mu    sync.Mutex
	next  map[string]diskFile
}

// newDirSink prepares to write the output dir: into the spare folder when
// its files are known, into a fresh folder otherwise.
func newDirSink(dir string, prev map[string]diskFile, spare string, spareFiles map[string]diskFile) (*dirSink, error) {
	d := &dirSink{prev: prev, next: map[string]diskFile{}}
	var err error
	if spare != "" && spareFiles != nil {
		if d.out, err = outdir.Reuse(dir, spare); err == nil {
			d.spare = spareFiles
			return d, nil
		}
	}
	if spare != "" {
		os.RemoveAll(spare) // a spare no manifest describes is of no use
		os.Remove(outdir.Marker(spare))
	}
	d.out, err = outdir.New(dir)
	return d, err
}

func (d *dirSink) keep(rel string, k key) bool {
	if e, ok := d.spare[rel]; ok && e.Key == k {
		if st, ok := d.out.Lstat(rel); ok && st == e.Stat {
			d.put(rel, e)
			return true
		}
	}
	e, ok := d.prev[rel]
	if !ok || e.Key != k {
		return false
	}
	p, err := outdir.CleanRel(rel)
	if err != nil {
		return false
	}
	old := filepath.Join(d.out.Final(), p)
	info, err := os.Lstat(old)
	if err != nil || !info.Mode().IsRegular() || outdir.StatOf(info) != e.Stat {
		return false
	}
	if d.out.Link(rel, old) != nil {
		return false
	}
	d.put(rel, e)
	return true
}

// prune removes from the spare everything this build did not make, what
// the manifest knows of and anything else someone put there.
func (d *dirSink) prune() error {
	if d.spare == nil {
		return nil
	}
	return d.out.Keep(func(rel string) bool {
		_, ok := d.next[rel]
		return ok
	})
}

func (d *dirSink) write(rel string, k key, data []byte) error {
	st, err := d.out.Write(rel, data)
	if err != nil {
		return err
	}
	d.put(rel, diskFile{Key: k, Stat: st})
	return nil
}

func (d *dirSink) draw(rel string, k key, render func() ([]byte, error)) error {
	data, err := render()
	if err != nil {
		return err
	}
	return d.write(rel, k, data)
}

func (d *dirSink) copy(rel string, k key, fsys fs.FS, name string) error {
	st, err := d.out.Copy(rel, fsys, name)
	if err != nil {
		return err
	}
	d.put(rel, diskFile{Key: k, Stat: st})
	return nil
}

func (d *dirSink) put(rel string, f diskFile) {
	d.mu.Lock()
	d.next[rel] = f
	d.mu.Unlock()
}

// id names what the sink holds: the digest of every output path and key.
func (d *dirSink) id() string {
	k := newKeyer("output")
	for _, rel := range sortedKeys(d.next) {
		k.str(rel)
		k.key(d.next[rel].Key)
	}
	s := k.sum()
	return hex.EncodeToString(s[:])
}
