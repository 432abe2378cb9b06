package loadtest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Config is what a soak does. A zero field takes its default.
type Config struct {
	// Root is the repository, with the example site: site.yaml, content/
	// and templates/ ("." by default).
	Root string
	// Duration is how long wrk runs (30 s).
	Duration time.Duration
	// Clients is how many event streams are open meanwhile (200).
	Clients int
	// Connections and Threads are wrk's -c and -t (32 and 2).
	Connections, Threads int
	// EditEvery is the time between two edits of an article (300 ms).
	EditEvery time.Duration
	// Wrk is the wrk program, looked up in PATH ("wrk").
	Wrk string
	// Log, when not nil, gets a line as each step begins.
	Log io.Writer
}

func (c Config) withDefaults() Config {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.Clients, 200)
	def(&c.Connections, 32)
	def(&c.Threads, 2)
	if c.Root == "" {
		c.Root = "."
	}
	if c.Duration <= 0 {
		c.Duration = 30 * time.Second
	}
	if c.EditEvery <= 0 {
		c.EditEvery = 300 * time.Millisecond
	}
	if c.Wrk == "" {
		c.Wrk = "wrk"
	}
	if c.Log == nil {
		c.Log = io.Discard
	}
	return c
}

// scriptPath is the live-reload script the dev server serves (package
// server): wrk requests it with the site's files.
const scriptPath = "/__scholia/livereload.js"

// Margins of the leak checks (see the package documentation).
const (
	goroutineMargin = 10
	heapFactor      = 1.5
	heapMargin      = 16 << 20
)

