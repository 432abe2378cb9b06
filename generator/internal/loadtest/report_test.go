package loadtest

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestCheckLeaks(t *testing.T) {
	const mb = 1 << 20
	for _, tc := range []struct {
		name          string
		before, after Sample
		want          []string
	}{
		{name: "back to the baseline", before: Sample{Goroutines: 7, Heap: 3 * mb}, after: Sample{Goroutines: 7, Heap: 3 * mb}},
		{name: "within the margins", before: Sample{Goroutines: 7, Heap: 4 * mb}, after: Sample{Goroutines: 17, Heap: 22 * mb}},
		{
			name: "a goroutine per stream", before: Sample{Goroutines: 7, Heap: 3 * mb}, after: Sample{Goroutines: 207, Heap: 3 * mb},
			want: []string{"207 goroutines after the clients left, 7 before: more than 10 remain (a leak)"},
		},
		{
			name: "buffers kept", before: Sample{Goroutines: 7, Heap: 4 * mb}, after: Sample{Goroutines: 7, Heap: 23 * mb},
			want: []string{"heap 23.0 MiB after the clients left, 4.0 MiB before: over 22.0 MiB (1.5 times, plus 16.0 MiB)"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &Report{Before: tc.before, After: tc.after}
			r.checkLeaks()
			if diff := cmp.Diff(tc.want, r.Problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReportPrint(t *testing.T) {
	r := &Report{
		Config: Config{Threads: 2, Connections: 32, Duration: 30 * time.Second, Clients: 200, EditEvery: 300 * time.Millisecond},
		Paths:  25,
		Load: WrkResult{Requests: 300000, Duration: 30 * time.Second, Read: 1, Non2xx: 2,
			P50: 2500 * time.Microsecond, P90: 9 * time.Millisecond, P99: 20 * time.Millisecond, Max: 60 * time.Millisecond},
		Edits: 100, Rebuilds: 99, Reloads: 99, Delivered: 19799, Expected: 19800, StreamsFailed: 1,
		Before: Sample{Goroutines: 7, Heap: 3 << 20}, Peak: Sample{Goroutines: 1056, Heap: 30 << 20}, After: Sample{Goroutines: 8, Heap: 4 << 20},
		Problems: []string{"event stream 3: 98 reloads after hello 0, want 99\nsecond line"},
	}
	var b strings.Builder
	r.Print(&b)
	want := `dev server soak: wrk -t2 -c32 for 30s over 25 URLs, 200 event streams, an edit every 300ms

requests/s                        10000
latency p50 / p99                 2.50 ms / 20.00 ms (p90 9.00 ms, max 60.00 ms)
requests, errors                  300000, 3 (socket 1, not 2xx 2)
edits, rebuilds, reloads sent     100, 99, 99
reloads delivered / expected      19799 / 19800
event streams failed              1 of 200
goroutines before / peak / after  7 / 1056 / 8
heap before / after               3.0 MiB / 4.0 MiB (peak 30.0 MiB, garbage included)
result                            FAILED: 1 problems

- event stream 3: 98 reloads after hello 0, want 99
  second line
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
