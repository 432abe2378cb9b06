package server

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func testHandler() (*handler, *fakeSite) {
	s := &fakeSite{files: map[string]string{
		"index.html":            "<!DOCTYPE html><html><body><h1>Home</h1></body></html>",
		"404.html":              "<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>",
		"articles/x/index.html": "<!DOCTYPE html><html><BODY><p>X</p></BODY></html>",
		"assets/style.css":      "body { color: black }",
		"CNAME":                 "example.org",
	}}
	return &handler{site: s, reloader: newReloader()}, s
}

// get sends a raw request line, so that paths reach the handler exactly as
// an attacker would write them, without client-side cleaning.
func rawGet(t *testing.T, srv *httptest.Server, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// guardSite is a Site that fails the test when the handler asks it for a
// path that could leave the site: the handler must refuse those itself,
// whatever the site would make of them.
type guardSite struct {
	*fakeSite
	t *testing.T
}

func (g guardSite) File(rel string) ([]byte, bool) {
	if strings.Contains(rel, "..") || strings.ContainsAny(rel, "\\\x00") || strings.HasPrefix(rel, "/") {
		g.t.Errorf("the handler asked the site for %q", rel)
	}
	return g.fakeSite.File(rel)
}

// TestHandlerTraversal sends paths that try to leave the site, raw and
// encoded: each must be refused with 400 before the site is asked, except
// a doubly encoded one, which names an ordinary (missing) file.
func TestHandlerTraversal(t *testing.T) {
	h, fake := testHandler()
	h.site = guardSite{fake, t}
	srv := httptest.NewServer(h)
	defer srv.Close()
	for target, want := range map[string]int{
		"/../etc/passwd":                         400,
		"/..":                                    400,
		"/articles/../../etc/passwd":             400,
		"/articles/x/..":                         400,
		"/%2e%2e/etc/passwd":                     400,
		"/%2E%2E/%2e%2e/etc/passwd":              400,
		"/.%2e/etc/passwd":                       400,
		"/articles/x/%2e%2e/":                    400,
		"/articles/%2e%2e%2f%2e%2e%2fetc/passwd": 400,
		"/..%2fetc%2fpasswd":                     400,
		"/%2fetc%2fpasswd":                       400,
		"/..%5c..%5cetc%5cpasswd":                400,
		"/%5c%5chost%5cshare":                    400,
		"/articles\\..\\..\\etc\\passwd":         400,
		"/index.html%00.css":                     400,
		"/%00":                                   400,
		"/./index.html":                          400,
		"/articles/%2e/x/":                       400,
		"//etc/passwd":                           400,
		"http://x/../etc/passwd":                 400,
		"/%zz":                                   400,
		"/%252e%252e/etc/passwd":                 404, // the file "%2e%2e/etc/passwd"
	} {
		status, body := rawGet(t, srv, target)
		if status != want {
			t.Errorf("GET %s: status %d, want %d", target, status, want)
		}
		if strings.Contains(body, "<h1>Home</h1>") || strings.Contains(body, "<p>X</p>") {
			t.Errorf("GET %s: served a page: %.80q", target, body)
		}
	}
}

func TestHandlerFiles(t *testing.T) {
	h, _ := testHandler()
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, tc := range []struct {
		path, ctype, body, location string
		status                      int
		script                      bool
	}{
		{path: "/", status: 200, ctype: "text/html", body: "<h1>Home</h1>", script: true},
		{path: "/index.html", status: 200, ctype: "text/html", body: "<h1>Home</h1>", script: true},
		{path: "/articles/x/", status: 200, ctype: "text/html", body: "<p>X</p>", script: true},
		{path: "/articles/x", status: 302, location: "/articles/x/"},
		{path: "/articles/x?a=1", status: 302, location: "/articles/x/?a=1"},
		{path: "/assets/style.css", status: 200, ctype: "text/css", body: "body { color: black }"},
		{path: "/CNAME", status: 200, ctype: "text/plain", body: "example.org"},
		{path: "/nope/", status: 404, ctype: "text/html", body: "Page not found", script: true},
		{path: "/assets/nope.css", status: 404, ctype: "text/html", body: "Page not found", script: true},
		{path: scriptPath, status: 200, ctype: "text/javascript", body: "EventSource"},
	} {
		resp, err := client.Get(srv.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		body := string(b)
		if resp.StatusCode != tc.status {
			t.Errorf("GET %s: status %d, want %d", tc.path, resp.StatusCode, tc.status)
			continue
		}
		if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("GET %s: Cache-Control %q, want no-store", tc.path, cc)
		}
		if tc.location != "" {
			if got := resp.Header.Get("Location"); got != tc.location {
				t.Errorf("GET %s: Location %q, want %q", tc.path, got, tc.location)
			}
			continue
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, tc.ctype) {
			t.Errorf("GET %s: Content-Type %q, want %s", tc.path, ct, tc.ctype)
		}
		if !strings.Contains(body, tc.body) {
			t.Errorf("GET %s: body %q, want %q in it", tc.path, body, tc.body)
		}
		if got := strings.Contains(body, `src="`+scriptPath+`"`); got != tc.script {
			t.Errorf("GET %s: script injected %v, want %v:\n%s", tc.path, got, tc.script, body)
		}
	}
}

// methodResult is what a request with another method than GET gets.
type methodResult struct {
	Status int
	Allow  string
	Body   bool // the response has a body
}

// TestHandlerMethods sends every method to every kind of path, the
// server's own endpoints included: only GET and HEAD are served; the
// others get 405 with Allow, and the event stream registers no page.
func TestHandlerMethods(t *testing.T) {
	paths := []string{"/", "/articles/x/", "/assets/style.css", "/nope/", scriptPath, eventsPath, "/__scholia/nope"}
	refused := methodResult{Status: http.StatusMethodNotAllowed, Allow: "GET, HEAD", Body: true}
	for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE", "PROPFIND"} {
		for _, path := range paths {
			t.Run(method+" "+path, func(t *testing.T) {
				h, _ := testHandler()
				// Cancelled, so that an event stream the handler wrongly
				// opens ends at once instead of hanging the test.
				ctx, cancel := context.WithCancel(context.Background())
				cancel()
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(method, path, strings.NewReader("x=1")).WithContext(ctx))
				got := methodResult{Status: rec.Code, Allow: rec.Header().Get("Allow"), Body: rec.Body.Len() > 0}
				if diff := cmp.Diff(refused, got); diff != "" {
					t.Errorf("%s %s (-want +got):\n%s", method, path, diff)
				}
				if n := h.reloader.Clients(); n != 0 {
					t.Errorf("%s %s: %d pages listening", method, path, n)
				}
			})
		}
	}
	for _, tc := range []struct {
		path string
		want methodResult
	}{
		{path: "/", want: methodResult{Status: http.StatusOK}},
		{path: "/assets/style.css", want: methodResult{Status: http.StatusOK}},
		{path: scriptPath, want: methodResult{Status: http.StatusOK}},
		{path: "/nope/", want: methodResult{Status: http.StatusNotFound}},
		// The stream's header, at once: not an empty stream that lasts
		// until the client leaves.
		{path: eventsPath, want: methodResult{Status: http.StatusOK}},
	} {
		t.Run("HEAD "+tc.path, func(t *testing.T) {
			h, _ := testHandler()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			rec := httptest.NewRecorder()
			done := make(chan struct{})
			go func() {
				defer close(done)
				h.ServeHTTP(rec, httptest.NewRequest("HEAD", tc.path, nil).WithContext(ctx))
			}()
			select {
			case <-done:
			case <-time.After(2 * time.Second):
				cancel()
				<-done
				t.Fatalf("HEAD %s: no answer within 2s", tc.path)
			}
			got := methodResult{Status: rec.Code, Allow: rec.Header().Get("Allow"), Body: rec.Body.Len() > 0}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("HEAD %s (-want +got):\n%s", tc.path, diff)
			}
		})
	}
}

