// Command scholia-screenshots photographs the example site's article and
// the Arabic test site's in headless Chromium, light and dark, wide and
// narrow, on screen and printed, and prints the path of each file it
// writes: `make screenshots` runs it from the repository's root. It exits
// with status 1 when a step fails and 2 when it cannot start (no Chromium,
// or -root is not the repository). See package screenshots for the files.
//
// Usage:
//
//	scholia-screenshots [-root .]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/scholia/scholia/generator/internal/screenshots"
)

func main() {
	root := flag.String("root", ".", "the repository `folder`, with site.yaml, content/ and generator/site/testdata/")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "scholia-screenshots takes no arguments (got %q)\n", flag.Arg(0))
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	dir, files, err := screenshots.Run(ctx, *root, os.Stdout)
	if err != nil {
		fmt.Fprintf(os.Stderr, "scholia-screenshots: %v\n", err)
		if errors.Is(err, screenshots.ErrNoChromium) || errors.Is(err, screenshots.ErrNotRoot) {
			os.Exit(2)
		}
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "%d files in %s\n", len(files), dir)
}
