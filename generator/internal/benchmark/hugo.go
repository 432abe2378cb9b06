package benchmark

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// hugoMissing is what the table says in place of Hugo's figures when there
// is no hugo to run.
const hugoMissing = "hugo: not installed (apt-get install hugo)"

// findHugo is the hugo command to run, or "" when there is none.
func findHugo(name string) string {
	if name == "" {
		name = "hugo"
	}
	p, err := exec.LookPath(name)
	if err != nil {
		return ""
	}
	return p
}

// hugoFiles is a minimal Hugo site: no theme, one base layout, and
// highlighting with CSS classes as Scholia does. Hugo's own outputs (the
// home page, sections, tags and their pages, RSS, a sitemap) stay on,
// like Scholia's lists, feed and sitemap.
var hugoFiles = map[string]string{
	"hugo.toml": `baseURL = "http://localhost/"
title = "Synthetic archive"
paginate = 20
[markup.highlight]
noClasses = false
`,
	"layouts/_default/baseof.html": `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>{{ block "main" . }}{{ end }}</body></html>
`,
	"layouts/_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1>
<time>{{ .Date.Format "2006-01-02" }}</time>
<div class="article-body">{{ .Content }}</div></article>{{ end }}
`,
	"layouts/_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ul>{{ end }}
`,
}

// hugoSite makes dir a Hugo site of the articles of the Scholia site src:
// the layout above and a copy of its Markdown files. Sidecars are left out,
// since Hugo has nothing to do with them.
func hugoSite(src, dir string) error {
	for name, text := range hugoFiles {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("hugo site: %w", err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return fmt.Errorf("hugo site: %w", err)
		}
	}
	content := filepath.Join(src, "content")
	err := filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		return fmt.Errorf("hugo site: %w", err)
	}
	return nil
}
