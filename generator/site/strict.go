package site

import (
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/page"
	"github.com/scholia/scholia/generator/rules"
)

// strict adds to err, what rendering a returned, the publishing rules that
// a breaks when the options are strict (see package rules); art is the
// rendered article, nil when rendering failed. The rules are reported
// with the rendering's content errors, so that an editor fixes a sidecar
// in one round, but never hide an error of the machine.
func (r *run) strict(a *content.Article, art *page.Article, err error) error {
	if !r.opts.Strict || a.Sidecar == nil || (err != nil && !isContentError(err)) {
		return err
	}
	broken := rules.Check(r.cfg, a, art != nil && art.TextChanged)
	if len(broken) == 0 {
		return err
	}
	var errs diag.List
	errs.Add(err)
	errs = append(errs, broken...)
	errs.Sort()
	return errs
}
