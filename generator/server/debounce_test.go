package server

import (
	"testing"
	"time"
)

// TestDebounce checks the batching rule with made-up times: each event
// restarts the quiet period, but a batch never lasts beyond MaxWait.
func TestDebounce(t *testing.T) {
	d := debounce{quiet: 10 * time.Millisecond, max: 250 * time.Millisecond}
	t0 := time.Unix(0, 0)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	if w := d.event(at(0)); w != 10*time.Millisecond {
		t.Errorf("first event: wait %v, want 10ms", w)
	}
	if w := d.event(at(5)); w != 10*time.Millisecond {
		t.Errorf("event within the quiet period: wait %v, want 10ms again", w)
	}
	if w := d.event(at(245)); w != 5*time.Millisecond {
		t.Errorf("event near MaxWait: wait %v, want the 5ms left", w)
	}
	if w := d.event(at(300)); w != 0 {
		t.Errorf("event past MaxWait: wait %v, want 0", w)
	}
	d.end()
	if w := d.event(at(400)); w != 10*time.Millisecond {
		t.Errorf("first event of a new batch: wait %v, want 10ms", w)
	}
}
