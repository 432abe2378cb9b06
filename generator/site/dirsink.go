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

// dirSink writes a build into a fresh folder beside the output. A file
// that the previous build wrote under the same key is hard-linked from the
// previous output instead of written again.
type dirSink struct {
	out  *outdir.Folder
	prev map[string]diskFile // the previous output's files; nil when it is not trusted
	mu   sync.Mutex
	next map[string]diskFile
}

func newDirSink(dir string, prev map[string]diskFile) (*dirSink, error) {
	o, err := outdir.New(dir)
	if err != nil {
		return nil, err
	}
	return &dirSink{out: o, prev: prev, next: map[string]diskFile{}}, nil
}

func (d *dirSink) keep(rel string, k key) bool {
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
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	if outdir.StatOf(info) != e.Stat {
		return false
	}
	if d.out.Link(rel, old) != nil {
		return false
	}
	d.put(rel, e)
	return true
}

func (d *dirSink) write(rel string, k key, data []byte) error {
	st, err := d.out.Write(rel, data)
	if err != nil {
		return err
	}
	d.put(rel, diskFile{Key: k, Stat: st})
	return nil
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