// TestHandlerScriptTells checks what the injected tag tells the script:
// the page's own output file, and for a 404 the file that would replace it.
func TestHandlerScriptTells(t *testing.T) {
	h, _ := testHandler()
	h.reloader.Reload(nil, true, false) // generation 1
	for path, files := range map[string]string{
		"/articles/x/": `data-files="articles/x/index.html"`,
		"/":            `data-files="index.html"`,
		"/new/":        `data-files="404.html new/index.html"`,
		"/new":         `data-files="404.html new new/index.html"`,
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		body := rec.Body.String()
		if !containsAll(body, files, `data-gen="1"`, `data-id="`+h.reloader.ID()+`"`, "</script>\n</") {
			t.Errorf("GET %s: want %s and the id and generation in\n%s", path, files, body)
		}
	}
}

// stallSite is a Site whose File waits for proceed to be closed, saying
// on reading that it has been called: a test can then finish a rebuild
// while a page is being served.
type stallSite struct {
	*fakeSite
	reading chan struct{} // buffered
	proceed chan struct{}
}

func (s stallSite) File(rel string) ([]byte, bool) {
	select {
	case s.reading <- struct{}{}:
	default:
	}
	<-s.proceed
	return s.fakeSite.File(rel)
}

func newStallSite(fake *fakeSite) stallSite {
	return stallSite{fake, make(chan struct{}, 1), make(chan struct{})}
}

