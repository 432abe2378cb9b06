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

// Options configure Run.
type Options struct {
	// Root is the site's folder on disk: what is watched.
	Root string
	// Addr is where to listen, as HOST:PORT; "" is DefaultAddr, falling
	// back to the next free port when it is taken.
	Addr string
	// Poll, when not zero, scans for changes every Poll instead of using
	// file system events.
	Poll time.Duration
	// Open builds the site to be served at url, the server's own address
	// (such as http://127.0.0.1:1313/), so that the pages' machine-readable
	// URLs are absolute and point at the server. A Site together with an
	// error means the content has errors: the server starts and shows them.
	// A nil Site means it cannot start.
	Open func(url string) (Site, error)
	// Stdout gets the address and a line per rebuild; Stderr the errors.
	Stdout, Stderr io.Writer
}

// devServer is a running dev server: a listener, the site in memory, a
// watcher and a reloader.
type devServer struct {
	opts     Options
	ln       net.Listener
	site     Site
	reloader *reloader
	watcher  *watcher
	term     *terminal
	broken   bool // the last build failed
	// shutdownWait is how long Run waits for requests in flight when it
	// stops; idleTimeout and writeTimeout are the http.Server's (see
	// deadline.go). The defaults, shorter in tests.
	shutdownWait, idleTimeout, writeTimeout time.Duration
}

// defaultShutdownWait is how long a stopping server waits for requests in
// flight before closing their connections.
const defaultShutdownWait = 3 * time.Second

// newServer listens, starts watching and builds the site; Run serves it.
// Listening comes first so that a port in use fails at once, and watching
// before building so that a save during the first build is not missed.
func newServer(opts Options) (*devServer, error) {
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	s := &devServer{opts: opts, reloader: newReloader(),
		shutdownWait: defaultShutdownWait, idleTimeout: defaultIdleTimeout, writeTimeout: defaultWriteTimeout,
		term: &terminal{out: opts.Stdout, err: opts.Stderr, now: time.Now}}
	ln, note, err := listen(opts.Addr)
	if err != nil {
		return nil, err
	}
	if note != "" {
		s.term.warn("%s", note)
	}
	wopts := watchOptions{Poll: opts.Poll, Log: func(err error) { s.term.warn("watching: %v", err) }}
	if s.watcher, err = watch(opts.Root, wopts); err != nil {
		ln.Close()
		return nil, err
	}
	s.ln = ln
	start := time.Now()
	s.site, err = opts.Open(s.URL())
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
		s.reloader.Errors(errorViews(list, s.site.Source))
	}
	return s, nil
}

// URL is the address pages are served at, such as http://127.0.0.1:1313/.
func (s *devServer) URL() string { return "http://" + s.ln.Addr().String() + "/" }

// Run serves until ctx is done (Ctrl-C), rebuilding after each batch of
// changes, then shuts down: it ends the event streams, waits a moment for
// requests in flight and stops watching. It returns nil when stopped by
// ctx, even if it had to cut off a slow request, and an error when serving
// or watching stopped by themselves.
func (s *devServer) Run(ctx context.Context) error {
	srv := &http.Server{
		Handler: &handler{site: s.site, reloader: s.reloader, hosts: allowedHosts(s.ln.Addr()),
			writeTimeout: s.writeTimeout},
		ReadHeaderTimeout: readHeaderTimeout,
		IdleTimeout:       s.idleTimeout,
		// Until the first write: the handler moves it on before each
		// write, so event streams last as long as their pages read them.
		WriteTimeout: s.writeTimeout,
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
				// Without Close: the operating system stopped sending
				// events. Serving on without live reload would look like
				// a server that ignores saves.
				if ctx.Err() == nil {
					err = fmt.Errorf("watching stopped: %w; pages no longer follow changes (restart serve, or try -poll 500ms)", s.watcher.Err())
				}
				break loop
			}
			s.rebuild(b)
		}
	}
	s.reloader.Close()
	shut, cancel := context.WithTimeout(context.Background(), s.shutdownWait)
	defer cancel()
	shutErr := srv.Shutdown(shut)
	if errors.Is(shutErr, context.DeadlineExceeded) {
		// A request still going (a slow download): cut it off. When the
		// user stopped the server, that is how stopping goes.
		srv.Close()
		if ctx.Err() != nil {
			shutErr = nil
		}
	}
	errs := []error{shutErr, s.watcher.Close()}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// Run starts a server with opts and serves until ctx is done. A port in
// use or a site that cannot be built is an error at once; a site with
// errors is served, with the errors on its pages.
func Run(ctx context.Context, opts Options) error {
	s, err := newServer(opts)
	if err != nil {
		return err
	}
	return s.Run(ctx)
}

// rebuild updates the site after b and tells the pages.
func (s *devServer) rebuild(b batch) {
	start := time.Now()
	up, err := s.update(b.Paths())
	d := time.Since(start)
	if err != nil {
		var list diag.List
		list.Add(err)
		list.Sort()
		s.broken = true
		s.reloader.Errors(errorViews(list, s.site.Source))
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
func (s *devServer) update(paths []string) (up *site.Update, err error) {
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
// changed morph, every page morphs after a full rebuild (each finds out
// for itself whether it changed), and every page reloads when an asset a
// page may embed (an image, a script, a font) changed, because a morph
// keeps what the browser loaded from an unchanged URL. Feeds, sitemaps
// and JSON-LD files are not shown by pages.
func (s *devServer) notify(up *site.Update) {
	var pages, css []string
	var asset bool
	for i, list := range [][]string{up.Changed, up.Removed} {
		for _, f := range list {
			switch path.Ext(f) {
			case ".html":
				pages = append(pages, f)
			case ".css":
				if i == 0 {
					css = append(css, f)
				}
			case ".xml", ".json", ".jsonld", ".txt", ".csv", "":
			case ".png":
				asset = asset || !site.IsShareCard(f)
			default:
				asset = true
			}
		}
	}
	switch {
	case asset:
		s.reloader.Reload(nil, true, true)
		return
	case len(css) > 0:
		s.reloader.CSS(css)
	}
	switch {
	case up.Full:
		s.reloader.Reload(nil, true, false)
	case len(pages) > 0:
		s.reloader.Reload(pages, false, false)
	}
}
