package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/strictyaml"
)

// File is the name of the configuration file at the root of a site.
const File = "site.yaml"

// Load reads site.yaml at the root of fsys. A site without one gets
// Default(). Problems are returned together as a diag.List whose positions
// are in site.yaml.
func Load(fsys fs.FS) (*Config, error) {
	if info, err := fs.Stat(fsys, File); err == nil && info.Size() > DefaultLimits().FileSize {
		return nil, diag.List{{Path: File, Msg: fmt.Sprintf("the configuration is %s, more than the %s a site.yaml may be: it holds settings, not content",
			FormatSize(info.Size()), FormatSize(DefaultLimits().FileSize))}}
	}
	data, err := fs.ReadFile(fsys, File)
	if errors.Is(err, fs.ErrNotExist) {
		if _, yerr := fs.Stat(fsys, "site.yml"); yerr == nil {
			return nil, diag.List{{Path: "site.yml", Line: 1, Col: 1,
				Msg: "the configuration file is named site.yaml: rename site.yml to site.yaml"}}
		}
		return Default(), nil
	}
	if err != nil {
		return nil, diag.List{{Path: File, Msg: "cannot read the configuration: " + err.Error(), Err: err}}
	}
	return Decode(File, data)
}

var siteKeys = []string{"title", "base_url", "language", "description", "publisher",
	"unsafe_html", "share_cards", "typographer", "paginate", "params", "scales", "limits"}