// Run soaks the dev server as cfg says and reports what it measured; the
// soak passed when the report's Problems is empty. An error means the soak
// could not run (no wrk, no example site, a server that did not start).
func Run(ctx context.Context, cfg Config) (*Report, error) {
	cfg = cfg.withDefaults()
	bin, err := exec.LookPath(cfg.Wrk)
	if err != nil {
		return nil, fmt.Errorf("the load test needs wrk (apt-get install wrk): %w", err)
	}
	cfg.Wrk = bin
	tmp, err := os.MkdirTemp("", "scholia-loadtest-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "site")
	fmt.Fprintf(cfg.Log, "copying the example site from %s to %s\n", cfg.Root, dir)
	if err := copySite(cfg.Root, dir); err != nil {
		return nil, err
	}
	paths, err := sitePaths(dir, filepath.Join(tmp, "out"))
	if err != nil {
		return nil, err
	}
	arts, err := articles(dir)
	if err != nil {
		return nil, err
	}
	for _, a := range arts {
		if !slices.Contains(paths, pageOf(a)) {
			return nil, fmt.Errorf("%s: no page at %s to check its edits on", a, pageOf(a))
		}
	}
	ed, err := newEditor(dir, arts)
	if err != nil {
		return nil, err
	}
	paths = append(paths, scriptPath)

	r := &Report{Config: cfg, Paths: len(paths), LoadBefore: loadAverage()}
	srv, err := startServer(ctx, dir)
	if err != nil {
		return nil, err
	}
	defer srv.stop()
	fmt.Fprintf(cfg.Log, "serving %s/; requesting its %d files once\n", srv.base, len(paths))
	tr := &http.Transport{MaxIdleConnsPerHost: 4}
	client := &http.Client{Transport: tr}
	defer tr.CloseIdleConnections()
	for _, p := range paths {
		if code, _, err := get(ctx, client, srv.base+p); err != nil || code != http.StatusOK {
			return nil, fmt.Errorf("GET %s: %d %v", p, code, err)
		}
	}
	tr.CloseIdleConnections()
	r.Before = settle(-1, 5*time.Second)

	fmt.Fprintf(cfg.Log, "opening %d event streams\n", cfg.Clients)
	sctx, closeStreams := context.WithCancel(ctx)
	defer closeStreams()
	ss, err := openStreams(sctx, client, srv.base, cfg.Clients, 30*time.Second)
	if err != nil {
		return nil, err
	}
	peaks := startPeaks(250 * time.Millisecond)
	defer peaks.end()

	fmt.Fprintf(cfg.Log, "running wrk -t%d -c%d for %s while editing %s every %s\n",
		cfg.Threads, cfg.Connections, cfg.Duration, strings.Join(arts, ", "), cfg.EditEvery)
	ectx, stopEdits := context.WithCancel(ctx)
	edited := make(chan error, 1)
	go func() {
		_, err := ed.run(ectx, cfg.EditEvery)
		edited <- err
	}()
	wcfg := wrkConfig{Bin: cfg.Wrk, Threads: cfg.Threads, Connections: cfg.Connections, Duration: cfg.Duration}
	r.Load, r.WrkOutput, err = runWrk(ctx, wcfg, srv.base, paths, tmp)
	r.LoadAfter = loadAverage()
	stopEdits()
	if eerr := <-edited; eerr != nil {
		r.problem("%v", eerr)
	}
	r.Edits = ed.n
	if err != nil {
		r.problem("%v", err)
	} else if n := r.Load.Errors(); n > 0 {
		r.problem("wrk: %d errors: connect %d, read %d, write %d, timeout %d, not 2xx %d",
			n, r.Load.Connect, r.Load.Read, r.Load.Write, r.Load.Timeout, r.Load.Non2xx)
	}

	fmt.Fprintf(cfg.Log, "waiting for the last edit's reload\n")
	final, err := lastGeneration(ctx, client, srv.base, ed)
	if err != nil {
		r.problem("%v", err)
	}
	r.Reloads = final
	ss.wait(final, 10*time.Second)
	r.Peak = peaks.end()
	closeStreams()
	for i, s := range ss {
		got, want, problems := s.check(final)
		r.Delivered += got
		r.Expected += want
		if len(problems) > 0 {
			r.StreamsFailed++
			if r.StreamsFailed <= 5 {
				r.problem("event stream %d: %s", i+1, strings.Join(problems, "; "))
			}
		}
	}
	if r.StreamsFailed > 5 {
		r.problem("... and %d more event streams with problems", r.StreamsFailed-5)
	}

	fmt.Fprintf(cfg.Log, "closing the streams; waiting for their goroutines to end\n")
	tr.CloseIdleConnections()
	r.After = settle(r.Before.Goroutines+goroutineMargin, 10*time.Second)
	r.checkLeaks()
	if err := srv.stop(); err != nil {
		r.problem("the dev server: %v", err)
	}
	r.Rebuilds = srv.stdout.count(" → ")
	if e := srv.stderr.String(); e != "" {
		r.problem("the dev server wrote to its standard error:\n%s", e)
	}
	return r, nil
}

// lastGeneration waits (up to 10 s) until the page of the last edit shows
// it and the server's generation has stayed the same for 200 ms (the page
// is served before its reload is sent), and returns that generation.
func lastGeneration(ctx context.Context, client *http.Client, base string, ed *editor) (int, error) {
	deadline := time.Now().Add(10 * time.Second)
	if ed.n > 0 {
		page := pageOf(ed.articles[(ed.n-1)%len(ed.articles)])
		for {
			_, body, err := get(ctx, client, base+page)
			if err == nil && strings.Contains(body, marker(ed.n)) {
				break
			}
			if time.Now().After(deadline) {
				return 0, fmt.Errorf("%s does not show edit %d after 10s (%v)", page, ed.n, err)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	last := -1
	for {
		g, err := generation(ctx, client, base)
		if err != nil || g == last {
			return g, err
		}
		if time.Now().After(deadline) {
			return g, fmt.Errorf("the server's generation was still moving after 10s (%d)", g)
		}
		last = g
		time.Sleep(200 * time.Millisecond)
	}
}

// get fetches url and returns its status and body.
func get(ctx context.Context, client *http.Client, url string) (int, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, "", err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), err
}
