package theme

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/i18n"
	"github.com/scholia/scholia/generator/markup"
	"github.com/scholia/scholia/generator/page"
	"github.com/scholia/scholia/templates"
)

// pageKinds are the page templates a theme has; each defines "main".
var pageKinds = []string{"article", "page", "home", "404", "tags", "tag", "claims", "ratings", "claim", "claimant", "claimants"}

// Theme is the parsed templates and the assets of a site: the default
// theme with the site's templates/ laid over it file by file.
type Theme struct {
	pages map[string]*template.Template // by page kind, each executed as "base"
	// Catalog is the theme's strings in the site's language.
	Catalog *i18n.Catalog
	// Assets are the files under assets/, by output path
	// ("assets/style.css").
	Assets map[string]File
	// Sum is the hash of every template file: two themes with one Sum
	// make the same pages of the same data.
	Sum [sha256.Size]byte
}

// File is a file of a theme.
type File struct {
	FS   fs.FS
	Name string // in FS
	Site bool   // from the site's templates/, not the default theme
}

// Load reads the default theme and the site's overrides from fsys, with
// the strings of cat. It parses the templates only when they and the
// strings are the same as prev's (nil: none).
func Load(fsys fs.FS, prev *Theme, cat *i18n.Catalog) (*Theme, error) {
	files := map[string]File{}
	add := func(src fs.FS, dir string, over bool) error {
		return fs.WalkDir(src, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel := strings.TrimPrefix(strings.TrimPrefix(p, dir), "/")
			if strings.HasSuffix(rel, ".go") || slices.ContainsFunc(strings.Split(rel, "/"), content.Skip) {
				return nil // hidden files and editors' scratch, as the dev server ignores
			}
			files[rel] = File{src, p, over}
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
	t := &Theme{pages: map[string]*template.Template{}, Assets: map[string]File{}, Catalog: cat}
	var partials []string
	sources := map[string][]byte{}
	h := sha256.New()
	for _, rel := range slices.Sorted(maps.Keys(files)) {
		f := files[rel]
		switch {
		case strings.HasPrefix(rel, "assets/"):
			t.Assets[rel] = f
			continue
		case strings.HasPrefix(rel, "i18n/"):
			continue // in the catalog's Sum
		case strings.HasSuffix(rel, ".html") && !isPageKind(rel):
			partials = append(partials, rel)
		case !isPageKind(rel):
			continue
		}
		b, err := fs.ReadFile(f.FS, f.Name)
		if err != nil {
			return nil, err
		}
		sources[rel] = b
		fmt.Fprintf(h, "%q %v %d\n", rel, f.Site, len(b))
		h.Write(b)
	}
	catSum := cat.Sum()
	h.Write(catSum[:])
	if h.Sum(t.Sum[:0]); prev != nil && prev.Sum == t.Sum {
		t.pages = prev.pages
		return t, nil
	}
	base := template.New("").Funcs(funcs).Funcs(catalogFuncs(cat))
	for _, rel := range partials {
		if err := parseInto(base, files[rel], rel, sources[rel]); err != nil {
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
		if err := parseInto(page, f, kind+".html", sources[kind+".html"]); err != nil {
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
func parseInto(t *template.Template, f File, rel string, b []byte) error {
	if _, err := t.New(rel).Parse(string(b)); err != nil {
		if f.Site {
			return &diag.Error{Path: "templates/" + rel, Msg: err.Error(), Err: err}
		}
		return err
	}
	return nil
}

// Execute renders a page with its kind's template into w.
func (t *Theme) Execute(w io.Writer, p *page.Page) error {
	if err := t.pages[p.Kind].ExecuteTemplate(w, "base", p); err != nil {
		return templateError(err, p.Kind+".html")
	}
	return nil
}

// templateError points an error of executing a template at its file.
func templateError(err error, name string) error {
	var te *template.Error
	if errors.As(err, &te) {
		return &diag.Error{Path: "templates/" + te.Name, Line: te.Line, Msg: te.Description, Err: err}
	}
	return fmt.Errorf("template %s: %w", name, err)
}

// Notes executes the theme's "claim-ref", "margin-note" and
// "claim-disclosure" templates for claim c: what the article body shows of
// it beside the text.
func (t *Theme) Notes(c *page.Claim) (markup.Notes, error) {
	var ns markup.Notes
	for _, f := range []struct {
		name string
		out  *[]byte
	}{{"claim-ref", &ns.Ref}, {"margin-note", &ns.Margin}, {"claim-disclosure", &ns.Disclosure}} {
		var b bytes.Buffer
		if err := t.pages["article"].ExecuteTemplate(&b, f.name, c); err != nil {
			return ns, templateError(err, f.name)
		}
		*f.out = bytes.TrimSpace(b.Bytes())
	}
	return ns, nil
}

// catalogFuncs are the functions of templates that speak the site's
// language.
func catalogFuncs(cat *i18n.Catalog) template.FuncMap {
	return template.FuncMap{
		// t is a theme string: {{t "claims_reviewed" "n" 3}}.
		"t": cat.T,
		// date shows a date as readers of the language expect.
		"date": cat.Date,
		// join lists names: "A", "A and B", "A, B and C".
		"join": cat.Join,
		// dir is "ltr" or "rtl", for <html dir>.
		"dir": cat.Dir,
		// ts is t as plain text, for JSON and attributes.
		"ts": cat.String,
		// timeel is a date as a <time> element, to pass to t.
		"timeel": func(t time.Time) template.HTML {
			return template.HTML(`<time datetime="` + t.Format("2006-01-02") + `">` + html.EscapeString(cat.Date(t)) + `</time>`)
		},
	}
}

var funcs = template.FuncMap{
	// isodate is the machine form for <time datetime>.
	"isodate": func(t time.Time) string { return t.Format("2006-01-02") },
	// phrasing is a rendered note as phrasing content, for a margin note.
	"phrasing": func(h template.HTML) template.HTML { return template.HTML(markup.Phrasing([]byte(h))) },
	// copynote is a rendered note without its ids, for a second copy.
	"copynote": func(h template.HTML) template.HTML { return template.HTML(markup.WithoutIDs([]byte(h))) },
	// dict makes a map of its key, value arguments, to pass several values
	// to a template.
	"dict": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, errors.New("dict wants key, value pairs")
		}
		m := make(map[string]any, len(kv)/2)
		for i := 0; i < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
			}
			m[k] = kv[i+1]
		}
		return m, nil
	},
	// link is a link as HTML, to pass to t: {{t "see" "link" (link URL TYPE TEXT)}}.
	"link": func(href, typ, text string) template.HTML {
		a := `<a href="` + html.EscapeString(href) + `"`
		if typ != "" {
			a += ` type="` + html.EscapeString(typ) + `"`
		}
		return template.HTML(a + `>` + html.EscapeString(text) + `</a>`)
	},
	// add adds, for 1-based page numbers in templates.
	"add": func(a, b int) int { return a + b },
}
