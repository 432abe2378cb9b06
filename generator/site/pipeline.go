package site

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/i18n"
	"github.com/scholia/scholia/generator/markup"
	"github.com/scholia/scholia/generator/outdir"
	"github.com/scholia/scholia/generator/page"
	"github.com/scholia/scholia/generator/theme"
	"github.com/scholia/scholia/templates"
)

// run is one pass of the pipeline over a site: walk, load and parse each
// file, anchor and render each article, execute each page, write. build,
// check and serve all run it; they differ only in the sink that takes the
// outputs and in the records of earlier runs they start from.
type run struct {
	opts        Options
	cfg         *config.Config
	cfgKey      key // the configuration and the options that change what is built
	theme       *theme.Theme
	md          *markup.Renderer
	mdAsWritten *markup.Renderer // md without the typographer, for texts reproduced as written
	site        *page.Site
	siteKey     key // cfgKey and the menu: everything of .Site
	sink        sink
	files       *fileCache      // the site's files
	embedded    *fileCache      // the default theme's
	prev        map[key]*record // records of the last run, by input key
	next        map[key]*record // records of this run
	mu          sync.Mutex      // guards next, plan, clashes, lists and stats
	plan        map[string]owner
	clashes     map[string]clash
	// dirs holds, for each folder of the planned outputs, one path under
	// it: a file planned where another output needs a folder clashes.
	dirs map[string]string
	// folds holds each planned path and folder by its case-folded NFC
	// form, to find paths that differ only in case or Unicode form.
	folds map[string]string
	// scanned is the walk of content/: given by the dev server when no
	// file came or went, made by the run otherwise.
	scanned *content.Tree
	// The list pages of the last run and of this one.
	prevLists, listed listSet
	stats             Stats
	done              atomic.Int64
}

// Stats counts what a run made and what it reused.
type Stats struct {
	Rendered, Reused int // articles rendered, articles whose outputs were kept
	Written, Kept    int // outputs written, outputs kept from an earlier run
}

// embeddedFiles knows the hashes of the default theme's files, which
// never change while the program runs.
var embeddedFiles = newFileCache()

// job is one article on its way through the pipeline.
type job struct {
	path      string
	sidecar   bool
	in        key
	rec       *record
	parsed    *content.Article // parsed early: pages without a sidecar make the menu
	parseErr  error
	kept      bool
	renderErr error
}

// newRun loads the configuration and the theme: what every page depends
// on. prevTheme is reused when the templates are unchanged.
func newRun(opts Options, snk sink, files *fileCache, prev map[key]*record, prevTheme *theme.Theme) (*run, error) {
	cfg, err := config.Load(opts.FS)
	if err != nil {
		return nil, err
	}
	if cfg.Title == "" {
		// An empty title leaves every <title> with an empty suffix and
		// the home link without a name.
		cfg.Title = opts.Name
	}
	if opts.BaseURL != "" {
		if cfg.BaseURL, err = config.NormalizeBaseURL(opts.BaseURL); err != nil {
			return nil, fmt.Errorf("-base-url: %w", err)
		}
	}
	cat, err := i18n.Load(templates.FS, opts.FS, cfg.Language)
	if err != nil {
		return nil, err
	}
	translateScales(cfg, cat)
	k := newKeyer("config")
	k.value(cfg)
	catSum := cat.Sum()
	k.bytes(catSum[:])
	k.bool(opts.Drafts)
	k.bool(opts.Future)
	// The rules see only what is rendered: a record kept from a run
	// without them says nothing of whether the article passes them.
	k.bool(opts.Strict)
	th, err := theme.Load(opts.FS, prevTheme, cat)
	if err != nil {
		return nil, err
	}
	scales, err := makeScales(th, cfg)
	if err != nil {
		return nil, err
	}
	k.value(scales)
	if prev == nil {
		prev = map[key]*record{}
	}
	return &run{
		opts: opts, cfg: cfg, cfgKey: k.sum(), theme: th,
		md: markup.New(markup.Options{Unsafe: cfg.UnsafeHTML, Limits: cfg.Limits.Markdown, SearchWork: cfg.Limits.SearchWork,
			TaskLabels: taskLabels(cat), Scale: scales.scale}),
		mdAsWritten: markup.New(markup.Options{Unsafe: cfg.UnsafeHTML, Limits: cfg.Limits.Markdown, SearchWork: cfg.Limits.SearchWork,
			TaskLabels: taskLabels(cat), Scale: scales.scale, NoTypographer: true}),
		sink: snk, files: files, embedded: embeddedFiles, prev: prev, next: map[key]*record{}, plan: make(map[string]owner, outputsHint*len(prev)), clashes: map[string]clash{},
		dirs: make(map[string]string, outputsHint*len(prev)), folds: make(map[string]string, outputsHint*len(prev)),
	}, nil
}

// outputsHint is about how many outputs an article makes (its page, its
// annotations, its claims' pages and cards): the maps that plan them are
// sized from the last run's records, not grown from nothing on each save.
const outputsHint = 20

