//go:build unix

package outdir

import (
	"os"
	"syscall"
)

// lockDir takes the lock of the folder at p without waiting; ok is false
// when another process (or this one) holds it, or it cannot be taken.
func lockDir(p string) (unlock func(), ok bool) {
	f, err := os.Open(p)
	if err != nil {
		return nil, false
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, false
	}
	return func() { f.Close() }, true
}
