package loadtest

import (
	"context"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"
)

// Sample is this process's goroutines and heap at one moment.
type Sample struct {
	Goroutines int    // runtime.NumGoroutine
	Heap       uint64 // bytes of heap objects (MemStats.HeapAlloc)
}

// take samples now. After a garbage collection (gc), the heap is what is
// still reachable; the two collections let finalizers run and what they
// free go.
func take(gc bool) Sample {
	if gc {
		runtime.GC()
		runtime.GC()
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return Sample{Goroutines: runtime.NumGoroutine(), Heap: m.HeapAlloc}
}

// settle waits for the goroutines of connections that just closed to end:
// until there are at most want (when want >= 0) or the count has stayed
// the same for 500 ms, for up to timeout. Then it samples after a garbage
// collection.
func settle(want int, timeout time.Duration) Sample {
	deadline := time.Now().Add(timeout)
	last, since := runtime.NumGoroutine(), time.Now()
	for time.Now().Before(deadline) {
		n := runtime.NumGoroutine()
		if want >= 0 && n <= want {
			break
		}
		if n != last {
			last, since = n, time.Now()
		} else if want < 0 && time.Since(since) >= 500*time.Millisecond {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	return take(true)
}

// peaks samples every interval until stopped and keeps the largest
// figures: goroutines every time, the heap (without collecting, so what
// the program holds, garbage included) every fourth time, because reading
// it stops the program for a moment.
type peaks struct {
	mu   sync.Mutex
	max  Sample
	stop context.CancelFunc
	done chan struct{}
}

func startPeaks(interval time.Duration) *peaks {
	ctx, cancel := context.WithCancel(context.Background())
	p := &peaks{stop: cancel, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for i := 0; ; i++ {
			var s Sample
			if i%4 == 0 {
				s = take(false)
			} else {
				s.Goroutines = runtime.NumGoroutine()
			}
			p.mu.Lock()
			p.max.Goroutines = max(p.max.Goroutines, s.Goroutines)
			p.max.Heap = max(p.max.Heap, s.Heap)
			p.mu.Unlock()
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	return p
}

// end stops the sampling and returns the peaks.
func (p *peaks) end() Sample {
	p.stop()
	<-p.done
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.max
}

// loadAverage is the machine's load average over the last minute, from
// /proc/loadavg, or "" where there is none: the soak shares the cores with
// whatever else runs, and a busy machine slows both server and wrk.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}
