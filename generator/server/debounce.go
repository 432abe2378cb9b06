package server

import "time"

// Default batching of file events: a batch ends when no event has come for
// defaultQuiet, or defaultMaxWait after its first event, whichever is
// sooner.
//
// The quiet period is there for editors' saves, and only they need it
// (TestWatchEditorSavesAreOneBatch measures them). A save is a handful of
// events within a millisecond (truncate, write; or vim's rename away,
// create, write), except when an editor writes a temp file, syncs it to
// disk and only then renames it over the original: the sync is a silence
// in the middle of the save. If the batch ends there, the temp file is
// reported as a new file of the site and the save costs two rebuilds and
// a full reload of the pages. On the 2-core CI machine a small file's sync
// takes about 1 ms, 3-10 ms at the 95th percentile under load, and the
// watcher sees events up to a few ms late under -race: 10 ms keeps nearly
// every such save whole, while 4 ms already splits saves whose sync took
// 1 ms. Every millisecond here is a millisecond of
// each save's time to the screen (BenchmarkSaveToScreen), which is why it
// is not longer: a sync slower than this (a spinning disk) costs the
// extra rebuild, not a wrong page.
//
// A git checkout writes hundreds of files back to back, each within the
// quiet period of the one before, so it is one batch; defaultMaxWait makes
// sure a never-ending stream (a log file under content/, a slow copy) still
// rebuilds now and then.
const (
	defaultQuiet   = 10 * time.Millisecond
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
