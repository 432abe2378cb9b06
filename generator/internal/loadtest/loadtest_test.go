package loadtest

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRunShort is the soak in small: 2 s of wrk, 20 streams, an edit every
// 150 ms, on the example site. It checks that the driver runs from end to
// end and finds nothing wrong; `make loadtest` is the real soak.
func TestRunShort(t *testing.T) {
	if testing.Short() {
		t.Skip("a short soak of the dev server: not with -short")
	}
	if _, err := exec.LookPath("wrk"); err != nil {
		t.Skip("no wrk (apt-get install wrk)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var log strings.Builder
	r, err := Run(ctx, Config{
		Root:     filepath.Join("..", "..", ".."),
		Duration: 2 * time.Second, Clients: 20, Connections: 4, Threads: 1,
		EditEvery: 150 * time.Millisecond, Log: &log,
	})
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	var b strings.Builder
	r.Print(&b)
	t.Logf("\n%s", b.String())
	if !r.OK() {
		t.Errorf("the soak failed:\n%s\nwrk:\n%s", log.String(), r.WrkOutput)
	}
	if r.Load.Requests == 0 || r.Edits == 0 || r.Reloads == 0 || r.Delivered != r.Expected || r.Expected < 20 {
		t.Errorf("%d requests, %d edits, %d reloads, %d of %d delivered: the soak did not do its work",
			r.Load.Requests, r.Edits, r.Reloads, r.Delivered, r.Expected)
	}
}

// TestRunNeedsWrk checks that a missing wrk says how to install it.
func TestRunNeedsWrk(t *testing.T) {
	_, err := Run(context.Background(), Config{Wrk: filepath.Join(t.TempDir(), "wrk")})
	if err == nil || !strings.Contains(err.Error(), "apt-get install wrk") {
		t.Errorf("Run without wrk: %v, want it to say apt-get install wrk", err)
	}
}
