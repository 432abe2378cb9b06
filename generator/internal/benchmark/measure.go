package benchmark

import (
	"bytes"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"time"
)

// Sample is what one run of a program cost: wall time, CPU time (user
// plus system, all threads) and peak resident memory.
type Sample struct {
	Wall, CPU time.Duration
	PeakKiB   int64 // the child's maximum resident set size
}

// measure runs cmd to its end and samples it. Wall time is the parent's
// clock around the run, so it includes the process's start and exit.
func measure(cmd *exec.Cmd) (Sample, error) {
	var stderr bytes.Buffer
	if cmd.Stderr == nil {
		cmd.Stderr = &stderr
	}
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return Sample{}, fmt.Errorf("%s: %w\n%s", strings.Join(cmd.Args, " "), err, tail(stderr.String(), 2000))
	}
	ps := cmd.ProcessState
	return Sample{Wall: wall, CPU: ps.UserTime() + ps.SystemTime(), PeakKiB: peakKiB(ps)}, nil
}

// median takes the median of each figure on its own: with three runs, one
// slow outlier in any figure is left out.
func median(samples []Sample) Sample {
	pick := func(f func(Sample) int64) int64 {
		v := make([]int64, len(samples))
		for i, s := range samples {
			v[i] = f(s)
		}
		slices.Sort(v)
		if len(v)%2 == 1 {
			return v[len(v)/2]
		}
		return (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	if len(samples) == 0 {
		return Sample{}
	}
	return Sample{
		Wall:    time.Duration(pick(func(s Sample) int64 { return int64(s.Wall) })),
		CPU:     time.Duration(pick(func(s Sample) int64 { return int64(s.CPU) })),
		PeakKiB: pick(func(s Sample) int64 { return s.PeakKiB }),
	}
}

// medianDuration is the median of ds (which it sorts).
func medianDuration(ds []time.Duration) time.Duration {
	s := make([]Sample, len(ds))
	for i, d := range ds {
		s[i].Wall = d
	}
	return median(s).Wall
}

// tail is the end of s, for error messages from long outputs.
func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}
