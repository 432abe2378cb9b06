package server

import "time"

// Default batching of file events: a batch ends when no event has come for
// defaultQuiet, or defaultMaxWait after its first event, whichever is
// sooner.
//
// An editor's save arrives as a handful of events within a millisecond or
// two (truncate, write, chmod; or create, write, rename). Some editors and
// libraries also sync the temp file to disk before renaming it over the
// original: a few milliseconds on an SSD, more on a spinning disk or a busy
// machine. 20 ms of silence keeps such a save in one batch in the common
// case while the time from save to reload stays well under the 50 ms aimed
// at (see BenchmarkSaveToReload). A longer pause is harmless: the batch
// ends while the temp file exists and reports it, and the next one reports
// the original changed and the temp file deleted.
//
// A git checkout writes hundreds of files back to back, each within the
// quiet period of the one before, so it is one batch; defaultMaxWait makes
// sure a never-ending stream (a log file under content/, a slow copy) still
// rebuilds now and then.
const (
	defaultQuiet   = 20 * time.Millisecond
	defaultMaxWait = 250 * time.Millisecond
)

// debounce decides when a batch of events ends. It holds no timer itself:
// the watcher's loop asks it how long to wait after each event, which keeps
// the rule testable with made-up times.
type debounce struct {
	quiet, max time.Duration
	start      time.Time // of the open batch
	open       bool
}

// event records an event at now and returns how long to wait for the next
// one before ending the batch.
func (d *debounce) event(now time.Time) time.Duration {
	if !d.open {
		d.start, d.open = now, true
	}
	wait := d.quiet
	if left := d.start.Add(d.max).Sub(now); left < wait {
		wait = max(left, 0)
	}
	return wait
}

// end closes the open batch.
func (d *debounce) end() { d.open = false }
