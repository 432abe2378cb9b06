package site

import (
	"fmt"
	"io/fs"

	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/i18n"
	"github.com/scholia/scholia/generator/markup"
	"github.com/scholia/scholia/generator/page"
	"github.com/scholia/scholia/generator/theme"
	"github.com/scholia/scholia/templates"
)

// scaleHTML holds, by name, the HTML of each of the site's scales as a
// Markdown page includes it with {{< scale NAME >}}: the theme's "scale"
// partial, which ratings.html shows the scales with too. It is made once
// per run, before any page, and the run's configuration key hashes it, so
// a page that includes a scale is made again whenever what it shows
// changes (the scales in site.yaml, their translations or scale.html).
type scaleHTML map[string][]byte

// makeScales executes the theme's scale partial for every scale a
// shortcode may name. Its .Site has no menu, which is made later and does
// not bear on a scale.
func makeScales(th *theme.Theme, cfg *config.Config) (scaleHTML, error) {
	s := page.NewSite(cfg, nil)
	out := scaleHTML{}
	for _, name := range markup.ScaleNames() {
		b, err := th.Scale(s, name)
		if err != nil {
			return nil, err
		}
		out[name] = b
	}
	return out, nil
}

// scale is markup.Options.Scale.
func (h scaleHTML) scale(which string) ([]byte, error) {
	b, ok := h[which]
	if !ok {
		return nil, fmt.Errorf("no scale %q", which)
	}
	return b, nil
}

// shortcodeErrors places the shortcode errors of the page at path in its
// file, whose lines the body keeps.
func shortcodeErrors(path string, codes markup.ShortcodeErrors) diag.List {
	var errs diag.List
	for _, c := range codes {
		errs.Add(&diag.Error{Path: path, Line: c.Line, Col: c.Col, Msg: c.Msg, Err: c})
	}
	return errs
}

// DefaultScales returns the scales of a site in language lang whose
// site.yaml sets none, as its pages show them: package config's grades
// with the labels and descriptions of the theme's strings in lang (with
// the overrides of fsys's templates/i18n/; fsys may be nil). scholia new
// site writes them out in full.
func DefaultScales(fsys fs.FS, lang string) (claim, article config.Scale, err error) {
	cat, err := i18n.Load(templates.FS, fsys, lang)
	if err != nil {
		return nil, nil, err
	}
	cfg := config.Default()
	translateScales(cfg, cat)
	return cfg.Scales.Claim, cfg.Scales.Article, nil
}
