package site

import (
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
)

// diskFile is what the cache knows of one file of a built output: the key
// it was made under, and the size, modification time and inode it had when
// written. A file whose stat says otherwise was changed by someone else and
// is never linked into the next build.
type diskFile struct {
	Key   key
	Size  int64
	Mtime int64
	Ino   uint64
}

func statOf(info fs.FileInfo) diskFile {
	d := diskFile{Size: info.Size(), Mtime: info.ModTime().UnixNano()}
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		d.Ino = st.Ino
	}
	return d
}

// dirSink writes a build into a fresh folder beside the output. A file
// that the previous build wrote under the same key is hard-linked from the
// previous output instead of written again.
type dirSink struct {
	out  *output
	prev map[string]diskFile // the previous output's files; nil when it is not trusted
	mu   sync.Mutex
	next map[string]diskFile
}

func newDirSink(dir string, prev map[string]diskFile) (*dirSink, error) {
	o, err := newOutput(dir)
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
	p, err := cleanRel(rel)
	if err != nil {
		return false
	}
	old := filepath.Join(d.out.final, p)
	info, err := os.Lstat(old)
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	if st := statOf(info); st.Size != e.Size || st.Mtime != e.Mtime || st.Ino != e.Ino {
		return false
	}
	if d.out.link(rel, old) != nil {
		return false
	}
	d.put(rel, e)
	return true
}

func (d *dirSink) write(rel string, k key, data []byte) error {
	f, err := d.out.write(rel, data)
	if err != nil {
		return err
	}
	f.Key = k
	d.put(rel, f)
	return nil
}

func (d *dirSink) copy(rel string, k key, fsys fs.FS, name string) error {
	f, err := d.out.copy(rel, fsys, name)
	if err != nil {
		return err
	}
	f.Key = k
	d.put(rel, f)
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
