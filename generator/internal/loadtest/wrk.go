package loadtest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// wrkScript is the Lua script wrk runs: it requests paths in turn (each
// of wrk's threads from the first), counts the responses that are not 2xx
// (wrk's own status count leaves out 1xx and 3xx), and prints one line of
// figures, which parseWrk reads, when wrk is done.
const wrkScript = `-- Written by package loadtest (generator/internal/loadtest).
local paths = {%s}
local threads = {}
local i = 0
non2xx = 0

function setup(thread)
  table.insert(threads, thread)
end

function request()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do
    n = n + t:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format("%s requests=%%.0f duration_us=%%.0f bytes=%%.0f connect=%%.0f read=%%.0f write=%%.0f timeout=%%.0f status=%%.0f non2xx=%%.0f p50_us=%%.0f p90_us=%%.0f p99_us=%%.0f max_us=%%.0f\n",
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.timeout, e.status, n,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
`

// wrkPrefix starts the script's line of figures.
const wrkPrefix = "loadtest-figures:"

// WrkResult is what wrk measured.
type WrkResult struct {
	// Requests and Bytes are the responses read and their size, in
	// Duration, as wrk timed it.
	Requests, Bytes int64
	Duration        time.Duration
	// Socket errors, as wrk counts them, and the responses that were not
	// 2xx (Status is those of them that were 4xx or 5xx).
	Connect, Read, Write, Timeout, Status, Non2xx int64
	// P50, P90 and P99 are latency percentiles; Max the slowest request.
	P50, P90, P99, Max time.Duration
}

// RPS is the requests per second.
func (r WrkResult) RPS() float64 {
	if r.Duration <= 0 {
		return 0
	}
	return float64(r.Requests) / r.Duration.Seconds()
}

// Errors counts the socket errors and the responses that were not 2xx.
func (r WrkResult) Errors() int64 {
	return r.Connect + r.Read + r.Write + r.Timeout + r.Non2xx
}

// wrkConfig is how wrk is run.
type wrkConfig struct {
	Bin                  string
	Threads, Connections int
	Duration             time.Duration
}

// runWrk runs wrk against base (http://HOST:PORT) over paths, writing its
// script into dir, and returns its figures and its whole output.
func runWrk(ctx context.Context, cfg wrkConfig, base string, paths []string, dir string) (WrkResult, string, error) {
	quoted := make([]string, len(paths))
	for i, p := range paths {
		quoted[i] = strconv.Quote(p) // URL paths are ASCII: Go's quoting is Lua's
	}
	script := filepath.Join(dir, "loadtest.lua")
	if err := os.WriteFile(script, fmt.Appendf(nil, wrkScript, strings.Join(quoted, ", "), wrkPrefix), 0o644); err != nil {
		return WrkResult{}, "", err
	}
	secs := max(1, int(math.Round(cfg.Duration.Seconds())))
	cmd := exec.CommandContext(ctx, cfg.Bin,
		"-t", strconv.Itoa(cfg.Threads), "-c", strconv.Itoa(cfg.Connections),
		"-d", fmt.Sprintf("%ds", secs), "--timeout", "5s", "-s", script, base+"/")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return WrkResult{}, string(out), fmt.Errorf("%s: %w\n%s", strings.Join(cmd.Args, " "), err, out)
	}
	r, err := parseWrk(string(out))
	return r, string(out), err
}

// wrkFigures are the names in the script's line of figures.
var wrkFigures = strings.Fields("requests duration_us bytes connect read write timeout status non2xx p50_us p90_us p99_us max_us")

// parseWrk reads the figures line of wrk's output.
func parseWrk(out string) (WrkResult, error) {
	for line := range strings.Lines(out) {
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), wrkPrefix)
		if !ok {
			continue
		}
		v := map[string]float64{}
		for _, f := range strings.Fields(rest) {
			k, val, ok := strings.Cut(f, "=")
			if !ok || !slices.Contains(wrkFigures, k) {
				return WrkResult{}, fmt.Errorf("wrk's figures: unexpected %q in %q", f, line)
			}
			n, err := strconv.ParseFloat(val, 64)
			if err != nil {
				return WrkResult{}, fmt.Errorf("wrk's figures: %s: %w", k, err)
			}
			v[k] = n
		}
		if len(v) != len(wrkFigures) {
			return WrkResult{}, fmt.Errorf("wrk's figures: %d of %d in %q", len(v), len(wrkFigures), line)
		}
		n := func(k string) int64 { return int64(v[k]) }
		us := func(k string) time.Duration { return time.Duration(v[k] * float64(time.Microsecond)) }
		return WrkResult{
			Requests: n("requests"), Bytes: n("bytes"), Duration: us("duration_us"),
			Connect: n("connect"), Read: n("read"), Write: n("write"), Timeout: n("timeout"),
			Status: n("status"), Non2xx: n("non2xx"),
			P50: us("p50_us"), P90: us("p90_us"), P99: us("p99_us"), Max: us("max_us"),
		}, nil
	}
	return WrkResult{}, errors.New("wrk printed no figures (did its script run?)")
}
