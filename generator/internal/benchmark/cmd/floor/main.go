// Command floor is the benchmark's floor: the least a build of a site has
// to do. It reads every .md file under SRC/content, drops its front matter,
// renders the Markdown with the goldmark and chroma setup of Scholia's
// articles (markup.Goldmark) and writes OUT/PATH/index.html, one worker per
// core. No sidecars, no templates, no lists: whatever a Scholia build costs
// beyond this is the price of everything else it does.
//
// # Usage
//
//	floor -src SITE -out FOLDER
//
// The benchmark runner (package benchmark) builds and runs it.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/scholia/scholia/generator/markup"
	"github.com/yuin/goldmark"
)

func main() {
	src := flag.String("src", ".", "the site `folder`")
	out := flag.String("out", "", "the output `folder`")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "floor: -out is required")
		os.Exit(2)
	}
	if err := run(filepath.Join(*src, "content"), *out); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

// run renders every .md file under content into out.
func run(content, out string) error {
	var paths []string
	err := filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("listing %s: %w", content, err)
	}
	md := markup.Goldmark(markup.Options{})
	work := make(chan string)
	errs := make([]error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := range errs {
		wg.Go(func() {
			for p := range work {
				if err := render(md, content, out, p); err != nil && errs[w] == nil {
					errs[w] = err
				}
			}
		})
	}
	for _, p := range paths {
		work <- p
	}
	close(work)
	wg.Wait()
	return errors.Join(errs...)
}

// render writes the page of content/REL.md as out/REL/index.html (and of
// content/REL/index.md as out/REL/index.html).
func render(md goldmark.Markdown, content, out, p string) error {
	src, err := os.ReadFile(p)
	if err != nil {
		return fmt.Errorf("reading: %w", err)
	}
	var html bytes.Buffer
	if err := md.Convert(body(src), &html); err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	rel, err := filepath.Rel(content, strings.TrimSuffix(p, ".md"))
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	if filepath.Base(rel) == "index" {
		rel = filepath.Dir(rel)
	}
	dst := filepath.Join(out, rel, "index.html")
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("writing: %w", err)
	}
	if err := os.WriteFile(dst, html.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing: %w", err)
	}
	return nil
}

// body is src without its front matter (YAML between "---" lines).
func body(src []byte) []byte {
	rest, ok := bytes.CutPrefix(src, []byte("---\n"))
	if !ok {
		return src
	}
	if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
		return rest[i+len("\n---\n"):]
	}
	return src
}
