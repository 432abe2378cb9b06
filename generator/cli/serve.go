package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"time"

	"github.com/scholia/scholia/generator/site"
)

// runServe builds the site and serves the output on a loopback address
// until interrupted.
func runServe(e *env, args []string) error {
	fs := e.flags("serve")
	var sf siteFlags
	sf.register(fs)
	addr := fs.String("addr", "127.0.0.1:1313", "the `address` to listen on (loopback by default)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	opts, err := sf.options()
	if err != nil {
		return err
	}
	opts.Out = filepath.Join(sf.src, "public")
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w (is another server using the port? choose another with -addr)", *addr, err)
	}
	host, port, _ := net.SplitHostPort(ln.Addr().String())
	opts.BaseURL = "/"
	res, err := site.Build(opts)
	if err != nil {
		ln.Close()
		return err
	}
	fmt.Fprintf(e.stdout, "built %d pages in %s\nserving %s at http://%s/ (Ctrl-C to stop)\n",
		res.Pages, res.Duration.Round(time.Millisecond), opts.Out, net.JoinHostPort(host, port))
	srv := &http.Server{Handler: staticHandler(opts.Out), ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// staticHandler serves dir, answering missing pages with its 404.html.
// http.Dir already refuses paths that climb out with "..".
func staticHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+r.URL.Path)))
		if st, err := os.Stat(name); err != nil || st.IsDir() && fileMissing(filepath.Join(name, "index.html")) {
			page, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(page)
			return
		}
		files.ServeHTTP(w, r)
	})
}

func fileMissing(name string) bool {
	_, err := os.Stat(name)
	return err != nil
}
