package site

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"io"
	"io/fs"
	"maps"
	"sync"
)

// memTree is a site's outputs held in memory by the dev server, each file
// compressed: a 10,000-article site's pages take a fifth of their size.
// A memTree is never changed once it is served; a run makes the next one.
type memTree struct {
	files map[string]*memFile
}

type memFile struct {
	key key
	sum key    // the hash of the bytes, to tell a real change from a new key
	z   []byte // the bytes, compressed; nil for a copy
	src fs.FS  // a file copied as it is, read on request
	rel string // its name in src
	// render makes a drawn file on request: a 10,000-article site's share
	// cards would take 1.7 GB.
	render func() ([]byte, error)
}

// file returns the bytes of the output at rel.
func (t *memTree) file(rel string) ([]byte, bool) {
	f := t.files[rel]
	if f == nil {
		return nil, false
	}
	if f.src != nil {
		b, err := fs.ReadFile(f.src, f.rel)
		return b, err == nil
	}
	if f.render != nil {
		b, err := f.render()
		return b, err == nil
	}
	r := inflaters.Get().(io.ReadCloser)
	defer inflaters.Put(r)
	r.(flate.Resetter).Reset(bytes.NewReader(f.z), nil)
	b, err := io.ReadAll(r)
	return b, err == nil
}

// changes lists the outputs of t whose bytes differ from prev's or that
// prev lacks, and those of prev that t no longer has.
func (t *memTree) changes(prev *memTree) (changed, removed []string) {
	for rel, f := range t.files {
		if old := prev.files[rel]; old == nil || old.sum != f.sum {
			changed = append(changed, rel)
		}
	}
	for rel := range prev.files {
		if t.files[rel] == nil {
			removed = append(removed, rel)
		}
	}
	return changed, removed
}

// memSink makes the next memTree from the one being served.
type memSink struct {
	prev *memTree
	mu   sync.Mutex
	next map[string]*memFile
}

func newMemSink(prev *memTree) *memSink {
	return &memSink{prev: prev, next: make(map[string]*memFile, len(prev.files))}
}

func (m *memSink) keep(rel string, k key) bool {
	f := m.prev.files[rel]
	if f == nil || f.key != k {
		return false
	}
	m.put(rel, f)
	return true
}

func (m *memSink) write(rel string, k key, data []byte) error {
	var buf bytes.Buffer
	w := deflaters.Get().(*flate.Writer)
	defer deflaters.Put(w)
	w.Reset(&buf)
	if _, err := w.Write(data); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	var sum key
	full := sha256.Sum256(data)
	copy(sum[:], full[:])
	m.put(rel, &memFile{key: k, sum: sum, z: bytes.Clone(buf.Bytes())})
	return nil
}

// draw keeps render to make the file when it is read; k names its bytes.
func (m *memSink) draw(rel string, k key, render func() ([]byte, error)) error {
	m.put(rel, &memFile{key: k, sum: k, render: render})
	return nil
}

func (m *memSink) copy(rel string, k key, fsys fs.FS, name string) error {
	m.put(rel, &memFile{key: k, sum: k, src: fsys, rel: name})
	return nil
}

func (m *memSink) put(rel string, f *memFile) {
	m.mu.Lock()
	m.next[rel] = f
	m.mu.Unlock()
}

func (m *memSink) tree() *memTree { return &memTree{files: maps.Clone(m.next)} }

var (
	deflaters = sync.Pool{New: func() any {
		w, _ := flate.NewWriter(nil, flate.BestSpeed)
		return w
	}}
	inflaters = sync.Pool{New: func() any { return flate.NewReader(bytes.NewReader(nil)) }}
)
