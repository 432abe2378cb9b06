package site

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"strings"
	"sync"
	"time"
)

// fileCache knows the hash of each file of a site that it has read. A file
// whose size and modification time are what they were is not read again,
// unless it was forgotten: the dev server forgets every path its watcher
// reports, so a save within the clock's resolution is never missed.
type fileCache struct {
	mu   sync.Mutex
	sums map[string]fileSum
}

type fileSum struct {
	size int64
	mod  time.Time
	sum  key
}

func newFileCache() *fileCache { return &fileCache{sums: map[string]fileSum{}} }

// sum returns the hash of a file's bytes.
func (c *fileCache) sum(fsys fs.FS, name string) (key, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return key{}, err
	}
	c.mu.Lock()
	s, ok := c.sums[name]
	c.mu.Unlock()
	if ok && s.size == info.Size() && s.mod.Equal(info.ModTime()) {
		return s.sum, nil
	}
	_, sum, err := c.read(fsys, name)
	return sum, err
}

// read returns a file's bytes and their hash.
func (c *fileCache) read(fsys fs.FS, name string) ([]byte, key, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, key{}, err
	}
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, key{}, err
	}
	var sum key
	full := sha256.Sum256(b)
	copy(sum[:], full[:])
	c.mu.Lock()
	c.sums[name] = fileSum{size: info.Size(), mod: info.ModTime(), sum: sum}
	c.mu.Unlock()
	return b, sum, nil
}

// forget drops what the cache knows of the files at or under paths.
func (c *fileCache) forget(paths []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for name := range c.sums {
		for _, p := range paths {
			if p == "." || name == p || strings.HasPrefix(name, p+"/") {
				delete(c.sums, name)
				break
			}
		}
	}
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
