package server

import (
	"bytes"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/site"
)

// Site is what the server needs of a site built in memory: *site.Live.
type Site interface {
	// Update rebuilds what depends on paths (slash paths relative to the
	// site root); on error it keeps the last good outputs.
	Update(paths []string) (*site.Update, error)
	// File returns an output file by its path ("articles/x/index.html").
	File(rel string) ([]byte, bool)
	// Source returns a file of the site ("content/a.md"), for error context.
	Source(rel string) ([]byte, bool)
}

// handler serves a Site from memory with the live-reload script injected
// into its pages, the script itself and the reloader's events. Every
// response has Cache-Control: no-store, so a browser never shows a page
// older than the last build.
//
// When hosts is set (the server listens on a loopback address), a request
// naming another host is refused with 403: a web page whose own domain an
// attacker points at 127.0.0.1 (DNS rebinding) sends its name as Host, so
// it cannot read the preview or its events.
//
// It answers GET and HEAD only, on every path, its own endpoints under
// /__scholia/ included: anything else gets 405 with Allow: GET, HEAD, so
// that a form or a script posting to the preview is told plainly that it
// changes nothing.
//
// It serves only output files: a request path is decoded segment by
// segment, and any segment that is "." or "..", or holds a slash,
// backslash or NUL (raw or percent-encoded), is refused with 400 before the
// site is asked. Nothing is read from disk, so symbolic links cannot lead
// out either. "/x/" is x/index.html, "/x" redirects to "/x/" when that is a
// page, and a missing file gets the site's 404.html with status 404.
type handler struct {
	site     Site
	reloader *reloader
	// hosts, when not nil, are the host names requests may give in their
	// Host header: lower case, without port or brackets (see allowedHosts).
	hosts map[string]bool
	// writeTimeout, when not zero, is how long one write of a response may
	// block (see deadlineWriter).
	writeTimeout time.Duration
}

// ServeHTTP implements http.Handler.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h.writeTimeout > 0 {
		w = newDeadlineWriter(w, h.writeTimeout)
	}
	w.Header().Set("Cache-Control", "no-store")
	if !h.hostAllowed(r.Host) {
		http.Error(w, "forbidden: the preview answers only to localhost, 127.0.0.1, [::1] or the address it listens on (protection against DNS rebinding)", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed: the preview only serves the site (GET, HEAD)", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		h.reloader.ServeHTTP(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeContent(w, r, "livereload.js", time.Time{}, bytes.NewReader(script))
		return
	}
	rel, ok := cleanPath(r.URL)
	if !ok {
		http.Error(w, "bad request: the path leaves the site", http.StatusBadRequest)
		return
	}
	// The generation is read before the file: a rebuild ending in between
	// then gives the new page with the old generation, which reloads once
	// for nothing when its script connects, never the old page with the new
	// generation, which would miss the rebuild.
	gen := h.reloader.Gen()
	// Candidates, in order: "/x/" is x/index.html; "/x" is the file x, or
	// the page x/ (a redirect).
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	} else if _, ok := h.site.File(rel); !ok {
		if _, ok := h.site.File(rel + "/index.html"); ok {
			u := *r.URL
			u.Path, u.RawPath = r.URL.Path+"/", ""
			http.Redirect(w, r, u.String(), http.StatusFound)
			return
		}
	}
	if data, ok := h.site.File(rel); ok {
		h.serve(w, r, gen, http.StatusOK, rel, data, []string{rel})
		return
	}
	// Not found: the 404 page, reloading when the missing page appears.
	missing := []string{"404.html", rel}
	if !strings.HasSuffix(rel, "/index.html") && rel != "index.html" {
		missing = append(missing, rel+"/index.html")
	}
	if page, ok := h.site.File("404.html"); ok {
		h.serve(w, r, gen, http.StatusNotFound, "404.html", page, missing)
		return
	}
	page := []byte("<!DOCTYPE html>\n<title>Not found</title>\n<h1>Not found</h1>\n<body></body>\n")
	h.serve(w, r, gen, http.StatusNotFound, "404.html", page, missing)
}

// serve writes one output file; an HTML page gets the script, which
// reloads it when one of files changes or the generation is past gen.
func (h *handler) serve(w http.ResponseWriter, r *http.Request, gen, status int, name string, data []byte, files []string) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, h.reloader.ID(), gen, files)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if status == http.StatusOK {
		// Ranges and HEAD, for audio and video in content/.
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
		return
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// cleanPath turns a request URL into an output path ("" for the root,
// "a/b/" for a folder) and reports whether it is acceptable. It decodes the
// escaped path one segment at a time, so "%2F", "%5C", "%00" and "%2e%2e"
// are judged after decoding but cannot join or split segments.
func cleanPath(u *url.URL) (string, bool) {
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		return "", false
	}
	segs := strings.Split(p[1:], "/")
	for i, s := range segs {
		d, err := url.PathUnescape(s)
		if err != nil || d == "." || d == ".." || strings.ContainsAny(d, "/\\\x00") {
			return "", false
		}
		if d == "" && i < len(segs)-1 {
			return "", false // "//": not a path the site has
		}
		segs[i] = d
	}
	return strings.Join(segs, "/"), true
}

// hostAllowed reports whether a request's Host header (host, or host:port)
// names a host the handler answers to.
func (h *handler) hostAllowed(host string) bool {
	if h.hosts == nil {
		return true
	}
	if name, _, err := net.SplitHostPort(host); err == nil {
		host = name
	} else if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		host = host[1 : len(host)-1] // "[::1]" without a port
	}
	return h.hosts[strings.ToLower(host)]
}
