package server

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// eventsPath is where pages listen for changes (Server-Sent Events).
const eventsPath = "/__scholia/events"

// retryMillis is how soon a page reconnects after losing the server: quick,
// because a dev server restarts in well under a second.
const retryMillis = 300

// reloader tells open pages about rebuilds over Server-Sent Events. Each
// connection starts with a hello event carrying the server's instance id
// and build generation; then come:
//
//	reload  {"gen":N,"all":bool,"files":[output paths],"hard":bool}
//	        a page whose own file is listed, or every page if all is set,
//	        fetches itself again and morphs to match, or reloads if hard
//	        is set: an image or script it may embed changed under the
//	        same URL, which only a reload fetches again
//	css     {"gen":N,"files":[stylesheet paths]}         pages swap those stylesheets in place
//	errors  {"gen":N,"errors":[...]}                     the overlay lists them (see errorView)
//	ok      {"gen":N}                                    the overlay goes away
//
// A page compares hello with what it was served with (the injected script
// carries both): another instance id means the server restarted, a newer
// generation means it missed a rebuild while connecting; either way it
// reloads. A newly connected page also gets the current errors right after
// hello, so a page opened while the site is broken shows them; hello itself
// clears a page's overlay, so a page that missed an ok while disconnected
// does not keep showing errors that are fixed.
type reloader struct {
	id string

	mu      sync.Mutex
	gen     int
	errors  []byte // the current errors event, nil when the build is good
	clients map[chan []byte]bool
	closed  bool
}

// newReloader returns a reloader with a fresh instance id.
func newReloader() *reloader {
	var b [8]byte
	rand.Read(b[:])
	return &reloader{id: hex.EncodeToString(b[:]), clients: map[chan []byte]bool{}}
}

// ID is the server instance id.
func (r *reloader) ID() string { return r.id }

// Gen is the build generation: how many reload and css events were sent.
func (r *reloader) Gen() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.gen
}

// Clients is the number of connected pages.
func (r *reloader) Clients() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.clients)
}

// Reload tells pages showing one of files (output paths such as
// "articles/x/index.html"), or every page when all is set, to update: by
// a morph, or by a reload when hard is set.
func (r *reloader) Reload(files []string, all, hard bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.gen++
	r.broadcast("reload", map[string]any{"gen": r.gen, "all": all, "files": nonNil(files), "hard": hard})
}

// CSS tells pages to swap the stylesheets files without reloading.
func (r *reloader) CSS(files []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.gen++
	r.broadcast("css", map[string]any{"gen": r.gen, "files": nonNil(files)})
}

// Errors shows errs on every page, now and on pages that connect later,
// until OK.
func (r *reloader) Errors(errs []errorView) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = r.broadcast("errors", map[string]any{"gen": r.gen, "errors": nonNil(errs)})
}

// OK clears the errors.
func (r *reloader) OK() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = nil
	r.broadcast("ok", map[string]any{"gen": r.gen})
}

// Close ends every stream and refuses new ones, so that the HTTP server
// can shut down (it waits for handlers to return).
func (r *reloader) Close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	for c := range r.clients {
		close(c)
		delete(r.clients, c)
	}
}

// broadcast sends an event to every client and returns it. A client too
// slow to take it is dropped: its page reconnects, and hello's generation
// tells it that it missed something. Called with mu held.
func (r *reloader) broadcast(event string, data any) []byte {
	msg := message(event, data)
	for c := range r.clients {
		select {
		case c <- msg:
		default:
			close(c)
			delete(r.clients, c)
		}
	}
	return msg
}

func message(event string, data any) []byte {
	js, err := json.Marshal(data)
	if err != nil {
		panic(err) // only our own types are marshalled
	}
	return fmt.Appendf(nil, "event: %s\ndata: %s\n\n", event, js)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// keepAlive is how often an idle stream gets a comment, so that proxies
// and browsers do not time it out.
const keepAlive = 20 * time.Second

// ServeHTTP streams events to one page until it goes away or Close; a
// HEAD request gets the stream's header only. Behind the handler, each
// write moves the connection's write deadline on (deadlineWriter), so a
// stream lasts as long as its page reads it, and a page that stopped
// reading (a frozen tab) is let go when a write stalls.
func (r *reloader) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	if req.Method == http.MethodHead {
		// The header is the whole answer: net/http would swallow the
		// events, and the stream would go on, empty, until the client left.
		w.WriteHeader(http.StatusOK)
		return
	}
	rc := http.NewResponseController(w)
	c := make(chan []byte, 16)
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		http.Error(w, "server shutting down", http.StatusServiceUnavailable)
		return
	}
	// hello, then the current errors, in this order and in one write: a
	// page clears its overlay on hello (it may have missed an ok while
	// disconnected) and shows the errors again if the site is still broken.
	hello := fmt.Appendf(nil, "retry: %d\n", retryMillis)
	hello = append(hello, message("hello", map[string]any{"id": r.id, "gen": r.gen})...)
	hello = append(hello, r.errors...)
	r.clients[c] = true
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		if r.clients[c] {
			close(c)
			delete(r.clients, c)
		}
		r.mu.Unlock()
	}()

	w.WriteHeader(http.StatusOK)
	if _, err := w.Write(hello); err != nil || rc.Flush() != nil {
		return
	}
	ping := time.NewTicker(keepAlive)
	defer ping.Stop()
	for {
		var msg []byte
		select {
		case <-req.Context().Done():
			return
		case m, ok := <-c:
			if !ok {
				return
			}
			msg = m
		case <-ping.C:
			msg = []byte(": ping\n\n")
		}
		if _, err := w.Write(msg); err != nil || rc.Flush() != nil {
			return
		}
	}
}
