package loadtest

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/site"
)

// copySite copies the example site at root (site.yaml when there is one,
// content/ and templates/) into dir, leaving out the Go files of the
// default theme's package, which are no part of a site.
func copySite(root, dir string) error {
	for _, sub := range []string{"content", "templates"} {
		src := os.DirFS(filepath.Join(root, sub))
		err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") {
				return err
			}
			data, err := fs.ReadFile(src, p)
			if err != nil {
				return err
			}
			to := filepath.Join(dir, sub, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				return err
			}
			return os.WriteFile(to, data, 0o644)
		})
		if err != nil {
			return fmt.Errorf("copying the example site: %w", err)
		}
	}
	data, err := os.ReadFile(filepath.Join(root, "site.yaml"))
	switch {
	case os.IsNotExist(err):
		return nil
	case err != nil:
		return err
	}
	return os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644)
}

// sitePaths builds the site at dir into out and returns the URL path of
// every file it wrote, escaped, sorted: what wrk requests. Folders' index
// pages are named by their folder ("/tags/"), as links name them, so that
// none of them answers with a redirect; 404.html, which answers 404 at
// every path but its own, and hidden files (the output's marker) are left
// out.
func sitePaths(dir, out string) ([]string, error) {
	if _, err := site.Build(site.Options{FS: os.DirFS(dir), Out: out, BaseURL: "/"}); err != nil {
		return nil, fmt.Errorf("building the example site: %w", err)
	}
	var paths []string
	err := fs.WalkDir(os.DirFS(out), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") || p == "404.html" {
			return err
		}
		if d.Name() == "index.html" {
			p = strings.TrimSuffix(p, "index.html")
		}
		paths = append(paths, (&url.URL{Path: "/" + p}).EscapedPath())
		return nil
	})
	slices.Sort(paths)
	return paths, err
}

// articles returns the site's articles under dir (content/articles/*.md),
// as slash paths relative to dir: what the editor rewrites.
func articles(dir string) ([]string, error) {
	matches, err := filepath.Glob(filepath.Join(dir, "content", "articles", "*.md"))
	if err != nil {
		return nil, err
	}
	if len(matches) == 0 {
		return nil, fmt.Errorf("the example site has no content/articles/*.md to edit")
	}
	var rel []string
	for _, m := range matches {
		r, err := filepath.Rel(dir, m)
		if err != nil {
			return nil, err
		}
		rel = append(rel, filepath.ToSlash(r))
	}
	slices.Sort(rel)
	return rel, nil
}

// editor rewrites the site's articles in turn, each time with a new last
// sentence, as an author saving as they write.
type editor struct {
	dir      string
	articles []string // slash paths relative to dir
	orig     [][]byte // their text before the first edit
	n        int      // edits made
}

func newEditor(dir string, articles []string) (*editor, error) {
	e := &editor{dir: dir, articles: articles}
	for _, a := range articles {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(a)))
		if err != nil {
			return nil, err
		}
		e.orig = append(e.orig, data)
	}
	return e, nil
}

// marker is the sentence edit n adds: a page shows it once the rebuild is
// served.
func marker(n int) string { return fmt.Sprintf("Load test edit %d.", n) }

// edit makes the next edit and returns the article it rewrote. It writes a
// hidden temporary file, which the watcher ignores, and renames it over
// the article: a rebuild never sees the article half written (empty, its
// quotes not found), which a plain rewrite risks when the machine is
// busy.
func (e *editor) edit() (string, error) {
	e.n++
	i := (e.n - 1) % len(e.articles)
	rel := e.articles[i]
	p := filepath.Join(e.dir, filepath.FromSlash(rel))
	data := fmt.Appendf(bytes.Clone(bytes.TrimRight(e.orig[i], "\n")), "\n\n%s\n", marker(e.n))
	tmp := filepath.Join(filepath.Dir(p), ".loadtest-edit.tmp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return rel, err
	}
	return rel, os.Rename(tmp, p)
}

// run edits every every until ctx is done, and returns the number of
// edits and the first error.
func (e *editor) run(ctx context.Context, every time.Duration) (int, error) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return e.n, nil
		case <-t.C:
			if _, err := e.edit(); err != nil {
				return e.n, fmt.Errorf("editing: %w", err)
			}
		}
	}
}

// pageOf is the URL path of an article's page: content/articles/x.md is
// /articles/x/ (Run refuses a site where a front matter's slug says
// otherwise, rather than check edits on the wrong page).
func pageOf(article string) string {
	return "/articles/" + strings.TrimSuffix(path.Base(article), ".md") + "/"
}
