package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sync"
	"time"

	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/gitdates"
	"github.com/scholia/scholia/generator/outdir"
	"github.com/scholia/scholia/generator/site"
)

// siteFlags are the flags build, check and serve share.
type siteFlags struct {
	src            string
	drafts, future bool
	cpuprofile     string
	// showDrafts is the default of -drafts: serve shows drafts, since
	// an editor previews a review before it is published.
	showDrafts bool

	mu       sync.Mutex
	warnings diag.List // what the command was warned of, for check
}

func (f *siteFlags) register(fs interface {
	StringVar(*string, string, string, string)
	BoolVar(*bool, string, bool, string)
}) {
	fs.StringVar(&f.src, "src", ".", "the site `folder`: site.yaml, content/, templates/")
	fs.BoolVar(&f.drafts, "drafts", f.showDrafts, "include articles with draft: true")
	fs.BoolVar(&f.future, "future", false, "include articles dated in the future")
	fs.StringVar(&f.cpuprofile, "cpuprofile", "", "write a CPU profile of the command to `file`, for go tool pprof")
}

// profile starts the CPU profile that -cpuprofile asks for; stop ends it.
func (f *siteFlags) profile() (stop func(), err error) {
	if f.cpuprofile == "" {
		return func() {}, nil
	}
	out, err := os.Create(f.cpuprofile)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(out); err != nil {
		out.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); out.Close() }, nil
}

// options are the site options of the flags. The site is read through an
// os.Root, so that no symbolic link, however it came (a git pull while
// serve runs), leads a read out of the site's folder. Warnings are printed
// to w as they come, unless w is nil: then they are kept for check.
func (f *siteFlags) options(w io.Writer) (site.Options, error) {
	st, err := os.Stat(f.src)
	if err != nil || !st.IsDir() {
		return site.Options{}, fmt.Errorf("%w: -src %s: no such folder", errUsage, f.src)
	}
	root, err := os.OpenRoot(f.src)
	if err != nil {
		return site.Options{}, err
	}
	warn := func(e *diag.Error) {
		f.mu.Lock()
		defer f.mu.Unlock()
		if w != nil {
			fmt.Fprintln(w, e.Error())
		} else {
			f.warnings = append(f.warnings, e)
		}
	}
	name := filepath.Base(f.src)
	if abs, err := filepath.Abs(f.src); err == nil {
		name = filepath.Base(abs)
	}
	opts := site.Options{FS: root.FS(), Name: name, Drafts: f.drafts, Future: f.future, Warn: warn}
	opts.History = history(f.src, warn)
	return opts, nil
}

// history is the Git history that dates the site's pages, or nil when
// there is none; a problem reading it is a warning, as the build can
// still date pages by their front matter.
func history(src string, warn func(*diag.Error)) site.History {
	h, err := gitdates.Load(context.Background(), src)
	if err != nil {
		warn(&diag.Error{Warning: true, Msg: err.Error() + "; pages are dated by their front matter"})
		return nil
	}
	if h.Shallow() {
		warn(&diag.Error{Warning: true, Msg: "the repository is a shallow clone, so pages may be dated by too recent a commit: fetch the whole history (actions/checkout: fetch-depth: 0)"})
	}
	return h
}

func runBuild(e *env, args []string) error {
	fs := e.flags("build")
	var sf siteFlags
	sf.register(fs)
	out := fs.String("out", "", "the output `folder` (default SRC/public)")
	baseURL := fs.String("base-url", "", "the `URL` the site is served at, overriding site.yaml's base_url")
	noCache := fs.Bool("no-cache", false, "build everything afresh, without reading or writing the build cache (SRC/"+site.CacheDir+")")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: build takes no arguments (got %q)", errUsage, fs.Arg(0))
	}
	opts, err := sf.options(e.stderr)
	if err != nil {
		return err
	}
	opts.Out = *out
	if opts.Out == "" {
		opts.Out = filepath.Join(sf.src, "public")
	}
	if err := checkOut(sf.src, opts.Out); err != nil {
		return err
	}
	opts.BaseURL = *baseURL
	if !*noCache {
		opts.Cache = filepath.Join(sf.src, site.CacheDir)
	}
	stop, err := sf.profile()
	if err != nil {
		return err
	}
	p := newProgress(e.stderr)
	opts.Progress, opts.Sized = p.update, memoryBudget(0)
	done := stopCleanly()
	res, err := site.Build(opts)
	done()
	p.done()
	stop()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "built %d pages and %d files into %s in %s\n", res.Pages, res.Files, opts.Out, res.Duration.Round(time.Millisecond))
	return nil
}

