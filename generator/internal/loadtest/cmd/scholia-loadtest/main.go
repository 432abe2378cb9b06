// Command scholia-loadtest soaks the dev server on the repository's example
// site and prints a table of figures: `make loadtest` runs it from the
// repository's root. It exits with status 1 when a check fails, and 2 when
// the soak cannot run (no wrk: apt-get install wrk). See package loadtest
// for what it does and checks.
//
// Usage:
//
//	scholia-loadtest [-root .] [-duration 30s] [-clients 200] [-connections 32] [-threads 2] [-edit-every 300ms] [-v]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/scholia/scholia/generator/internal/loadtest"
)

func main() {
	var cfg loadtest.Config
	flag.StringVar(&cfg.Root, "root", ".", "the repository `folder`, with site.yaml, content/ and templates/")
	flag.DurationVar(&cfg.Duration, "duration", 0, "how long wrk runs (default 30s)")
	flag.IntVar(&cfg.Clients, "clients", 0, "event streams open meanwhile (default 200)")
	flag.IntVar(&cfg.Connections, "connections", 0, "wrk's connections, -c (default 32)")
	flag.IntVar(&cfg.Threads, "threads", 0, "wrk's threads, -t (default 2)")
	flag.DurationVar(&cfg.EditEvery, "edit-every", 0, "time between two edits of an article (default 300ms)")
	verbose := flag.Bool("v", false, "print each step, and wrk's own report")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "scholia-loadtest takes no arguments (got %q)\n", flag.Arg(0))
		os.Exit(2)
	}
	cfg.Log = io.Discard
	if *verbose {
		cfg.Log = os.Stderr
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	r, err := loadtest.Run(ctx, cfg)
	if err != nil {
		fmt.Fprintf(os.Stderr, "scholia-loadtest: %v\n", err)
		os.Exit(2)
	}
	if *verbose || !r.OK() {
		fmt.Fprintf(os.Stderr, "wrk's report:\n%s\n", r.WrkOutput)
	}
	r.Print(os.Stdout)
	if !r.OK() {
		os.Exit(1)
	}
}
