package server

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// startTimed runs a devServer over s, as startServer does, with its idle
// and write timeouts shortened to idle and write.
func startTimed(t *testing.T, s Site, idle, write time.Duration) *devServer {
	t.Helper()
	srv, err := newServer(Options{Root: newSite(t), Addr: "127.0.0.1:0", Open: func(string) (Site, error) { return s, nil }})
	if err != nil {
		t.Fatal(err)
	}
	srv.idleTimeout, srv.writeTimeout = idle, write
	start(t, srv)
	return srv
}

// getOn sends a GET for path on conn, keeping the connection open, and
// reads the whole response.
func getOn(t *testing.T, conn net.Conn, br *bufio.Reader, path string) {
	t.Helper()
	if _, err := io.WriteString(conn, "GET "+path+" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil || resp.StatusCode != http.StatusOK || resp.Close {
		t.Fatalf("GET %s: %s, close %v, %v", path, resp.Status, resp.Close, err)
	}
}

// TestServerClosesIdleConnections checks that a keep-alive connection
// serves several requests, and that the server closes it once it has been
// idle for the idle timeout, rather than holding it (a goroutine, a file
// descriptor, buffers) for as long as the client does.
func TestServerClosesIdleConnections(t *testing.T) {
	const idle = 150 * time.Millisecond
	fake := &fakeSite{files: map[string]string{"index.html": "<body>home</body>"}}
	srv := startTimed(t, fake, idle, defaultWriteTimeout)
	conn, err := net.Dial("tcp", srv.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	br := bufio.NewReader(conn)
	getOn(t, conn, br, "/")
	getOn(t, conn, br, "/") // the same connection, kept alive
	since := time.Now()
	conn.SetReadDeadline(since.Add(5 * time.Second))
	_, err = br.ReadByte()
	var timeout net.Error
	switch {
	case errors.As(err, &timeout) && timeout.Timeout():
		t.Fatalf("the idle connection is still open after 5s, want it closed after %s", idle)
	case !errors.Is(err, io.EOF):
		t.Fatalf("reading the idle connection: %v, want EOF", err)
	}
	if d := time.Since(since); d < idle/2 {
		t.Errorf("the idle connection was closed after %s, want about %s", d, idle)
	}
}

// TestEventStreamOutlivesWriteTimeout checks that the write timeout bounds
// a stalled write, not the event stream: an event sent well after the
// timeout still reaches the page.
func TestEventStreamOutlivesWriteTimeout(t *testing.T) {
	const write = 100 * time.Millisecond
	srv := startTimed(t, &fakeSite{files: map[string]string{}}, defaultIdleTimeout, write)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events := sseClient(t, ctx, srv.URL()+strings.TrimPrefix(eventsPath, "/"))
	nextEvent(t, events) // hello
	for i := range 3 {
		time.Sleep(2 * write)
		srv.reloader.Reload([]string{"index.html"}, false, false)
		if ev := nextEvent(t, events); ev.Name != "reload" {
			t.Fatalf("event %d, %s after it opened: %s %s, want reload", i+1, time.Duration(i+1)*2*write, ev.Name, ev.Data)
		}
	}
}

// TestSlowDownloadOutlivesWriteTimeout reads a large file more slowly than
// the loopback buffers fill, as a browser plays a video from content/:
// the server's writes block again and again, each for less than the write
// timeout, and the whole download takes several times that. It must come
// through whole.
func TestSlowDownloadOutlivesWriteTimeout(t *testing.T) {
	const (
		write = 300 * time.Millisecond
		size  = 24 << 20
		chunk = 256 << 10 // read every 10ms: about 25 MB/s
	)
	fake := &fakeSite{files: map[string]string{"video.mp4": strings.Repeat("v", size)}}
	srv := startTimed(t, fake, defaultIdleTimeout, write)
	start := time.Now()
	resp, err := http.Get(srv.URL() + "video.mp4")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	buf := make([]byte, chunk)
	n := 0
	for n < size {
		m, err := io.ReadFull(resp.Body, buf[:min(chunk, size-n)])
		n += m
		if err != nil {
			t.Fatalf("after %d of %d bytes, %s: %v", n, size, time.Since(start).Round(time.Millisecond), err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if d := time.Since(start); d < 2*write {
		// The reader was not slow enough to test anything: the buffers
		// are larger than the file.
		t.Logf("the download took only %s; a larger file would test more", d)
	}
}
