// Command scholia-bench runs the benchmark of package benchmark and prints
// its report as Markdown on standard output; progress goes to standard
// error. `make bench` runs it from the repository root.
//
// # Usage
//
//	go run ./generator/internal/benchmark/cmd/scholia-bench [-sizes 1000,10000] [-runs 3] [-serve] [-hugo PATH] [-seed 1]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"github.com/scholia/scholia/generator/internal/benchmark"
)

func main() {
	sizes := flag.String("sizes", "1000,10000", "archive sizes in articles, comma-separated")
	runs := flag.Int("runs", 3, "runs of each build (the table shows medians)")
	serve := flag.Bool("serve", false, "measure save-to-screen with the dev servers in headless Chromium")
	hugo := flag.String("hugo", "", "the hugo `command` (default: hugo on PATH)")
	seed := flag.Int64("seed", 1, "the archives' seed")
	flag.Parse()
	cfg := benchmark.Config{Runs: *runs, Seed: *seed, Serve: *serve, Hugo: *hugo, Log: os.Stderr}
	for f := range strings.SplitSeq(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "scholia-bench: -sizes: %q is not a number of articles\n", f)
			os.Exit(2)
		}
		cfg.Sizes = append(cfg.Sizes, n)
	}
	if *runs < 1 {
		fmt.Fprintln(os.Stderr, "scholia-bench: -runs must be at least 1")
		os.Exit(2)
	}
	// The repository root, where `go build` finds the scholia command.
	root, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "scholia-bench: finding the module (run it inside the repository):", err)
		os.Exit(1)
	}
	cfg.Root = strings.TrimSpace(string(root))
	if err := benchmark.Run(cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "scholia-bench:", err)
		os.Exit(1)
	}
}