// checkOut refuses output folders that hold the site itself, which a
// build's swap would replace, and output folders inside content/ or
// templates/, which each build would copy into the next.
func checkOut(src, out string) error {
	if _, err := outdir.Resolve(out); err != nil {
		return err
	}
	// Compared as the folders they are, links followed all the way: a
	// link pub -> content makes pub/out a folder in content/.
	s, err1 := realPath(src)
	o, err2 := realPath(out)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if outdir.Within(s, o) {
		return fmt.Errorf("%w: -out %s holds the site itself; choose a folder inside it, such as %s", errUsage, out, filepath.Join(src, "public"))
	}
	for _, dir := range []string{"content", "templates"} {
		d, err := realPath(filepath.Join(src, dir))
		if err != nil {
			return err
		}
		if outdir.Within(o, d) {
			return fmt.Errorf("%w: -out %s is inside the site's %s/ folder, so each build would publish the last one again; choose a folder outside it, such as %s", errUsage, out, dir, filepath.Join(src, "public"))
		}
	}
	return nil
}

// realPath is the absolute path of p with every symbolic link followed,
// for the part of it that exists.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest), nil
		}
		if filepath.Dir(dir) == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

func runCheck(e *env, args []string) error {
	fs := e.flags("check")
	var sf siteFlags
	sf.register(fs)
	format := fs.String("format", "text", "how to print errors: text, json or github")
	strict := fs.Bool("strict", false, "also fail on what a careful desk would not publish: a claim rated on the scale with no source to follow, an empty note, a review without reviewers or date, an article changed since its review")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" && *format != "github" {
		return fmt.Errorf("%w: -format %q: want text, json or github", errUsage, *format)
	}
	opts, err := sf.options(nil)
	if err != nil {
		return err
	}
	// check validates every article, drafts and future ones too: a broken
	// draft is found before the day it is published.
	opts.Drafts, opts.Future = true, true
	opts.Strict = *strict
	stop, err := sf.profile()
	if err != nil {
		return err
	}
	opts.Sized = memoryBudget(0)
	res, err := site.Build(opts)
	stop()
	// Text goes to stderr, as a compiler's does; json and github to stdout,
	// where GitHub reads workflow commands.
	w := e.stderr
	if *format != "text" {
		w = e.stdout
	}
	if err == nil {
		if *format != "text" || len(sf.warnings) > 0 {
			diag.Format(w, sf.warnings, *format)
		}
		if *format == "text" {
			printUnpublished(e.stdout, res.Unpublished, sf.drafts, sf.future)
		}
		switch {
		case *format != "text":
		case len(sf.warnings) > 0:
			fmt.Fprintf(e.stdout, "no errors found, %d %s\n", len(sf.warnings), plural(len(sf.warnings), "warning", "warnings"))
		default:
			fmt.Fprintln(e.stdout, "no problems found")
		}
		return nil
	}
	if printContentErrors(w, err, *format, sf.warnings) {
		return errSilent
	}
	return err
}

// printUnpublished says which articles check validated that a build
// leaves out (a build with -drafts or -future keeps those).
func printUnpublished(w io.Writer, us []site.Unpublished, drafts, future bool) {
	for _, u := range us {
		switch {
		case u.Draft && !drafts:
			fmt.Fprintf(w, "%s: validated, not published: a draft (build -drafts, or draft: false, publishes it)\n", u.Path)
		case !u.Draft && !future:
			fmt.Fprintf(w, "%s: validated, not published until %s (build -future publishes it now)\n", u.Path, u.Date.Format("2006-01-02"))
		}
	}
}

// errSilent fails a command whose errors are already printed.
var errSilent = errors.New("")

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// printContentErrors prints err in format, with warnings, if it is a
// content error.
func printContentErrors(w io.Writer, err error, format string, warnings diag.List) bool {
	if errors.Is(err, errSilent) {
		return true
	}
	var list diag.List
	var one *diag.Error
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = diag.List{one}
	default:
		return false
	}
	list = append(append(diag.List(nil), list...), warnings...)
	list.Sort()
	diag.Format(w, list, format)
	return true
}

// progress shows a long build's progress on a terminal, and nothing when
// stderr is not one (CI logs, pipes).
type progress struct {
	w     io.Writer
	start time.Time
	mu    sync.Mutex
	shown bool
	last  time.Time
}

func newProgress(w io.Writer) *progress {
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			return &progress{w: w, start: time.Now()}
		}
	}
	return &progress{}
}

func (p *progress) update(done, total int) {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.start) < 500*time.Millisecond || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last, p.shown = now, true
	fmt.Fprintf(p.w, "\rbuilding: %d/%d pages", done, total)
}

func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
