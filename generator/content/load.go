package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/diag"
)

// Options choose which articles Load keeps.
type Options struct {
	Drafts bool      // keep articles with draft: true
	Future bool      // keep articles dated after Now
	Now    time.Time // the present; zero: time.Now()
}

// Tree is what Scan finds under content/: the articles, their sidecars
// and the other files, each sorted by path.
type Tree struct {
	Articles []string        // .md files outside content/static/
	Sidecars map[string]bool // NAME.annotations.yaml files, by path
	Static   []File          // files to copy as they are
	// Warnings are what the walk left out and why: symbolic links that
	// lead out of the site or to a folder.
	Warnings diag.List
}

// Scan walks content/ in fsys, the site's root folder. Files it cannot read
// and misnamed sidecars come back as a diag.List with the rest of the tree.
func Scan(fsys fs.FS) (*Tree, diag.List) {
	t := &Tree{Sidecars: map[string]bool{}}
	var errs diag.List
	names := nameSet{}
	err := fs.WalkDir(fsys, Dir, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			if p == Dir && errors.Is(err, fs.ErrNotExist) {
				return err
			}
			errs.Add(&diag.Error{Path: p, Msg: "cannot read: " + err.Error(), Err: err})
			return nil
		}
		if p != Dir && skipPath(p, de.Name()) {
			if de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if err := checkName(p, de.Name()); err != nil {
			errs.Add(err)
			if de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		names.add(p, &errs)
		if mode := de.Type(); !de.IsDir() && !mode.IsRegular() && mode&fs.ModeSymlink == 0 {
			// A named pipe would block the read for ever; a device or a
			// socket is no content either.
			t.Warnings = append(t.Warnings, &diag.Error{Path: p, Msg: "not a regular file (a pipe, socket or device): skipped", Warning: true})
			return nil
		}
		if de.Type()&fs.ModeSymlink != 0 {
			if w, ok := followLink(fsys, p); !ok {
				t.Warnings = append(t.Warnings, w)
				return nil
			}
		}
		switch {
		case de.IsDir():
		case IsSidecar(p):
			t.Sidecars[p] = true
		case strings.HasSuffix(p, ".annotations.yml") && !isStatic(p):
			errs.Add(diag.Errorf(p, 1, 1, "sidecars end in %s: rename this file to %s", SidecarSuffix,
				strings.TrimSuffix(path.Base(p), ".annotations.yml")+SidecarSuffix))
		case IsArticle(p):
			t.Articles = append(t.Articles, p)
		case de.Type().IsRegular() || de.Type()&fs.ModeSymlink != 0: // a link followLink let in
			t.Static = append(t.Static, File{Path: p, Out: FileOut(p)})
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return t, diag.List{{Path: Dir, Msg: "the site has no content/ folder: create it and put your articles in it", Err: err}}
	}
	// WalkDir's order is by name within each folder ("a/x.md" before
	// "a.md"); paths sort as whole strings.
	sort.Strings(t.Articles)
	sort.Slice(t.Static, func(i, j int) bool { return t.Static[i].Path < t.Static[j].Path })
	isArticle := make(map[string]bool, len(t.Articles))
	for _, p := range t.Articles {
		isArticle[p] = true
	}
	for p := range t.Sidecars {
		if !isArticle[ArticlePath(p)] {
			errs.Add(diag.Errorf(p, 1, 1, "sidecar without its article: add %s or rename the sidecar after the article it reviews", ArticlePath(p)))
		}
	}
	return t, errs
}

// Load reads and checks everything under content/ in fsys, the site's root
// folder, with the scales of cfg. It returns every problem of every file
// together, as a sorted diag.List; the Site then holds what loaded without
// problems (for a dev server that shows what it can), and a build must not
// publish it.
//
// Draft articles and articles dated after opts.Now are left out, with their
// sidecars unchecked, unless opts says to keep them.
func Load(fsys fs.FS, cfg *config.Config, opts Options) (*Site, error) {
	if cfg == nil {
		cfg = config.Default()
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	tree, errs := Scan(fsys)
	site := &Site{Config: cfg, Static: tree.Static}
	articles := tree.Articles
	loaded := make([]*Article, len(articles))
	keep := make([]bool, len(articles))
	errLists := make([]error, len(articles))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(len(articles), 1)) {
		wg.Go(func() {
			for i := range next {
				loaded[i], keep[i], errLists[i] = loadArticle(fsys, cfg, articles[i], tree.Sidecars[SidecarPath(articles[i])], &opts)
			}
		})
	}
	for i := range articles {
		next <- i
	}
	close(next)
	wg.Wait()

	for i := range articles {
		errs.Add(errLists[i])
		if keep[i] && errLists[i] == nil {
			site.Articles = append(site.Articles, loaded[i])
			if loaded[i].Home {
				site.Home = loaded[i]
			}
		}
	}
	errs.Add(CheckOutputs(site))
	errs.Sort()
	return site, errs.Err()
}

// CheckOutputs reports two sources that would be written to one output
// file. Articles that were left out or failed do not count.
func CheckOutputs(site *Site) error {
	var errs diag.List
	seen := map[string]*Article{} // output -> article
	for _, a := range site.Articles {
		first, dup := seen[a.OutPath]
		if !dup {
			seen[a.OutPath] = a
			continue
		}
		// Report at the slug that moved an article there, if any.
		at := a
		if a.SlugPos.Line == 0 && first.SlugPos.Line > 0 {
			at = first
		}
		line, col, hint := 1, 1, "rename one of them or give one a different slug"
		if at.SlugPos.Line > 0 {
			line, col, hint = at.SlugPos.Line, at.SlugPos.Col, "change the slug"
		}
		errs.Add(diag.Errorf(at.Path, line, col, "%s and %s both make %s: %s", first.Path, a.Path, a.OutPath, hint))
	}
	outputs := map[string]string{} // output -> source
	for out, a := range seen {
		outputs[out] = a.Path
	}
	for _, f := range site.Static {
		if first, dup := outputs[f.Out]; dup {
			errs.Add(diag.Errorf(f.Path, 0, 0, "%s and %s both make %s: rename or remove one of them", first, f.Path, f.Out))
			continue
		}
		outputs[f.Out] = f.Path
	}
	return errs.Err()
}

// LoadArticle reads and checks the article at p (relative to the root of
// fsys, like "content/a/x.md") and its sidecar if it has one. With opts nil
// it loads the article whether or not it is a draft or dated in the future;
// otherwise keep says whether opts keeps it (a left-out article's sidecar is
// not read). Problems come as a diag.List. The dev server reloads changed
// articles one by one with it.
func LoadArticle(fsys fs.FS, cfg *config.Config, p string, opts *Options) (a *Article, keep bool, err error) {
	if cfg == nil {
		cfg = config.Default()
	}
	if opts != nil && opts.Now.IsZero() {
		o := *opts
		o.Now = time.Now()
		opts = &o
	}
	_, err = fs.Stat(fsys, SidecarPath(p))
	hasSidecar := err == nil
	a, keep, err = loadArticle(fsys, cfg, p, hasSidecar, opts)
	if err != nil {
		return nil, false, err
	}
	return a, keep, nil
}

// loadArticle reads one article and, if it has one and the article is kept
// by opts (nil: always), its sidecar.
func loadArticle(fsys fs.FS, cfg *config.Config, p string, hasSidecar bool, opts *Options) (*Article, bool, error) {
	if !IsArticle(p) {
		return nil, false, diag.List{{Path: p, Msg: "not an article: articles are .md files under content/ (but not content/static/)"}}
	}
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, false, diag.List{{Path: p, Msg: "cannot read: " + err.Error(), Err: err}}
	}
	return Parse(cfg, p, src, func() ([]byte, bool, error) {
		if !hasSidecar {
			return nil, false, nil
		}
		b, err := fs.ReadFile(fsys, SidecarPath(p))
		return b, true, err
	}, opts)
}

// Parse checks the article at p (like "content/a/x.md") from its bytes.
// When opts keeps it (nil: always), it calls sidecar for the bytes of its
// sidecar and whether it has one; a left-out article's sidecar is not read.
// Problems come as a diag.List.
func Parse(cfg *config.Config, p string, src []byte, sidecar func() ([]byte, bool, error), opts *Options) (*Article, bool, error) {
	var errs diag.List
	a := &Article{Path: p}
	if err := CheckSize(cfg, p, int64(len(src))); err != nil {
		return nil, false, diag.List{err}
	}
	if err := diag.CheckUTF8(p, src, 1); err != nil {
		return nil, false, diag.List{err}
	}
	front, body, slugPos, err := decodeFront(p, src, cfg.Limits.YAMLDepth)
	errs.Add(err)
	a.Front, a.Body, a.SlugPos = front, body, slugPos
	if err != nil && slugPos.Line > 0 {
		// A slug with a problem must not be used as a path.
		if checkSlug(front.Slug) != nil {
			a.Front.Slug = ""
		}
	}
	a.Slug, a.URLPath, a.OutPath, a.Home = pages(p, a.Front.Slug)
	if a.Home && a.Front.Slug != "" {
		errs.Add(diag.Errorf(p, slugPos.Line, slugPos.Col, "the home page has no slug: remove it"))
		a.Slug, a.URLPath, a.OutPath = "", "", "index.html"
	}
	keep := opts == nil || opts.Keeps(a.Front)
	if keep {
		sp := SidecarPath(p)
		data, ok, err := sidecar()
		switch {
		case err != nil:
			errs.Add(&diag.Error{Path: sp, Msg: "cannot read: " + err.Error(), Err: err})
		case ok:
			if err := CheckSize(cfg, sp, int64(len(data))); err != nil {
				errs.Add(err)
				break
			}
			sc, err := DecodeSidecar(sp, data, cfg)
			errs.Add(err)
			a.Sidecar = sc
		}
	}
	errs.Sort()
	return a, keep, errs.Err()
}

// CheckSize returns an error when a file of size bytes at p, an article or
// a sidecar, is larger than limits.file_size of cfg. Readers call it before
// reading a file, so that no file is read whole only to be refused.
func CheckSize(cfg *config.Config, p string, size int64) *diag.Error {
	max := cfg.Limits.FileSize
	if max <= 0 {
		max = config.DefaultLimits().FileSize
	}
	if size <= max {
		return nil
	}
	return &diag.Error{Path: p, Msg: fmt.Sprintf("the file is %s, more than limits.file_size (%s): split it, or raise limits.file_size in site.yaml",
		config.FormatSize(size), config.FormatSize(max))}
}

// Keeps reports whether a build with these options publishes an article
// with front matter f: drafts and articles dated after Now only when asked.
func (o *Options) Keeps(f Front) bool {
	return (o.Drafts || !f.Draft) && (o.Future || f.Date.IsZero() || !f.Date.After(o.Now))
}
