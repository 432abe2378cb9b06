package site

import (
	"bytes"
	"errors"
	"sync"

	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/markup"
	"github.com/scholia/scholia/generator/page"
)

// article brings one article's outputs up to date: kept when the sink
// already holds them under the same keys, otherwise rendered, executed and
// written, then dropped. Only its record stays in memory.
func (r *run) article(j *job) error {
	if j.rec != nil && !j.kept {
		r.record(j.in, j.rec)
		return nil
	}
	pageKey, annoKey := r.articleKeys(j.in)
	if rec := j.rec; rec != nil && r.keepAll(rec, pageKey, annoKey) {
		r.record(j.in, rec)
		r.count(func(s *Stats) { s.Reused++ })
		return nil
	}
	a := j.parsed
	j.parsed = nil // pages without a sidecar are few, but need not stay
	if a == nil {
		var err error
		if a, j.kept, j.in, err = r.load(j.path, j.sidecar); err != nil {
			return r.withQuoteErrors(a, err)
		}
		if !j.kept {
			j.rec = newRecord(nil, a, nil, false)
			r.record(j.in, j.rec)
			return nil
		}
		pageKey, annoKey = r.articleKeys(j.in)
	}
	art, anno, err := renderArticle(r.markdown(a), r.theme, r.site, a)
	if err := r.strict(a, art, err); err != nil {
		return err
	}
	j.rec = newRecord(r.site, a, art, anno != nil)
	r.count(func(s *Stats) { s.Rendered++ })
	if !a.Home && r.claim(a.OutPath, pageOwner(a.Path)) {
		if err := r.articlePage(a.OutPath, pageKey, a, art); err != nil {
			return err
		}
	}
	if err := r.claimPages(a, art, pageKey, j.rec.Cards); err != nil {
		return err
	}
	if anno != nil && r.claim(AnnotationsPath(a.OutPath), annoOwner(a.Path)) {
		if err := r.put(AnnotationsPath(a.OutPath), annoKey, anno); err != nil {
			return err
		}
	}
	r.record(j.in, j.rec)
	return nil
}

// withQuoteErrors adds to the errors of a sidecar that did not load the
// errors of the quotes of its other claims, which loaded: an editor fixes
// a file in one round, not one round per kind of mistake.
func (r *run) withQuoteErrors(a *content.Article, err error) error {
	var errs diag.List
	if a == nil || a.Sidecar == nil || len(a.Sidecar.Claims) == 0 || !errors.As(err, &errs) {
		return err
	}
	for _, e := range errs {
		if e.Path != a.Sidecar.Path {
			return err // the article itself has problems: its quotes cannot be told
		}
	}
	_, _, rerr := renderArticle(r.markdown(a), r.theme, r.site, a)
	var more diag.List
	if !errors.As(rerr, &more) {
		return err
	}
	all := append(append(diag.List(nil), errs...), more...)
	all.Sort()
	return all
}

// keepAll keeps every output of an article from an earlier run, if the
// sink holds them all under the keys they would have now.
func (r *run) keepAll(rec *record, pageKey, annoKey key) bool {
	type out struct {
		rel string
		k   key
		by  owner
	}
	var outs []out
	if !rec.Home {
		outs = append(outs, out{rec.OutPath, pageKey, pageOwner(rec.Path)})
	}
	if rec.Annotated {
		outs = append(outs, out{AnnotationsPath(rec.OutPath), annoKey, annoOwner(rec.Path)})
	}
	for i, id := range rec.Claims {
		outs = append(outs, out{claimPageRel(rec.URLPath, id), claimKey(pageKey, id), claimOwner(rec.Path)})
		if i < len(rec.Cards) {
			outs = append(outs, out{cardRel(rec.URLPath, id), rec.Cards[i], claimOwner(rec.Path)})
		}
	}
	for _, o := range outs {
		if !r.claim(o.rel, o.by) {
			return true // CheckOutputs reports the clash
		}
	}
	for _, o := range outs {
		if !r.keep(o.rel, o.k) {
			return false
		}
	}
	return true
}

// articleKeys are the keys of an article's page (its inputs, the theme and
// .Site) and of its annotations (its inputs alone).
func (r *run) articleKeys(in key) (page, anno key) {
	k := newKeyer("article page")
	k.key(in)
	k.bytes(r.theme.Sum[:])
	k.key(r.siteKey)
	a := newKeyer("annotations")
	a.key(in)
	return k.sum(), a.sum()
}

// articlePage executes the page of one rendered article and puts it at
// rel under k.
func (r *run) articlePage(rel string, k key, a *content.Article, art *page.Article) error {
	kind := "page"
	if art.Annotated {
		kind = "article"
	}
	return r.execute(rel, k, &page.Page{
		Site: r.site, Kind: kind, Title: art.Title, Description: art.Description,
		URL: r.site.URL(a.URLPath), Permalink: r.site.Permalink(a.URLPath), Article: art,
	})
}

// pageBuffers hold pages while they are executed and written; a page is
// dropped as soon as the sink has it, so a few buffers serve a whole build.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// execute executes p and puts it at rel under k.
func (r *run) execute(rel string, k key, p *page.Page) error {
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(buf)
	buf.Reset()
	if err := r.theme.Execute(buf, p); err != nil {
		return err
	}
	return r.put(rel, k, buf.Bytes())
}

func pageOwner(path string) owner { return owner{kind: ownerPage, path: path, name: path} }

func annoOwner(path string) owner {
	return owner{kind: ownerMade, path: path, of: "the annotations of "}
}

// markdown is the renderer of a's body: with the typographer unless the
// site or the article turns it off, so that a text reviewed reads as it
// was published.
func (r *run) markdown(a *content.Article) *markup.Renderer {
	on := r.cfg.Typographer
	if t := a.Front.Typographer; t != nil {
		on = *t
	}
	if on {
		return r.md
	}
	return r.mdAsWritten
}
