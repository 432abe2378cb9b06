package server

import (
	"bytes"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/site"
)

// Site is what the server needs of a site built in memory: *site.Live.
type Site interface {
	// Update rebuilds what depends on paths (slash paths relative to the
	// site root); on error it keeps the last good outputs.
	Update(paths []string) (*site.Update, error)
	// File returns an output file by its path ("articles/x/index.html").
	File(rel string) ([]byte, bool)
	// Errors returns the errors of the last build, nil when it succeeded.
	Errors() diag.List
	// Source returns a file of the site ("content/a.md"), for error context.
	Source(rel string) ([]byte, bool)
}

// Handler serves a Site from memory with the live-reload script injected
// into its pages, the script itself and the Reloader's events. Every
// response has Cache-Control: no-store, so a browser never shows a page
// older than the last build.
//
// It serves only output files: a request path is decoded segment by
// segment, and any segment that is "." or "..", or holds a slash,
// backslash or NUL (raw or percent-encoded), is refused with 400 before the
// site is asked. Nothing is read from disk, so symbolic links cannot lead
// out either. "/x/" is x/index.html, "/x" redirects to "/x/" when that is a
// page, and a missing file gets the site's 404.html with status 404.
type Handler struct {
	Site     Site
	Reloader *Reloader
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case EventsPath:
		h.Reloader.ServeHTTP(w, r)
		return
	case ScriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeContent(w, r, "livereload.js", time.Time{}, bytes.NewReader(script))
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	rel, ok := cleanPath(r.URL)
	if !ok {
		http.Error(w, "bad request: the path leaves the site", http.StatusBadRequest)
		return
	}
	// Candidates, in order: "/x/" is x/index.html; "/x" is the file x, or
	// the page x/ (a redirect).
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	} else if _, ok := h.Site.File(rel); !ok {
		if _, ok := h.Site.File(rel + "/index.html"); ok {
			u := *r.URL
			u.Path, u.RawPath = r.URL.Path+"/", ""
			http.Redirect(w, r, u.String(), http.StatusFound)
			return
		}
	}
	if data, ok := h.Site.File(rel); ok {
		h.serve(w, r, http.StatusOK, rel, data, []string{rel})
		return
	}
	// Not found: the 404 page, reloading when the missing page appears.
	missing := []string{"404.html", rel}
	if !strings.HasSuffix(rel, "/index.html") && rel != "index.html" {
		missing = append(missing, rel+"/index.html")
	}
	if page, ok := h.Site.File("404.html"); ok {
		h.serve(w, r, http.StatusNotFound, "404.html", page, missing)
		return
	}
	page := []byte("<!DOCTYPE html>\n<title>Not found</title>\n<h1>Not found</h1>\n<body></body>\n")
	h.serve(w, r, http.StatusNotFound, "404.html", page, missing)
}

// serve writes one output file; an HTML page gets the script, which
// reloads it when one of files changes.
func (h *Handler) serve(w http.ResponseWriter, r *http.Request, status int, name string, data []byte, files []string) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	if strings.HasPrefix(ctype, "text/html") {
		data = Inject(data, h.Reloader.ID(), h.Reloader.Gen(), files)
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
