//go:build !linux

package benchmark

import (
	"errors"
	"os"
	"os/exec"
)

// settle does nothing: only Linux runs are documented.
func settle() {}

// peakKiB is 0: the peak memory figures are read the Linux way.
func peakKiB(*os.ProcessState) int64 { return 0 }

// highWaterKiB needs Linux's /proc.
func highWaterKiB(*exec.Cmd) (int64, error) {
	return 0, errors.New("peak memory of a running server needs Linux's /proc")
}