// Decode reads the text of a site.yaml; path names it in errors. Keys left
// out get their default.
func Decode(path string, data []byte) (*Config, error) {
	cfg := Default()
	d, root := strictyaml.Parse(path, data, 1, 0)
	m := d.Map(root, "site.yaml", "", siteKeys...)

	cfg.Title = d.String(m.Get("title"), "title")
	cfg.Description = d.String(m.Get("description"), "description")
	if n := m.Get("base_url"); n.Given() {
		s := d.String(n, "base_url")
		if b, err := NormalizeBaseURL(s); err != nil {
			d.Errorf(n, "%s", err.Error())
		} else {
			cfg.BaseURL = b
		}
	}
	if n := m.Get("language"); n.Given() {
		s := strings.TrimSpace(d.String(n, "language"))
		if tag, err := language.Parse(s); err != nil || s == "" {
			d.Errorf(n, "language %q is not a BCP 47 language tag: write one like en, fr or pt-BR", s)
		} else {
			// The canonical form: en_US and EN-us are read, but <html lang>
			// wants en-US.
			cfg.Language = tag.String()
		}
	}
	pub := d.Map(m.Get("publisher"), "publisher", "", "name", "url", "logo")
	cfg.Publisher = Publisher{
		Name: d.String(pub.Get("name"), "name"),
		URL:  d.URL(pub.Get("url"), "url"),
		Logo: d.URL(pub.Get("logo"), "logo"),
	}
	cfg.UnsafeHTML = d.Bool(m.Get("unsafe_html"), "unsafe_html")
	if n := m.Get("share_cards"); n.Given() {
		cfg.ShareCards = d.Bool(n, "share_cards")
	}
	if n := m.Get("typographer"); n.Given() {
		cfg.Typographer = d.Bool(n, "typographer")
	}
	if n := m.Get("paginate"); n.Given() {
		if v, ok := d.Int(n, "paginate"); ok {
			if v < 1 {
				d.Errorf(n, "paginate must be 1 or more (articles per list page), not %d", v)
			} else {
				cfg.Paginate = v
			}
		}
	}
	if n := m.Get("params"); n.Given() {
		if p, ok := d.Any(n).(map[string]any); ok {
			cfg.Params = p
		} else {
			d.Errorf(n, "params must be a mapping of \"key: value\" lines")
		}
	}
	scales := d.Map(m.Get("scales"), "scales", "", "claim", "article")
	if scales.Has("claim") {
		cfg.Scales.Claim = decodeScale(d, scales.Get("claim"), "claim")
		cfg.Scales.ClaimGiven = true
	}
	if scales.Has("article") {
		cfg.Scales.Article = decodeScale(d, scales.Get("article"), "article")
		cfg.Scales.ArticleGiven = true
	}
	decodeLimits(d, m.Get("limits"), &cfg.Limits)
	if err := d.Err(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// decodeScale reads one scale and checks its ids, labels and values.
func decodeScale(d *strictyaml.Decoder, n strictyaml.Node, name string) Scale {
	items := d.Seq(n, "scales."+name)
	if len(items) == 0 {
		if n.Given() {
			d.Errorf(n, "the %s scale is empty: list its grades, best first, or remove it to use the default scale", name)
		} else {
			d.Errorf(n, "the %s scale is empty: list its grades, best first, or remove %q to use the default scale", name, name)
		}
		return nil
	}
	var scale Scale
	ids := map[string]int{}    // id -> line
	values := map[int]string{} // value -> id
	for _, item := range items {
		m := d.Map(item, "grade", "", "id", "label", "value", "description", "glyph")
		g := Grade{
			ID:          strings.TrimSpace(d.String(m.Get("id"), "id")),
			Label:       strings.TrimSpace(d.String(m.Get("label"), "label")),
			Description: d.String(m.Get("description"), "description"),
			Glyph:       strings.TrimSpace(d.String(m.Get("glyph"), "glyph")),
		}
		if utf8.RuneCountInString(g.Glyph) > 3 {
			d.Errorf(m.Get("glyph"), "glyph %q of grade %q is longer than 3 characters: a glyph is a short sign beside a note's number, such as ✓", g.Glyph, g.ID)
		}
		switch {
		case !item.Given():
			d.Errorf(item, "a grade of the %s scale is empty: give it an id and a label", name)
			continue
		case !m.Get("id").Given():
			d.Errorf(item, "a grade of the %s scale has no id: add id: (lowercase letters, digits and -)", name)
		case !ValidID(g.ID):
			d.Errorf(m.Get("id"), "grade id %q may use only lowercase letters, digits and -%s", g.ID, suggestion(g.ID))
		default:
			if line, dup := ids[g.ID]; dup {
				d.Errorf(m.Get("id"), "duplicate grade id %q in the %s scale (first at line %d): ids must be unique", g.ID, name, line)
			} else {
				ids[g.ID], _ = d.FilePos(m.Get("id"))
			}
		}
		if g.Label == "" && item.Given() {
			at := m.Get("label")
			if !at.Exists() {
				at = item
			}
			d.Errorf(at, "grade %q has no label: add label: with the text readers see", g.ID)
		}
		if v, ok := d.Int(m.Get("value"), "value"); ok {
			if other, dup := values[v]; dup {
				d.Errorf(m.Get("value"), "value %d is already the value of grade %q: values must be unique in a scale", v, other)
			} else {
				values[v] = g.ID
			}
			g.Value = &v
		}
		scale = append(scale, g)
	}
	return scale
}

// suggestion proposes a valid id for a message, or nothing.
func suggestion(id string) string {
	if s := SuggestID(id); s != "" && s != id {
		return fmt.Sprintf(", like %q", s)
	}
	return ""
}

// AbsoluteBase reports whether base_url has a scheme and a host, so that
// the site's pages can be named from outside it.
func (c *Config) AbsoluteBase() bool {
	u, err := url.Parse(c.BaseURL)
	return err == nil && u.Scheme != "" && u.Host != ""
}

// NormalizeBaseURL checks a base URL, a path from the server's root or a
// full http(s) URL, and returns it ending in "/". An empty s gives "/".
func NormalizeBaseURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "/", nil
	}
	if strings.HasPrefix(s, "/") {
		if strings.HasPrefix(s, "//") {
			return "", fmt.Errorf("base_url %q has no scheme: write https://%s or a path like /blog/", s, strings.TrimLeft(s, "/"))
		}
		u, err := url.Parse(s)
		if err != nil || u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(s, " \t\n?#") {
			return "", fmt.Errorf("base_url %q is not a valid path: write one like /blog/", s)
		}
	} else {
		if err := strictyaml.CheckURL(s); err != nil {
			return "", fmt.Errorf("base_url %q %s, or a path like /blog/", s, err.Error())
		}
		u, _ := url.Parse(s)
		if u.RawQuery != "" || u.Fragment != "" {
			return "", fmt.Errorf("base_url %q must not have a query or a fragment: remove what follows ? or #", s)
		}
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, nil
}
