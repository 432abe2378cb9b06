package server

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/site"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServer runs a devServer on a free port over the site folder dir,
// serving s; it stops when the test ends.
func startServer(t testing.TB, dir string, s Site, initial error) (*devServer, *syncBuffer, *syncBuffer) {
	t.Helper()
	var stdout, stderr syncBuffer
	srv, err := newServer(Options{
		Root: dir, Addr: "127.0.0.1:0",
		Open:   func(string) (Site, error) { return s, initial },
		Stdout: &stdout, Stderr: &stderr,
	})
	if err != nil {
		t.Fatal(err)
	}
	start(t, srv)
	eventually(t, "the server to say where it is", func() bool { return strings.Contains(stdout.String(), "serving ") })
	return srv, &stdout, &stderr
}

// TestServerRebuilds runs the whole loop on a fake site: a saved file is
// passed to Update, the pages hear about it, the terminal says it once.
func TestServerRebuilds(t *testing.T) {
	dir := newSite(t)
	fake := &fakeSite{
		files:   map[string]string{"index.html": "<body>home</body>"},
		sources: map[string]string{"content/a.annotations.yaml": "claims:\n  - id: x\n    quote: nope\n"},
	}
	var mu sync.Mutex
	var result *site.Update
	var fail error
	fake.next = func([]string) (*site.Update, error) {
		mu.Lock()
		defer mu.Unlock()
		return result, fail
	}
	set := func(up *site.Update, err error) {
		mu.Lock()
		defer mu.Unlock()
		result, fail = up, err
	}
	srv, stdout, stderr := startServer(t, dir, fake, nil)
	if !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") || !strings.Contains(stdout.String(), "serving "+srv.URL()+" (Ctrl-C to stop)") {
		t.Fatalf("stdout:\n%s", stdout)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events := sseClient(t, ctx, srv.URL()+strings.TrimPrefix(eventsPath, "/"))
	nextEvent(t, events) // hello

	// A content change: the pages that changed reload.
	set(&site.Update{Changed: []string{"articles/a/index.html", "feed.xml", "index.html"}}, nil)
	write(t, dir, "content/a.md", "edited")
	ev := nextEvent(t, events)
	if ev.Name != "reload" || ev.Data != `{"all":false,"files":["articles/a/index.html","index.html"],"gen":1,"hard":false}` {
		t.Errorf("after an edit: %s %s", ev.Name, ev.Data)
	}
	if got := fake.Updates(); !slices.Equal(got[len(got)-1], []string{"content/a.md"}) {
		t.Errorf("Update got %q", got)
	}
	eventually(t, "the rebuild line", func() bool { return strings.Contains(stdout.String(), "content/a.md → 2 pages in ") })

	// A stylesheet: swapped, not reloaded.
	set(&site.Update{Changed: []string{"assets/style.css"}, CSSOnly: true}, nil)
	write(t, dir, "templates/assets/style.css", "body{color:red}")
	if ev := nextEvent(t, events); ev.Name != "css" || !strings.Contains(ev.Data, `"files":["assets/style.css"]`) {
		t.Errorf("after a CSS edit: %s %s", ev.Name, ev.Data)
	}

	// Broken twice with the same error: the overlay gets it both times,
	// the terminal prints it once.
	broken := diag.List{{Path: "content/a.annotations.yaml", Line: 3, Col: 12, Msg: `claim "x": quote not found`}}
	set(nil, broken)
	for i := range 2 {
		write(t, dir, "content/a.annotations.yaml", strings.Repeat("x", i+1))
		ev := nextEvent(t, events)
		if ev.Name != "errors" || !containsAll(ev.Data, `"pos":"content/a.annotations.yaml:3:12"`, `quote not found`, `"mark":"n"`) {
			t.Errorf("after a bad edit: %s %s", ev.Name, ev.Data)
		}
		eventually(t, "the failure line", func() bool { return strings.Count(stdout.String(), "content/a.annotations.yaml → ") == i+1 })
	}
	if n := strings.Count(stderr.String(), "content/a.annotations.yaml:3:12: claim"); n != 1 {
		t.Errorf("the error is printed %d times, want once:\n%s", n, stderr)
	}
	if !strings.Contains(stdout.String(), "still 1 error (unchanged)") || !strings.Contains(stderr.String(), "waiting for a fix") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", stdout, stderr)
	}

	// Fixed: the overlay goes, then the page reloads.
	set(&site.Update{Changed: []string{"articles/a/index.html"}}, nil)
	write(t, dir, "content/a.annotations.yaml", "fixed")
	if ev := nextEvent(t, events); ev.Name != "ok" {
		t.Errorf("after the fix: %s, want ok", ev.Name)
	}
	if ev := nextEvent(t, events); ev.Name != "reload" {
		t.Errorf("after ok: %s, want reload", ev.Name)
	}
	eventually(t, "the fixed line", func() bool { return strings.Contains(stdout.String(), "→ fixed; 1 page in ") })

	// A full rebuild concerns every page, which morphs; a changed image
	// (which a morph would not fetch again) reloads every page; a full
	// rebuild that changed a stylesheet swaps it too.
	for _, tc := range []struct {
		up   *site.Update
		want []string
	}{
		{&site.Update{Full: true, Changed: []string{"index.html"}}, []string{`reload {"all":true,"files":[],"gen":4,"hard":false}`}},
		{&site.Update{Changed: []string{"articles/a/photo.jpg", "index.html"}}, []string{`reload {"all":true,"files":[],"gen":5,"hard":true}`}},
		{&site.Update{Full: true, Changed: []string{"assets/style.css", "index.html"}}, []string{
			`css {"files":["assets/style.css"],"gen":6}`, `reload {"all":true,"files":[],"gen":7,"hard":false}`}},
	} {
		set(tc.up, nil)
		write(t, dir, "site.yaml", "title: again\n")
		for _, want := range tc.want {
			if ev := nextEvent(t, events); ev.Name+" "+ev.Data != want {
				t.Errorf("after %+v: %s %s, want %s", tc.up, ev.Name, ev.Data, want)
			}
		}
	}
}

