package site

import (
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
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
	Files    int // other files: assets and copies
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
	b, err := load(opts)
	if err != nil {
		return nil, err
	}
	var out *output
	if opts.Out != "" {
		if out, err = newOutput(opts.Out); err != nil {
			return nil, err
		}
	}
	res, err := b.run(out, opts.Progress)
	if err != nil {
		if out != nil {
			out.discard()
		}
		return nil, err
	}
	if out != nil {
		if err := out.commit(); err != nil {
			return nil, err
		}
	}
	res.Duration = time.Since(start)
	return res, nil
}

// builder holds a loaded site between the steps of a build.
type builder struct {
	fsys    fs.FS
	content *content.Site
	site    *Site
	theme   *theme
	md      *markup.Renderer
	errs    diag.List
}

// load reads the configuration, theme and content, keeping going after
// content errors so that one build reports them all.
func load(opts Options) (*builder, error) {
	cfg, err := config.Load(opts.FS)
	if err != nil {
		return nil, err
	}
	if opts.BaseURL != "" {
		if cfg.BaseURL, err = config.NormalizeBaseURL(opts.BaseURL); err != nil {
			return nil, fmt.Errorf("-base-url: %w", err)
		}
	}
	th, err := loadTheme(opts.FS)
	if err != nil {
		return nil, err
	}
	b := &builder{fsys: opts.FS, theme: th, md: markup.New(markup.Options{Unsafe: cfg.UnsafeHTML})}
	b.content, err = content.Load(opts.FS, cfg, content.Options{Drafts: opts.Drafts, Future: opts.Future, Now: opts.Now})
	if err != nil {
		if !isContentError(err) || b.content == nil {
			return nil, err
		}
		b.errs.Add(err)
	}
	b.site = newSite(cfg, b.content.Articles)
	return b, nil
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
	for _, a := range articles {
		if isMenuPage(a) {
			s.Menu = append(s.Menu, Link{Title: a.Front.Title, URL: s.URL(a.URLPath)})
		}
	}
	sort.SliceStable(s.Menu, func(i, j int) bool { return s.Menu[i].Title < s.Menu[j].Title })
	return s
}

// isMenuPage tells ordinary undated pages (about, contact), which the
// header links to, from the articles the home page lists.
func isMenuPage(a *content.Article) bool {
	return a.Sidecar == nil && a.Front.Date.IsZero() && a.URLPath != ""
}

// run renders every page, in parallel, writing into out when it is not nil.
func (b *builder) run(out *output, progress func(done, total int)) (*Result, error) {
	arts := b.content.Articles
	rendered := make([]*Article, len(arts))
	total := len(arts) + 2 // the home and 404 pages
	var done atomic.Int64
	step := func() {
		if progress != nil {
			progress(int(done.Add(1)), total)
		}
	}
	var mu sync.Mutex
	fail := func(err error) {
		mu.Lock()
		b.errs.Add(err)
		mu.Unlock()
	}
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				err := safely(arts[i].Path, func() (err error) {
					rendered[i], err = b.article(arts[i], out)
					return err
				})
				fail(err)
				step()
			}
		})
	}
	for i := range arts {
		work <- i
	}
	close(work)
	wg.Wait()
	if err := b.errs.Err(); err != nil {
		b.errs.Sort()
		return nil, b.errs
	}
	for _, p := range []*Page{b.home(rendered), b.notFound()} {
		if err := b.page(p, out); err != nil {
			return nil, err
		}
		step()
	}
	files, err := b.copyFiles(out)
	if err != nil {
		return nil, err
	}
	return &Result{Pages: total, Files: files}, nil
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

// article renders and writes one article or page.
func (b *builder) article(a *content.Article, out *output) (*Article, error) {
	art, err := renderArticle(b.md, b.site, a)
	if err != nil || a.URLPath == "" {
		// content/index.md is the home page's body, written with the list.
		return art, err
	}
	kind := "page"
	if art.Annotated {
		kind = "article"
	}
	return art, b.page(&Page{
		Site: b.site, Kind: kind, Title: art.Title, Description: art.Description,
		URL: b.site.URL(a.URLPath), Permalink: b.site.Permalink(a.URLPath), Article: art,
	}, out, a.OutPath)
}

// page executes a page's template and writes it to rel (default: by kind).
func (b *builder) page(p *Page, out *output, rel ...string) error {
	html, err := b.theme.execute(p)
	if err != nil || out == nil {
		return err
	}
	name := map[string]string{"home": "index.html", "404": "404.html"}[p.Kind]
	if len(rel) > 0 {
		name = rel[0]
	}
	return out.write(name, html)
}
