package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path"
	"time"

	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/site"
)

// Options configure a Server.
type Options struct {
	// Root is the site's folder on disk: what is watched.
	Root string
	// Addr is where to listen; "" is DefaultAddr, falling back to the next
	// free port (see Listen).
	Addr string
	// Poll, when not zero, scans for changes every Poll instead of using
	// file system events.
	Poll time.Duration
	// Open builds the site. A Site together with an error means the
	// content has errors: the server starts and shows them. A nil Site
	// means it cannot start.
	Open func() (Site, error)
	// Stdout gets the address and a line per rebuild; Stderr the errors.
	Stdout, Stderr io.Writer
	// Watch overrides the watcher's batching (tests); Poll above wins.
	Watch WatchOptions
}

// Server is a running dev server: a listener, the site in memory, a
// watcher and a Reloader.
type Server struct {
	opts     Options
	ln       net.Listener
	site     Site
	reloader *Reloader
	watcher  *Watcher
	term     *terminal
	broken   bool // the last build failed
}

// New listens, starts watching and builds the site; Run serves it. Listening
// comes first so that a port in use fails at once, and watching before
// building so that a save during the first build is not missed.
func New(opts Options) (*Server, error) {
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	s := &Server{opts: opts, reloader: NewReloader(),
		term: &terminal{out: opts.Stdout, err: opts.Stderr, now: time.Now}}
	ln, note, err := Listen(opts.Addr)
	if err != nil {
		return nil, err
	}
	if note != "" {
		s.term.warn("%s", note)
	}
	wopts := opts.Watch
	wopts.Poll = opts.Poll
	wopts.Log = func(err error) { s.term.warn("watching: %v", err) }
	if s.watcher, err = Watch(opts.Root, wopts); err != nil {
		ln.Close()
		return nil, err
	}
	start := time.Now()
	s.site, err = opts.Open()
	if s.site == nil {
		s.watcher.Close()
		ln.Close()
		if err == nil {
			err = errors.New("the site could not be built")
		}
		return nil, err
	}
	var list diag.List
	list.Add(err)
	s.term.initial(list, time.Since(start))
	if len(list) > 0 {
		s.broken = true
		s.reloader.Errors(Views(list, s.site.Source))
	}
	s.ln = ln
	return s, nil
}

// URL is the address pages are served at, such as http://127.0.0.1:1313/.
func (s *Server) URL() string { return "http://" + s.ln.Addr().String() + "/" }

// Reloader is the server's event hub.
func (s *Server) Reloader() *Reloader { return s.reloader }

// Run serves until ctx is done (Ctrl-C), rebuilding after each batch of
// changes, then shuts down: it ends the event streams, waits for requests
// in flight and stops watching.
func (s *Server) Run(ctx context.Context) error {
	srv := &http.Server{
		Handler:           &Handler{Site: s.site, Reloader: s.reloader},
		ReadHeaderTimeout: 10 * time.Second,
		// No WriteTimeout: event streams last as long as their pages.
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(s.ln) }()
	s.term.printf("serving %s (Ctrl-C to stop)\n", s.URL())

	var err error
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case err = <-served:
			break loop
		case b, ok := <-s.watcher.Batches():
			if !ok {
				break loop
			}
			s.rebuild(b)
		}
	}
	s.reloader.Close()
	shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	errs := []error{srv.Shutdown(shut), s.watcher.Close()}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// Run starts a Server with opts and runs it until ctx is done.
func Run(ctx context.Context, opts Options) error {
	s, err := New(opts)
	if err != nil {
		return err
	}
	return s.Run(ctx)
}

// rebuild updates the site after b and tells the pages.
func (s *Server) rebuild(b Batch) {
	start := time.Now()
	up, err := s.update(b.Paths())
	d := time.Since(start)
	if err != nil {
		var list diag.List
		list.Add(err)
		list.Sort()
		s.broken = true
		s.reloader.Errors(Views(list, s.site.Source))
		s.term.failed(b, list, d)
		return
	}
	if s.broken {
		s.broken = false
		s.reloader.OK()
	}
	s.notify(up)
	s.term.rebuilt(b, up, d)
}

// update calls Site.Update, turning a panic into an error: a bug in a
// rebuild must not take the server down with the editor's work on screen.
func (s *Server) update(paths []string) (up *site.Update, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error while rebuilding: %v (this is a bug in scholia; please report it)", r)
		}
	}()
	up, err = s.site.Update(paths)
	if err == nil && up == nil {
		up = &site.Update{}
	}
	return up, err
}

// notify tells the pages what a good rebuild changed: a change of
// stylesheets only is swapped in place; otherwise pages whose own output
// changed reload, and every page reloads after a full rebuild or when an
// asset a page may embed (an image, a script, a font) changed. Feeds,
// sitemaps and JSON-LD files are not shown by pages.
func (s *Server) notify(up *site.Update) {
	var pages, css []string
	all := up.Full
	for i, list := range [][]string{up.Changed, up.Removed} {
		for _, f := range list {
			switch path.Ext(f) {
			case ".html":
				pages = append(pages, f)
			case ".css":
				if i == 0 {
					css = append(css, f)
				}
			case ".xml", ".json", ".jsonld", ".txt", "":
			default:
				all = true
			}
		}
	}
	switch {
	case all:
		s.reloader.Reload(nil, true)
		return
	case len(css) > 0:
		s.reloader.CSS(css)
	}
	if len(pages) > 0 {
		s.reloader.Reload(pages, false)
	}
}