// wait receives from ch, failing the test after 10s.
func wait[T any](t testing.TB, what string, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
	}
	var zero T
	return zero
}

// TestHandlerGenerationFirst finishes a rebuild while the handler reads the
// page: the page must carry the generation from before the rebuild, so
// that its script reloads it once more (for nothing) rather than miss the
// rebuild (if the page was read before it).
func TestHandlerGenerationFirst(t *testing.T) {
	fake := &fakeSite{files: map[string]string{"index.html": "<body>old</body>"}}
	stall := newStallSite(fake)
	h := &handler{site: stall, reloader: newReloader()}
	rec := httptest.NewRecorder()
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	}()
	wait(t, "the handler to read the page", stall.reading)
	// A rebuild: the new outputs, then the event.
	fake.set("index.html", "<body>new</body>")
	h.reloader.Reload([]string{"index.html"}, false, false)
	close(stall.proceed)
	wait(t, "the response", done)
	if body := rec.Body.String(); !strings.Contains(body, `data-gen="0"`) {
		t.Errorf("the page read during rebuild 1 says it is from generation 1 or later:\n%s", body)
	}
}

// TestHandlerHost checks the DNS-rebinding protection: on a loopback
// address, only requests for localhost, 127.0.0.1, [::1] or the address
// itself are answered, events included.
func TestHandlerHost(t *testing.T) {
	h, _ := testHandler()
	h.hosts = allowedHosts(&net.TCPAddr{IP: net.ParseIP("127.0.0.2"), Port: 1313})
	for host, want := range map[string]int{
		"localhost:1313": 200, "LocalHost:1313": 200, "localhost": 200, "127.0.0.1:1313": 200,
		"[::1]:1313": 200, "[::1]": 200, "127.0.0.2:1313": 200, "127.0.0.2": 200,
		"evil.example:1313": 403, "evil.example": 403, "localhost.evil.example:1313": 403,
		"127.0.0.1.nip.io:1313": 403, "127.0.0.3:1313": 403, "0.0.0.0:1313": 403, "[::2]:1313": 403, "": 403,
	} {
		for _, path := range []string{"/", "/assets/style.css", scriptPath, eventsPath} {
			req := httptest.NewRequest("GET", path, nil)
			req.Host = host
			if path == eventsPath {
				// A stream: answered at once (200), then ended by the
				// page's going away.
				ctx, cancel := context.WithCancel(context.Background())
				cancel()
				req = req.WithContext(ctx)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != want {
				t.Errorf("GET %s with Host %q: status %d, want %d", path, host, rec.Code, want)
			}
		}
	}
	for _, addr := range []string{"0.0.0.0", "192.168.1.2", "::"} {
		if hosts := allowedHosts(&net.TCPAddr{IP: net.ParseIP(addr), Port: 1313}); hosts != nil {
			t.Errorf("listening on %s: hosts %v, want any", addr, hosts)
		}
	}
}
