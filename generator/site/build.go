package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/outdir"
)

// CacheDir is the folder of the build cache in a site, which scholia build
// uses unless told -no-cache.
const CacheDir = ".scholia-cache"

// Options configure a build.
type Options struct {
	FS      fs.FS  // the site root: site.yaml, content/, templates/
	Out     string // the output folder on disk; "" checks without writing
	BaseURL string // overrides site.yaml's base_url when not empty
	Drafts  bool   // build drafts too
	Future  bool   // build articles dated in the future too
	// Strict adds the publishing rules of package rules to the content
	// errors: what a careful desk would not publish, though it builds.
	Strict bool
	// Name titles a site without a site.yaml (or without a title in it):
	// the CLI gives the site folder's name.
	Name string
	Now  time.Time
	// Cache is the folder of the build cache ("" for none): a build
	// reuses what the last one made there from the same inputs.
	Cache string
	// Progress, when not nil, is called as pages are done (from any
	// goroutine, in no particular order).
	Progress func(done, total int)
	// Sized, when not nil, is called with the number of articles once the
	// site has been walked, before anything is rendered: a command sets
	// its memory budget by it.
	Sized func(articles int)
	// History, when not nil, dates each article by the last commit that
	// touched it or its sidecar (paths relative to the site root), for the
	// sitemap's lastmod and the feed's updated; see package gitdates.
	History History
	// Warn, when not nil, is called with each problem that does not stop
	// the build, such as a symbolic link it skipped, in path order. A dev
	// server calls it again only when the walk of content/ is done again.
	Warn func(*diag.Error)
}

// History is when files last changed in version control.
type History interface {
	// Last is the time of the last commit that touched any of paths, and
	// whether there is one.
	Last(paths ...string) (time.Time, bool)
}

// Result says what a build did.
type Result struct {
	Pages    int // HTML pages
	Files    int // other files: assets, copies, feeds
	Duration time.Duration
	Stats    Stats
	// SpareUsed is true when the build wrote into the output before last,
	// kept by the cache, rather than a fresh folder.
	SpareUsed bool
	// Unpublished are the articles built only because of Drafts or
	// Future, by path: what check validates but build leaves out.
	Unpublished []Unpublished
}

// Unpublished is an article that a build without Drafts and Future leaves
// out: a draft, or one dated after the build.
type Unpublished struct {
	Path  string
	Draft bool
	Date  time.Time
}

// Build builds the site at opts.FS into opts.Out. It reports every content
// problem it finds as a diag.List, and on any error leaves the previous
// output as it was.
func Build(opts Options) (*Result, error) {
	start := time.Now()
	if opts.Now.IsZero() {
		opts.Now = start
	}
	if opts.Out != "" {
		out, err := outdir.Resolve(opts.Out)
		if err != nil {
			return nil, err
		}
		opts.Out = out
	}
	if err := apart(opts.Out, opts.Cache); err != nil {
		return nil, err
	}
	m := &manifest{}
	spare := ""
	if opts.Cache != "" && opts.Out != "" {
		unlock, err := lockCache(opts.Cache)
		if err != nil {
			return nil, err
		}
		defer unlock()
		// A cache that cannot be read is a cold build, not a failure.
		m, _ = loadManifest(opts.Cache, opts.Out)
		spare = spareDir(opts.Cache, opts.Out)
	}
	var snk sink = discard{}
	var ds *dirSink
	if opts.Out != "" {
		var err error
		if ds, err = newDirSink(opts.Out, m.Files, spare, m.Spare); err != nil {
			return nil, err
		}
		snk = ds
	}
	files := newFileCache()
	files.seed(m.Sums, m.Started)
	r, err := newRun(opts, snk, files, m.records, nil)
	if err == nil {
		r.prevLists = m.Lists
		if errs := r.all(); len(errs) > 0 {
			err = errs
		}
	}
	if err == nil && ds != nil {
		err = ds.prune()
	}
	if err != nil {
		if ds != nil {
			ds.out.Discard()
		}
		return nil, err
	}
	res := &Result{Stats: r.stats, SpareUsed: ds != nil && ds.spare != nil}
	for _, rec := range r.next {
		if rec.Rendered && (rec.Draft || rec.Date.After(opts.Now)) {
			res.Unpublished = append(res.Unpublished, Unpublished{Path: rec.Path, Draft: rec.Draft, Date: rec.Date})
		}
	}
	slices.SortFunc(res.Unpublished, func(a, b Unpublished) int { return strings.Compare(a.Path, b.Path) })
	for rel := range r.plan {
		if path.Ext(rel) == ".html" {
			res.Pages++
		} else {
			res.Files++
		}
	}
	if ds != nil {
		if err := commit(opts, ds, m, r, spare, files.export(), start); err != nil {
			return nil, err
		}
	}
	res.Duration = time.Since(start)
	return res, nil
}

// commit swaps the new output in and saves the cache: the records, the
// new output's files, and those of the old one, kept as the spare when
// they are known.
func commit(opts Options, ds *dirSink, m *manifest, r *run, spare string, sums map[string]fileSum, started time.Time) error {
	id := ds.id()
	if m.Files == nil {
		spare = "" // what the old output holds is not known: remove it
	}
	kept, err := ds.out.Commit(id, spare)
	if err != nil || opts.Cache == "" {
		return err
	}
	abs, _ := filepath.Abs(opts.Out)
	next := &manifest{Code: codeKey(), Out: abs, OutID: id, Files: ds.next, Sums: sums, Started: started, Lists: r.listed}
	if kept {
		next.Spare, next.SpareID = m.Files, m.OutID
	}
	if err := next.save(opts.Cache, r.next); err != nil {
		return fmt.Errorf("writing the build cache: %w (the site was built; -no-cache builds without it)", err)
	}
	return nil
}

// apart checks that the output folder and the cache folder do not hold
// one another: the swap would move one into the other.
func apart(out, cache string) error {
	if out == "" || cache == "" {
		return nil
	}
	o, err1 := filepath.Abs(out)
	c, err2 := filepath.Abs(cache)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if outdir.Within(o, c) || outdir.Within(c, o) {
		return fmt.Errorf("the output folder %s and the build cache %s overlap: choose an output folder outside the cache (or build with -no-cache)", out, cache)
	}
	return nil
}

// spareDir is where the cache keeps the output before last, when it is on
// the output's file system (a folder is swapped in by renaming it).
func spareDir(cache, out string) string {
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return ""
	}
	if !outdir.SameDevice(cache, filepath.Dir(filepath.Clean(out))) {
		return ""
	}
	return filepath.Join(cache, spareName)
}

// isMenuPage tells ordinary undated pages, which the header links to, from
// the articles the home page lists.
func isMenuPage(a *content.Article) bool {
	return a.Sidecar == nil && a.Front.Date.IsZero() && !a.Home
}

// safely runs f, turning a panic into an error that names the file: a
// panic in a worker goroutine would otherwise end the program.
func safely(path string, f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error while building %s: %v (this is a bug in scholia; please report it)", path, r)
		}
	}()
	return f()
}
