// Package loadtest soaks Scholia's dev server: `make loadtest` runs it
// through cmd/scholia-loadtest. It is not part of `make test`: it takes
// about a minute, keeps both cores busy, and needs Debian's wrk
// (`apt-get install wrk`), which it says plainly when it is missing.
//
// # What it does
//
// It copies the example site (site.yaml, content/ and templates/ at the
// repository's root) into a temporary folder, so that its edits never
// touch the repository, and starts the dev server on it in this process,
// as `scholia serve` does (server.Run over site.NewLive), on 127.0.0.1
// with a port of the system's choosing. Then:
//
//  1. It requests every output file once (each must answer 200), closes
//     its connections and takes the baseline: goroutines and heap in use,
//     after collecting garbage.
//  2. It opens -clients event streams (/__scholia/events, default 200)
//     and waits for every hello.
//  3. It runs wrk on loopback for -duration (default 30 s) over every
//     output file of the site (pages, stylesheets, feeds) and the
//     live-reload script, in turn, while a goroutine rewrites an article
//     every -edit-every (default 300 ms), each time with a new last
//     sentence, atomically (a temporary file renamed over it, as editors
//     save), and another samples goroutines and heap every 250 ms.
//  4. When wrk is done and the last edit is on the page, it asks a fresh
//     stream for the server's generation and waits for every client to
//     have received each reload up to it.
//  5. It closes the streams and waits (up to 10 s) for the goroutines of
//     the closed connections to end, then samples again after collecting
//     garbage, and stops the server.
//
// # What it checks
//
// The run fails, listing each problem, when: wrk reports a socket error
// (connect, read, write, timeout) or a response that is not 2xx; an event
// stream fails, ends before it is closed, or misses, repeats or reorders a
// reload (each carries the build generation, so a client must see every
// one from its hello's to the last); a rebuild fails or the server writes
// anything to its standard error; the server does not stop cleanly; or,
// after the clients leave, more than 10 goroutines remain above the
// baseline, or the heap exceeds 1.5 times the baseline plus 16 MiB. The
// margins are generous on purpose: a leak of one goroutine or buffer per
// connection shows up as hundreds of goroutines or tens of MiB, while the
// site's own caches and the runtime move by a few.
//
// # What it prints
//
// A table: wrk's requests per second and latency percentiles (p50, p99),
// its request and error counts, the edits and the reloads the server sent,
// the reloads delivered to the streams against those expected, and the
// goroutines and heap before, at the peak during, and after the run, and
// the machine's load average before and at the end of wrk's run (a busy
// machine slows everything, and late responses become wrk timeouts).
// Goroutines are this process's, server and clients together: each open
// stream costs a few on each side, and wrk's connections one or two on the
// server's.
//
// # Limits
//
// Everything goes to 127.0.0.1 only; wrk and the server share the
// machine's cores, so requests per second measure the two together, and
// latencies include wrk's own scheduling. Every loop is bounded in time:
// wrk by -duration, each wait by a timeout, and the whole run by the
// context (Ctrl-C).
package loadtest