// taskLabels are the accessible names of task list boxes in the site's
// language.
func taskLabels(cat *i18n.Catalog) (labels [2]string) {
	for i, key := range []string{"task_done", "task_not_done"} {
		labels[i], _ = cat.String(key)
	}
	return labels
}

// translateScales gives the default scales, which site.yaml does not
// replace, the labels and descriptions of the site's language.
func translateScales(cfg *config.Config, cat *i18n.Catalog) {
	for _, sc := range []struct {
		scale config.Scale
		given bool
	}{{cfg.Scales.Claim, cfg.Scales.ClaimGiven}, {cfg.Scales.Article, cfg.Scales.ArticleGiven}} {
		if sc.given {
			continue
		}
		for i := range sc.scale {
			g := &sc.scale[i]
			if s, err := cat.String("grade." + g.ID); err == nil {
				g.Label = s
			}
			if s, err := cat.String("grade." + g.ID + ".description"); err == nil {
				g.Description = s
			}
		}
	}
}

// all runs the whole pipeline. It returns every content error; the sink
// holds whatever succeeded, and must not be published when errs is not
// empty.
func (r *run) all() (errs diag.List) {
	tree, errs := r.scanned, diag.List(nil)
	if tree == nil {
		tree, errs = content.Scan(r.opts.FS)
		if r.opts.Warn != nil {
			if _, err := fs.Stat(r.opts.FS, config.File); errors.Is(err, fs.ErrNotExist) {
				r.opts.Warn(&diag.Error{Path: config.File, Warning: true,
					Msg: fmt.Sprintf("the site has no site.yaml, so it is titled %q: add one with a title and base_url", r.cfg.Title)})
			}
			if r.opts.Out != "" && !r.cfg.AbsoluteBase() {
				r.opts.Warn(pathOnlyBase(r.cfg.BaseURL))
			}
			for _, w := range tree.Warnings {
				r.opts.Warn(w)
			}
			for _, w := range r.theme.Catalog.Warnings() {
				r.opts.Warn(w)
			}
		}
	}
	r.scanned = tree
	if r.opts.Sized != nil {
		r.opts.Sized(len(tree.Articles))
	}
	jobs := make([]*job, len(tree.Articles))
	for i, p := range tree.Articles {
		jobs[i] = &job{path: p, sidecar: tree.Sidecars[content.SidecarPath(p)]}
	}
	errs = append(errs, forEach(len(jobs), nil, func(i int) string { return jobs[i].path }, func(i int) error {
		return r.prepare(jobs[i])
	})...)
	r.site = r.newSite(jobs)
	k := newKeyer("site")
	k.key(r.cfgKey)
	k.value(r.site)
	r.siteKey = k.sum()
	total := len(jobs) + 1
	errs = append(errs, forEach(len(jobs), func() { r.progress(total) }, func(i int) string { return jobs[i].path }, func(i int) error {
		return r.article(jobs[i])
	})...)
	var stubs []*content.Article
	for _, j := range jobs {
		if j.rec != nil && j.kept {
			stubs = append(stubs, j.rec.stub())
		}
		if j.rec != nil && j.rec.Changed != nil && r.opts.Warn != nil {
			r.opts.Warn(j.rec.Changed.warning())
		}
	}
	errs.Add(content.CheckOutputs(&content.Site{Articles: stubs, Static: tree.Static}))
	errs = append(errs, r.lists(jobs)...)
	errs = append(errs, r.copies(tree.Static, r.embedded)...)
	errs = append(errs, r.clashErrors()...)
	r.progress(total)
	errs.Sort()
	return errs
}

func (r *run) progress(total int) {
	if r.opts.Progress != nil {
		r.opts.Progress(int(r.done.Add(1)), total)
	}
}

// prepare reads an article's files, keys them, and finds its record; a
// page without a sidecar whose record is missing is parsed now, since the
// menu on every page depends on it.
func (r *run) prepare(j *job) error {
	sum, err := r.files.sum(r.opts.FS, j.path)
	if err != nil {
		return diag.List{{Path: j.path, Msg: "cannot read: " + err.Error(), Err: err}}
	}
	var ssum key
	if j.sidecar {
		sp := content.SidecarPath(j.path)
		if ssum, err = r.files.sum(r.opts.FS, sp); err != nil {
			return diag.List{{Path: sp, Msg: "cannot read: " + err.Error(), Err: err}}
		}
	}
	j.in = r.inputKey(j.path, sum, j.sidecar, ssum)
	if rec := r.prev[j.in]; rec != nil && rec.Rendered == r.keeps(rec) {
		j.rec, j.kept = rec, rec.Rendered
		return nil
	}
	if !j.sidecar {
		j.parsed, j.kept, j.in, j.parseErr = r.load(j.path, false)
		if j.parseErr != nil {
			return j.parseErr
		}
		if !j.kept {
			j.rec = newRecord(nil, j.parsed, nil, false)
		}
	}
	return nil
}

