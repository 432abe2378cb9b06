package site

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/templates"
)

// pageKinds are the page templates a theme has; each defines "main".
var pageKinds = []string{"article", "page", "home", "404", "tags", "tag", "claims", "ratings"}

// theme is the parsed templates and the assets of a site: the default theme
// with the site's templates/ laid over it file by file.
type theme struct {
	pages  map[string]*template.Template // by page kind, each executed as "base"
	assets map[string]themeFile          // "assets/style.css" -> where it is
}

type themeFile struct {
	fsys fs.FS
	name string
	over bool // from the site, not the default theme
}

// loadTheme reads the default theme and the site's overrides from fsys.
func loadTheme(fsys fs.FS) (*theme, error) {
	files := map[string]themeFile{}
	add := func(src fs.FS, dir string, over bool) error {
		return fs.WalkDir(src, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel := strings.TrimPrefix(strings.TrimPrefix(p, dir), "/")
			if strings.HasSuffix(rel, ".go") || strings.HasPrefix(path.Base(rel), ".") {
				return nil
			}
			files[rel] = themeFile{src, p, over}
			return nil
		})
	}
	if err := add(templates.FS, ".", false); err != nil {
		return nil, err
	}
	if _, err := fs.Stat(fsys, "templates"); err == nil {
		if err := add(fsys, "templates", true); err != nil {
			return nil, err
		}
	}
	t := &theme{pages: map[string]*template.Template{}, assets: map[string]themeFile{}}
	base := template.New("").Funcs(funcs)
	var partials []string
	for rel, f := range files {
		switch {
		case strings.HasPrefix(rel, "assets/"):
			t.assets[rel] = f
		case strings.HasSuffix(rel, ".html") && !isPageKind(rel):
			partials = append(partials, rel)
		}
	}
	sort.Strings(partials)
	for _, rel := range partials {
		if err := parseInto(base, files[rel], rel); err != nil {
			return nil, err
		}
	}
	for _, kind := range pageKinds {
		f, ok := files[kind+".html"]
		if !ok {
			return nil, fmt.Errorf("theme has no %s.html", kind)
		}
		page, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if err := parseInto(page, f, kind+".html"); err != nil {
			return nil, err
		}
		t.pages[kind] = page
	}
	return t, nil
}

func isPageKind(rel string) bool {
	for _, k := range pageKinds {
		if rel == k+".html" {
			return true
		}
	}
	return false
}

// parseInto parses one template file, pointing errors in a site's own
// templates at templates/NAME.
func parseInto(t *template.Template, f themeFile, rel string) error {
	b, err := fs.ReadFile(f.fsys, f.name)
	if err != nil {
		return err
	}
	if _, err := t.New(rel).Parse(string(b)); err != nil {
		if f.over {
			return &diag.Error{Path: "templates/" + rel, Msg: err.Error(), Err: err}
		}
		return err
	}
	return nil
}

// execute renders a page with its kind's template.
func (t *theme) execute(p *Page) ([]byte, error) {
	var buf bytes.Buffer
	if err := t.pages[p.Kind].ExecuteTemplate(&buf, "base", p); err != nil {
		var te *template.Error
		if errors.As(err, &te) {
			return nil, &diag.Error{Path: "templates/" + te.Name, Line: te.Line, Msg: te.Description, Err: err}
		}
		return nil, fmt.Errorf("template %s.html: %w", p.Kind, err)
	}
	return buf.Bytes(), nil
}

var funcs = template.FuncMap{
	// date shows a date as readers expect: "20 November 2026".
	"date": func(t time.Time) string { return t.Format("2 January 2006") },
	// isodate is the machine form for <time datetime>.
	"isodate": func(t time.Time) string { return t.Format("2006-01-02") },
	// join lists names: "A", "A and B", "A, B and C".
	"join": func(xs []string) string {
		switch len(xs) {
		case 0:
			return ""
		case 1:
			return xs[0]
		}
		return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
	},
	// add adds, for 1-based page numbers in templates.
	"add": func(a, b int) int { return a + b },
	// plural picks the singular or plural form of a noun for n.
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	},
}
