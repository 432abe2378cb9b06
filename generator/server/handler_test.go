package server

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func testHandler() (*Handler, *fakeSite) {
	s := &fakeSite{files: map[string]string{
		"index.html":            "<!DOCTYPE html><html><body><h1>Home</h1></body></html>",
		"404.html":              "<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>",
		"articles/x/index.html": "<!DOCTYPE html><html><BODY><p>X</p></BODY></html>",
		"assets/style.css":      "body { color: black }",
		"CNAME":                 "example.org",
	}}
	return &Handler{Site: s, Reloader: NewReloader()}, s
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
	resp, err := http.ReadResponse(bufioReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestHandlerTraversal(t *testing.T) {
	h, _ := testHandler()
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, target := range []string{
		"/../etc/passwd", "/articles/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2e%2e/etc/passwd",
		"/articles/%2e%2e%2f%2e%2e%2fetc/passwd", "/..%2fetc%2fpasswd", "/%2fetc%2fpasswd", "/..%5c..%5cetc%5cpasswd",
		"/articles\\..\\..\\etc\\passwd", "/index.html%00.css", "/%00", "/./index.html", "/articles/%2e/x/",
		"//etc/passwd", "/%252e%252e/etc/passwd", "/%zz",
	} {
		status, body := rawGet(t, srv, target)
		if status != http.StatusBadRequest && status != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 400 or 404", target, status)
		}
		if strings.Contains(body, "root:") || strings.Contains(body, "<h1>Home</h1>") || strings.Contains(body, "<p>X</p>") {
			t.Errorf("GET %s: served a file: %.80q", target, body)
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
		{path: ScriptPath, status: 200, ctype: "text/javascript", body: "EventSource"},
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
		if got := strings.Contains(body, `src="`+ScriptPath+`"`); got != tc.script {
			t.Errorf("GET %s: script injected %v, want %v:\n%s", tc.path, got, tc.script, body)
		}
	}
}

func TestHandlerMethods(t *testing.T) {
	h, _ := testHandler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", rec.Code)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("HEAD", "/", nil))
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Errorf("HEAD: status %d, body %d bytes", rec.Code, rec.Body.Len())
	}
}

// TestHandlerScriptTells checks what the injected tag tells the script:
// the page's own output file, and for a 404 the file that would replace it.
func TestHandlerScriptTells(t *testing.T) {
	h, _ := testHandler()
	h.Reloader.Reload(nil, true) // generation 1
	for path, files := range map[string]string{
		"/articles/x/": `data-files="articles/x/index.html"`,
		"/":            `data-files="index.html"`,
		"/new/":        `data-files="404.html new/index.html"`,
		"/new":         `data-files="404.html new new/index.html"`,
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		body := rec.Body.String()
		if !containsAll(body, files, `data-gen="1"`, `data-id="`+h.Reloader.ID()+`"`, "</script>\n</") {
			t.Errorf("GET %s: want %s and the id and generation in\n%s", path, files, body)
		}
	}
}
