// Command scholia builds annotated articles into a static site.
//
// Run it from the repository root with `go run . build`, or install it with
// `go install`. See package generator/cli for the commands, and README.md for
// the manual.
package main

import (
	"os"

	"github.com/scholia/scholia/generator/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
