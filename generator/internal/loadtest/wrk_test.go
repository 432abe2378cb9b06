package loadtest

import (
	"context"
	"maps"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const figures = "loadtest-figures: requests=58663 duration_us=5014116 bytes=470909726 connect=1 read=2 write=3 timeout=4 status=5 non2xx=6 p50_us=2802 p90_us=14029 p99_us=27178 max_us=57687"

func TestParseWrk(t *testing.T) {
	for _, tc := range []struct {
		name, out string
		want      WrkResult
		err       string
	}{
		{
			name: "figures", out: "Running 5s test @ http://127.0.0.1:1/\n  58663 requests in 5.01s\n" + figures + "\n",
			want: WrkResult{
				Requests: 58663, Duration: 5014116 * time.Microsecond, Bytes: 470909726,
				Connect: 1, Read: 2, Write: 3, Timeout: 4, Status: 5, Non2xx: 6,
				P50: 2802 * time.Microsecond, P90: 14029 * time.Microsecond, P99: 27178 * time.Microsecond, Max: 57687 * time.Microsecond,
			},
		},
		{name: "no figures", out: "Running 5s test\n", err: "wrk printed no figures (did its script run?)"},
		{name: "a figure missing", out: strings.Replace(figures, " max_us=57687", "", 1), err: "wrk's figures: 12 of 13 in"},
		{name: "a figure twice", out: strings.Replace(figures, " max_us=57687", " p50_us=1", 1), err: "wrk's figures: 12 of 13 in"},
		{name: "an unknown figure", out: figures + " rps=3", err: `wrk's figures: unexpected "rps=3"`},
		{name: "not a number", out: strings.Replace(figures, "read=2", "read=nan?", 1), err: "wrk's figures: read: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseWrk(tc.out)
			if tc.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.err) {
					t.Fatalf("err %v, want %s...", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if got.Errors() != 16 {
				t.Errorf("Errors() = %d, want 16 (socket errors and not 2xx; status is among the latter)", got.Errors())
			}
		})
	}
}

// TestWrkScript runs wrk with the script against a server with a page, a
// redirect and a missing file: the script must request every path and
// count both of the last two as not 2xx.
func TestWrkScript(t *testing.T) {
	bin, err := exec.LookPath("wrk")
	if err != nil {
		t.Skip("no wrk (apt-get install wrk)")
	}
	var counts pathCounter
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		counts.add(r.URL.Path)
		switch r.URL.Path {
		case "/ok":
			w.Write([]byte("ok"))
		case "/moved":
			http.Redirect(w, r, "/ok", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	cfg := wrkConfig{Bin: bin, Threads: 1, Connections: 2, Duration: time.Second}
	r, out, err := runWrk(context.Background(), cfg, srv.URL, []string{"/ok", "/moved", "/missing"}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	seen := counts.get()
	if seen["/ok"] == 0 || seen["/moved"] == 0 || seen["/missing"] == 0 || len(seen) != 3 {
		t.Errorf("requests by path %v, want each of the three", seen)
	}
	if r.Requests == 0 || r.Non2xx < r.Requests/2 || r.Status == 0 || r.Status >= r.Non2xx {
		t.Errorf("%+v: want about two thirds of the requests not 2xx, half of those 4xx\n%s", r, out)
	}
}

// pathCounter counts requests by path, for the server's goroutines.
type pathCounter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *pathCounter) add(p string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == nil {
		c.n = map[string]int{}
	}
	c.n[p]++
}

func (c *pathCounter) get() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.n)
}
