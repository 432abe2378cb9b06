package loadtest

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"
)

// Report is what a soak measured and what it found wrong.
type Report struct {
	// Config is the soak's, with its defaults filled in.
	Config Config
	// Paths is how many URLs wrk requested in turn.
	Paths int
	// Load is wrk's figures; WrkOutput its whole output.
	Load      WrkResult
	WrkOutput string
	// Edits is how many times an article was rewritten; Rebuilds how many
	// rebuild lines the server printed; Reloads the server's generation at
	// the end, which counts the reload events it sent (several edits in
	// one burst make one rebuild).
	Edits, Rebuilds, Reloads int
	// Delivered is the reload events the streams received; Expected those
	// they should have, each from its hello's generation to Reloads.
	Delivered, Expected int
	// StreamsFailed is how many streams failed or missed a reload.
	StreamsFailed int
	// Before is taken with the server idle, after collecting garbage;
	// Peak is the most seen while streams were open and wrk ran (its heap
	// garbage included); After is taken once the clients left, after
	// collecting garbage.
	Before, Peak, After Sample
	// LoadBefore and LoadAfter are the machine's load average over the
	// last minute before the soak and at its end ("" where unknown).
	LoadBefore, LoadAfter string
	// Problems are the checks that failed, each said in a sentence; none
	// means the soak passed.
	Problems []string
}

// OK reports whether every check passed.
func (r *Report) OK() bool { return len(r.Problems) == 0 }

func (r *Report) problem(format string, args ...any) {
	r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
}

// checkLeaks compares After with Before, with the package's margins.
func (r *Report) checkLeaks() {
	if r.After.Goroutines > r.Before.Goroutines+goroutineMargin {
		r.problem("%d goroutines after the clients left, %d before: more than %d remain (a leak)",
			r.After.Goroutines, r.Before.Goroutines, goroutineMargin)
	}
	if limit := uint64(float64(r.Before.Heap)*heapFactor) + heapMargin; r.After.Heap > limit {
		r.problem("heap %s after the clients left, %s before: over %s (%.1f times, plus %s)",
			mib(r.After.Heap), mib(r.Before.Heap), mib(limit), heapFactor, mib(heapMargin))
	}
}

// Print writes the report as a table, then its problems.
func (r *Report) Print(w io.Writer) {
	c := r.Config
	fmt.Fprintf(w, "dev server soak: wrk -t%d -c%d for %s over %d URLs, %d event streams, an edit every %s\n\n",
		c.Threads, c.Connections, c.Duration, r.Paths, c.Clients, c.EditEvery)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	l := r.Load
	rows := [][2]string{
		{"requests/s", fmt.Sprintf("%.0f", l.RPS())},
		{"latency p50 / p99", fmt.Sprintf("%s / %s (p90 %s, max %s)", ms(l.P50), ms(l.P99), ms(l.P90), ms(l.Max))},
		{"requests, errors", fmt.Sprintf("%d, %d (socket %d, not 2xx %d)", l.Requests, l.Errors(), l.Errors()-l.Non2xx, l.Non2xx)},
		{"edits, rebuilds, reloads sent", fmt.Sprintf("%d, %d, %d", r.Edits, r.Rebuilds, r.Reloads)},
		{"reloads delivered / expected", fmt.Sprintf("%d / %d", r.Delivered, r.Expected)},
		{"event streams failed", fmt.Sprintf("%d of %d", r.StreamsFailed, c.Clients)},
		{"goroutines before / peak / after", fmt.Sprintf("%d / %d / %d", r.Before.Goroutines, r.Peak.Goroutines, r.After.Goroutines)},
		{"heap before / after", fmt.Sprintf("%s / %s (peak %s, garbage included)", mib(r.Before.Heap), mib(r.After.Heap), mib(r.Peak.Heap))},
	}
	if r.LoadBefore != "" {
		rows = append(rows, [2]string{"machine load before / at the end", fmt.Sprintf("%s / %s (1-minute average, %d cores)", r.LoadBefore, r.LoadAfter, runtime.NumCPU())})
	}
	result := "ok"
	if !r.OK() {
		result = fmt.Sprintf("FAILED: %d problems", len(r.Problems))
	}
	rows = append(rows, [2]string{"result", result})
	for _, row := range rows {
		fmt.Fprintf(tw, "%s\t%s\n", row[0], row[1])
	}
	tw.Flush()
	for _, p := range r.Problems {
		fmt.Fprintf(w, "\n- %s", strings.ReplaceAll(p, "\n", "\n  "))
	}
	if len(r.Problems) > 0 {
		fmt.Fprintln(w)
	}
}

// ms formats d in milliseconds, as wrk's own report does.
func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }

// mib formats n bytes in MiB.
func mib(n uint64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
