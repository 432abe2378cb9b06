package site

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"time"

	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/markup"
)

// Options configure a build.
type Options struct {
	FS      fs.FS  // the site root: site.yaml, content/, templates/
	Out     string // the output folder on disk; "" checks without writing
	BaseURL string // overrides site.yaml's base_url when not empty
	Drafts  bool   // build drafts too
	Future  bool   // build articles dated in the future too
	Now     time.Time
	// Progress, when not nil, is called as pages are done (from any
	// goroutine, in no particular order).
	Progress func(done, total int)
}

// Result says what a build did.
type Result struct {
	Pages    int // HTML pages
	Files    int // other files: assets, copies, feeds
	Duration time.Duration
}

// Build builds the site at opts.FS into opts.Out. It reports every content
// problem it finds as a diag.List, and on any error leaves the previous
// output as it was.
func Build(opts Options) (*Result, error) {
	start := time.Now()
	if opts.Now.IsZero() {
		opts.Now = start
	}
	b, errs, err := load(opts)
	if err != nil {
		return nil, err
	}
	out, rerrs := b.renderAll(opts.Progress)
	if errs = append(errs, rerrs...); len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	res := &Result{}
	for rel := range out.pages {
		if path.Ext(rel) == ".html" {
			res.Pages++
		}
	}
	res.Files = len(out.pages) + len(out.copies) - res.Pages
	if opts.Out != "" {
		if err := write(opts.Out, out); err != nil {
			return nil, err
		}
	}
	res.Duration = time.Since(start)
	return res, nil
}

// builder holds a loaded site and its rendered articles.
type builder struct {
	opts     Options
	cfg      *config.Config
	content  *content.Site
	site     *Site
	theme    *theme
	md       *markup.Renderer
	rendered map[string]*Article // by content path; failed articles are missing
	listKeys map[string]uint64   // fingerprints of the list pages' data, by output path
}

// load reads the configuration, theme and content. Content errors come back
// as errs with whatever loaded; err is for what stops everything (a broken
// site.yaml or theme).
func load(opts Options) (b *builder, errs diag.List, err error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	cfg, err := config.Load(opts.FS)
	if err != nil {
		return nil, nil, err
	}
	if opts.BaseURL != "" {
		if cfg.BaseURL, err = config.NormalizeBaseURL(opts.BaseURL); err != nil {
			return nil, nil, fmt.Errorf("-base-url: %w", err)
		}
	}
	th, err := loadTheme(opts.FS)
	if err != nil {
		return nil, nil, err
	}
	b = &builder{opts: opts, cfg: cfg, theme: th, md: markup.New(markup.Options{Unsafe: cfg.UnsafeHTML}), rendered: map[string]*Article{}, listKeys: map[string]uint64{}}
	b.content, err = content.Load(opts.FS, cfg, content.Options{Drafts: opts.Drafts, Future: opts.Future, Now: opts.Now})
	if err != nil {
		if !isContentError(err) || b.content == nil {
			return nil, nil, err
		}
		errs.Add(err)
	}
	b.site = newSite(cfg, b.content.Articles)
	return b, errs, nil
}

func newSite(cfg *config.Config, articles []*content.Article) *Site {
	s := &Site{
		Title: cfg.Title, Description: cfg.Description, Language: cfg.Language,
		BaseURL: cfg.BaseURL, Publisher: cfg.Publisher, Params: cfg.Params,
		Claim: grades(cfg.Scales.Claim), Article: grades(cfg.Scales.Article),
		basePath: "/",
	}
	if u, err := url.Parse(cfg.BaseURL); err == nil {
		s.absolute = u.Scheme != "" && u.Host != ""
		if u.Path != "" {
			s.basePath = u.Path
		}
	}
	s.Menu = menu(s, articles)
	return s
}

// menu links the ordinary undated pages (about, contact), by title.
func menu(s *Site, articles []*content.Article) []Link {
	var links []Link
	for _, a := range articles {
		if isMenuPage(a) {
			links = append(links, Link{Title: a.Front.Title, URL: s.URL(a.URLPath)})
		}
	}
	sort.SliceStable(links, func(i, j int) bool { return links[i].Title < links[j].Title })
	return append(links, Link{Title: "Claims", URL: s.URL("claims/")}, Link{Title: "Ratings", URL: s.URL("ratings/")})
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