// TestServerStartsBroken checks that a site with errors from the start is
// served, with the errors on its pages and printed once.
func TestServerStartsBroken(t *testing.T) {
	dir := newSite(t)
	fake := &fakeSite{files: map[string]string{"index.html": "<body>home</body>"}}
	broken := diag.List{{Path: "site.yaml", Line: 1, Col: 1, Msg: "bad"}}
	srv, stdout, stderr := startServer(t, dir, fake, broken)
	if !strings.Contains(stdout.String(), "with 1 error") || strings.Count(stderr.String(), "site.yaml:1:1: bad") != 1 {
		t.Errorf("stdout:\n%s\nstderr:\n%s", stdout, stderr)
	}
	events := sseClient(t, context.Background(), srv.URL()+strings.TrimPrefix(eventsPath, "/"))
	nextEvent(t, events)
	if ev := nextEvent(t, events); ev.Name != "errors" {
		t.Errorf("a new page got %s, want the errors", ev.Name)
	}
	resp, err := http.Get(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "home") {
		t.Errorf("home page: %s", body)
	}
}

// TestServerSurvivesPanics checks that a panicking rebuild is an error on
// the pages, not a dead server.
func TestServerSurvivesPanics(t *testing.T) {
	dir := newSite(t)
	fake := &fakeSite{files: map[string]string{}}
	fake.next = func([]string) (*site.Update, error) { panic("boom") }
	srv, stdout, _ := startServer(t, dir, fake, nil)
	events := sseClient(t, context.Background(), srv.URL()+strings.TrimPrefix(eventsPath, "/"))
	nextEvent(t, events)
	write(t, dir, "content/a.md", "x")
	if ev := nextEvent(t, events); ev.Name != "errors" || !strings.Contains(ev.Data, "boom") {
		t.Errorf("got %s %s", ev.Name, ev.Data)
	}
	eventually(t, "the failure line", func() bool { return strings.Contains(stdout.String(), "1 error") })
}

