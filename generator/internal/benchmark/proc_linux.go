package benchmark

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
)

// settle writes the earlier runs' files out to disk, so that their
// writeback does not compete with the next run.
func settle() { syscall.Sync() }

// peakKiB is the finished process's maximum resident set size, which
// Linux reports in KiB.
func peakKiB(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss
	}
	return 0
}

// highWaterKiB reads the peak resident set size (VmHWM) of a running
// process from /proc: a server never exits on its own, so its rusage is
// not there to read.
func highWaterKiB(cmd *exec.Cmd) (int64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid))
	if err != nil {
		return 0, fmt.Errorf("reading VmHWM: %w", err)
	}
	for line := range strings.Lines(string(data)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kib, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("reading VmHWM %q: %w", v, err)
			}
			return kib, nil
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/%d/status", cmd.Process.Pid)
}