// inputKey is the key of an article's inputs: its bytes and its
// sidecar's, under the configuration.
func (r *run) inputKey(p string, sum key, sidecar bool, ssum key) key {
	k := newKeyer("article")
	k.key(r.cfgKey)
	k.str(p)
	k.key(sum)
	k.bool(sidecar)
	if sidecar {
		k.key(ssum)
	}
	return k.sum()
}

func (r *run) keeps(rec *record) bool {
	o := content.Options{Drafts: r.opts.Drafts, Future: r.opts.Future, Now: r.opts.Now}
	return o.Keeps(content.Front{Draft: rec.Draft, Date: rec.Date})
}

// load reads and parses an article and, when the walk found one, its
// sidecar, and returns the key of the very bytes it parsed: a file saved
// again since it was first hashed is keyed by what was rendered, never by
// what was hashed.
func (r *run) load(p string, hasSidecar bool) (*content.Article, bool, key, error) {
	max := r.cfg.Limits.FileSize
	src, sum, err := r.files.read(r.opts.FS, p, max)
	if err != nil {
		return nil, false, key{}, r.readError(p, err)
	}
	sp := content.SidecarPath(p)
	var sidecar []byte
	var ssum key
	has := false
	if hasSidecar {
		sidecar, ssum, err = r.files.read(r.opts.FS, sp, max)
		if err != nil && !isNotExist(err) {
			return nil, false, key{}, r.readError(sp, err)
		}
		has = err == nil
	}
	o := content.Options{Drafts: r.opts.Drafts, Future: r.opts.Future, Now: r.opts.Now}
	a, keep, err := content.Parse(r.cfg, p, src, func() ([]byte, bool, error) { return sidecar, has, nil }, &o)
	return a, keep, r.inputKey(p, sum, has, ssum), err
}

// readError is the content error for a file at p that load cannot read.
func (r *run) readError(p string, err error) diag.List {
	if big, ok := err.(*tooLarge); ok {
		return diag.List{content.CheckSize(r.cfg, p, big.size)}
	}
	return diag.List{{Path: p, Msg: "cannot read: " + err.Error(), Err: err}}
}

// newSite makes .Site: the configuration and the menu of ordinary pages.
func (r *run) newSite(jobs []*job) *page.Site {
	var menu []page.Link
	s := page.NewSite(r.cfg, nil)
	for _, j := range jobs {
		switch {
		case !j.kept:
		case j.rec != nil && j.rec.Menu:
			menu = append(menu, page.Link{Title: j.rec.Title, URL: s.URL(j.rec.URLPath)})
		case j.parsed != nil && isMenuPage(j.parsed):
			menu = append(menu, page.Link{Title: j.parsed.Front.Title, URL: s.URL(j.parsed.URLPath)})
		}
	}
	sort.SliceStable(menu, func(i, j int) bool { return menu[i].Title < menu[j].Title })
	s.Menu = menu
	return s
}

// put writes one output.
func (r *run) put(rel string, k key, data []byte) error {
	return r.output(rel, func() error { return r.sink.write(rel, k, data) })
}

// draw puts at rel the file render makes under k, when the sink wants it.
func (r *run) draw(rel string, k key, render func() ([]byte, error)) error {
	return r.output(rel, func() error { return r.sink.draw(rel, k, render) })
}

// output gives the sink one output by give, checking its path first, so
// that a path that a build could not write fails check too.
func (r *run) output(rel string, give func() error) error {
	if _, err := outdir.CleanRel(rel); err != nil {
		return err
	}
	if err := give(); err != nil {
		return err
	}
	r.count(func(s *Stats) { s.Written++ })
	return nil
}

func (r *run) record(in key, rec *record) {
	r.mu.Lock()
	r.next[in] = rec
	r.mu.Unlock()
}

func (r *run) count(f func(*Stats)) {
	r.mu.Lock()
	f(&r.stats)
	r.mu.Unlock()
}

// AnnotationsPath is where an article's annotations.jsonld goes: beside
// its page.
func AnnotationsPath(outPath string) string {
	if i := lastSlash(outPath); i >= 0 {
		return outPath[:i] + "/annotations.jsonld"
	}
	return "annotations.jsonld"
}

func lastSlash(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return i
		}
	}
	return -1
}

// keep keeps an output of an earlier run, if the sink has it under k.
func (r *run) keep(rel string, k key) bool {
	if !r.sink.keep(rel, k) {
		return false
	}
	r.count(func(s *Stats) { s.Kept++ })
	return true
}

// pathOnlyBase is the warning of a build whose base_url has no scheme and
// host: the formats that name the site's pages from outside want absolute
// URLs, and get paths, or tag: ids in the feed.
func pathOnlyBase(base string) *diag.Error {
	return &diag.Error{Path: config.File, Warning: true, Msg: fmt.Sprintf(
		"base_url %q has no scheme and host, so the sitemap, robots.txt, the feed's links, "+
			"the ClaimReview JSON-LD of each page and annotations.jsonld hold path-only URLs, "+
			"and the feed's ids are tag: URIs: set base_url to the address the site is served at "+
			"(https://HOST/PATH/), or build with -base-url", base)}
}
