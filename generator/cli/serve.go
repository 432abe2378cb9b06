package cli

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/scholia/scholia/generator/server"
	"github.com/scholia/scholia/generator/site"
)

// serveFlags are serve's flags: the site's, with drafts shown by default,
// and the address and polling interval.
func serveFlags(e *env) (fs *flag.FlagSet, sf *siteFlags, addr *string, poll *time.Duration) {
	fs = e.flags("serve")
	sf = &siteFlags{showDrafts: true}
	sf.register(fs)
	addr = fs.String("addr", server.DefaultAddr, "the `address` to listen on; when the default port is taken, the next free one is used")
	poll = fs.Duration("poll", 0, "scan for changes every `DURATION` (such as 500ms) instead of using file system events, for network and container file systems")
	return fs, sf, addr, poll
}

// runServe builds the site in memory and serves it with live reload until
// interrupted (see package server).
func runServe(e *env, args []string) error {
	fs, sf, addr, poll := serveFlags(e)
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: serve takes no arguments (got %q)", errUsage, fs.Arg(0))
	}
	if *poll < 0 || *poll > 0 && *poll < 10*time.Millisecond {
		return fmt.Errorf("%w: -poll %s: want 0 (file system events) or at least 10ms", errUsage, *poll)
	}
	explicit := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "addr" {
			explicit = true
		}
	})
	opts, err := sf.options(e.stderr)
	if err != nil {
		return err
	}
	listen := ""
	if explicit {
		if _, _, err := net.SplitHostPort(*addr); err != nil {
			return fmt.Errorf("%w: -addr %q: want HOST:PORT, such as 127.0.0.1:1313", errUsage, *addr)
		}
		listen = *addr
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// After the first Ctrl-C, a second one ends the program at once, even
	// if a rebuild hangs.
	context.AfterFunc(ctx, stop)
	opts.Sized = memoryBudget(servePerArticle)
	return server.Run(ctx, server.Options{
		Root: sf.src,
		Addr: listen,
		Poll: *poll,
		// The dev server serves at its own root, whatever site.yaml's
		// base_url, and names its own address in feeds and JSON-LD.
		Open: func(url string) (server.Site, error) {
			opts.BaseURL = url
			live, err := site.NewLive(opts)
			if live == nil {
				return nil, err
			}
			return live, err
		},
		Stdout: e.stdout,
		Stderr: e.stderr,
	})
}
