package site

import (
	"io/fs"
	"sort"

	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/markup"
	"github.com/scholia/scholia/generator/outdir"
)

// copies puts the site's other files, the theme's assets and the code
// stylesheet into the output. A site's file wins over a theme asset of the
// same name.
func (r *run) copies(static []content.File, embedded *fileCache) diag.List {
	type cp struct {
		rel, name string
		fsys      fs.FS
		files     *fileCache
	}
	var all []cp
	for _, f := range static {
		if r.claim(f.Out, owner{kind: ownerStatic, path: f.Path, name: f.Path}) {
			all = append(all, cp{f.Out, f.Path, r.opts.FS, r.files})
		}
	}
	for _, rel := range sortedKeys(r.theme.Assets) {
		f := r.theme.Assets[rel]
		files := embedded
		if f.Site {
			files = r.files
		}
		by := owner{kind: ownerMade, name: "the default theme's " + rel + " (to replace it, put yours at templates/" + rel + ")"}
		if f.Site {
			by = owner{kind: ownerMade, path: f.Name, name: f.Name}
		}
		if r.claim(rel, by) {
			all = append(all, cp{rel, f.Name, f.FS, files})
		}
	}
	errs := forEach(len(all), nil, func(i int) string { return all[i].name }, func(i int) error {
		c := all[i]
		sum, err := c.files.sum(c.fsys, c.name)
		if err != nil {
			return err
		}
		k := newKeyer("copy")
		k.key(sum)
		if r.keep(c.rel, k.sum()) {
			return nil
		}
		if _, err := outdir.CleanRel(c.rel); err != nil {
			return err
		}
		if err := r.sink.copy(c.rel, k.sum(), c.fsys, c.name); err != nil {
			return err
		}
		r.count(func(s *Stats) { s.Written++ })
		return nil
	})
	css := newKeyer("code.css")
	if r.claim("assets/code.css", owner{kind: ownerMade, name: "the code stylesheet scholia makes"}) && !r.keep("assets/code.css", css.sum()) {
		errs.Add(r.put("assets/code.css", css.sum(), markup.Stylesheet()))
	}
	return errs
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