func TestNewFails(t *testing.T) {
	_, err := newServer(Options{Root: t.TempDir(), Addr: "127.0.0.1:0", Open: func(string) (Site, error) { return nil, errors.New("no theme") }})
	if err == nil || err.Error() != "no theme" {
		t.Errorf("err %v", err)
	}
}

// TestServerChecksHost checks that the server started on a loopback
// address refuses requests naming another host (DNS rebinding).
func TestServerChecksHost(t *testing.T) {
	fake := &fakeSite{files: map[string]string{"index.html": "<body>home</body>"}}
	srv, _, _ := startServer(t, newSite(t), fake, nil)
	_, port, _ := net.SplitHostPort(srv.ln.Addr().String())
	for host, want := range map[string]int{
		"127.0.0.1:" + port: 200, "localhost:" + port: 200, "evil.example:" + port: 403,
	} {
		req, _ := http.NewRequest("GET", srv.URL(), nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: status %d, want %d", host, resp.StatusCode, want)
		}
	}
}

// runServer runs srv until the returned cancel, sending Run's result on
// the channel.
func runServer(t *testing.T, srv *devServer) (context.CancelFunc, <-chan error) {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	return cancel, done
}

// TestRunFailsWhenWatchingStops checks that Run does not serve on, without
// live reload, when the operating system stops sending file events.
func TestRunFailsWhenWatchingStops(t *testing.T) {
	fake := &fakeSite{files: map[string]string{}}
	srv, err := newServer(Options{Root: newSite(t), Addr: "127.0.0.1:0", Open: func(string) (Site, error) { return fake, nil }})
	if err != nil {
		t.Fatal(err)
	}
	_, done := runServer(t, srv)
	srv.watcher.fsw.Close() // the event stream ends, as if the kernel closed it
	if err := wait(t, "Run to return", done); err == nil || !strings.Contains(err.Error(), "watching stopped: ") {
		t.Errorf("Run: %v, want watching stopped", err)
	}
}

// TestRunStopsDespiteSlowRequest stops the server (Ctrl-C) while a request
// is still being answered: that is a normal stop, not an error.
func TestRunStopsDespiteSlowRequest(t *testing.T) {
	fake := &fakeSite{files: map[string]string{"index.html": "<body>home</body>"}}
	stall := newStallSite(fake)
	srv, err := newServer(Options{Root: newSite(t), Addr: "127.0.0.1:0", Open: func(string) (Site, error) { return stall, nil }})
	if err != nil {
		t.Fatal(err)
	}
	srv.shutdownWait = 50 * time.Millisecond
	defer close(stall.proceed)
	cancel, done := runServer(t, srv)
	go func() {
		if resp, err := http.Get(srv.URL()); err == nil {
			resp.Body.Close()
		}
	}()
	wait(t, "the request to reach the site", stall.reading)
	cancel()
	if err := wait(t, "Run to return", done); err != nil {
		t.Errorf("Run after Ctrl-C with a request in flight: %v, want nil", err)
	}
}

// TestOpenGetsOwnAddress checks that the site is built for the address the
// server listens on, so that its feed and JSON-LD name the server.
func TestOpenGetsOwnAddress(t *testing.T) {
	var got string
	fake := &fakeSite{files: map[string]string{}}
	srv, err := newServer(Options{Root: newSite(t), Addr: "127.0.0.1:0", Open: func(url string) (Site, error) { got = url; return fake, nil }})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.ln.Close()
	defer srv.watcher.Close()
	if got == "" || got != srv.URL() || !strings.HasPrefix(got, "http://127.0.0.1:") {
		t.Errorf("Open got %q, want the server's own address %q", got, srv.URL())
	}
}
