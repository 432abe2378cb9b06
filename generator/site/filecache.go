package site

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"strings"
	"sync"
	"time"

	"github.com/scholia/scholia/generator/outdir"
)

// fileCache knows the hash of each file of a site that it has read. A file
// whose size, modification time and inode are what they were is not read
// again, unless it was forgotten: the dev server forgets every path its
// watcher reports, so a save within the clock's resolution is never
// missed. A build seeds it from the last build's.
type fileCache struct {
	mu   sync.Mutex
	sums map[string]fileSum
	// watched is true when every change is reported through forget (the
	// dev server's watcher): a file the cache knows is then not even
	// stat'ed again.
	watched bool
}

// fileSum is what the cache knows of a file: its stat when it was read,
// and the hash of its bytes.
type fileSum struct {
	Stat outdir.Stat
	Sum  key
}

func newFileCache() *fileCache { return &fileCache{sums: map[string]fileSum{}} }

// seed starts the cache with what an earlier build knew, for the files
// modified well before that build started (a file saved within the
// clock's resolution of being read could have changed unseen).
func (c *fileCache) seed(sums map[string]fileSum, started time.Time) {
	before := started.Add(-2 * time.Second).UnixNano()
	for name, s := range sums {
		if s.Stat.Mtime < before {
			c.sums[name] = s
		}
	}
}

// export returns what the cache knows, for the next build to seed from.
func (c *fileCache) export() map[string]fileSum {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.sums)
}

// sum returns the hash of a file's bytes.
func (c *fileCache) sum(fsys fs.FS, name string) (key, error) {
	if c.watched {
		c.mu.Lock()
		s, ok := c.sums[name]
		c.mu.Unlock()
		if ok {
			return s.Sum, nil
		}
	}
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return key{}, err
	}
	if !info.Mode().IsRegular() {
		return key{}, fmt.Errorf("not a regular file (%s)", info.Mode().Type())
	}
	c.mu.Lock()
	s, ok := c.sums[name]
	c.mu.Unlock()
	if ok && s.Stat == outdir.StatOf(info) {
		return s.Sum, nil
	}
	// Streamed: a large static file is hashed without being held whole.
	f, err := fsys.Open(name)
	if err != nil {
		return key{}, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return key{}, err
	}
	var sum key
	copy(sum[:], h.Sum(nil))
	c.mu.Lock()
	c.sums[name] = fileSum{Stat: outdir.StatOf(info), Sum: sum}
	c.mu.Unlock()
	return sum, nil
}

// tooLarge is the error of read for a file larger than its limit.
type tooLarge struct{ size int64 }

func (e *tooLarge) Error() string { return fmt.Sprintf("%d bytes", e.size) }

// read returns a file's bytes and their hash. A file larger than max bytes
// (when max > 0) is not read: the error is a *tooLarge.
func (c *fileCache) read(fsys fs.FS, name string, max int64) ([]byte, key, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, key{}, err
	}
	if !info.Mode().IsRegular() {
		return nil, key{}, fmt.Errorf("not a regular file (%s)", info.Mode().Type())
	}
	if max > 0 && info.Size() > max {
		return nil, key{}, &tooLarge{info.Size()}
	}
	b, err := readAtMost(fsys, name, max)
	if err != nil {
		return nil, key{}, err
	}
	var sum key
	full := sha256.Sum256(b)
	copy(sum[:], full[:])
	c.mu.Lock()
	c.sums[name] = fileSum{Stat: outdir.StatOf(info), Sum: sum}
	c.mu.Unlock()
	return b, sum, nil
}

// readAtMost reads a file, but no more than max bytes (max > 0) even if it
// grew since its stat: then the error is a *tooLarge.
func readAtMost(fsys fs.FS, name string, max int64) ([]byte, error) {
	if max <= 0 {
		return fs.ReadFile(fsys, name)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err == nil && int64(len(b)) > max {
		return nil, &tooLarge{int64(len(b))}
	}
	return b, err
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
