package site

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/scholia/scholia/generator/diag"
)

// forEach runs f on 0..n-1 on every core, turning panics into errors, and
// returns every error.
func forEach(n int, progress func(), name func(int) string, f func(int) error) diag.List {
	var (
		mu   sync.Mutex
		errs diag.List
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				if err := safely(name(i), func() error { return f(i) }); err != nil {
					mu.Lock()
					errs.Add(err)
					mu.Unlock()
				}
				if progress != nil {
					progress()
				}
			}
		})
	}
	wg.Wait()
	errs.Sort()
	return errs
}
