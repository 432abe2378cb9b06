//go:build unix

package site

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockCache takes the cache folder for one build: two builds writing into
// one spare at once would each publish the other's half-made output.
func lockCache(dir string) (unlock func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, "lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("another scholia build is using the build cache %s: wait for it to end, or build with -no-cache", dir)
		}
		return nil, err
	}
	return func() { f.Close() }, nil
}
