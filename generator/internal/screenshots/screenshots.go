package screenshots

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/scholia/scholia/generator/internal/chromium"
	"github.com/scholia/scholia/generator/site"
	"golang.org/x/tools/txtar"
)

// The errors of a run that cannot start.
var (
	ErrNoChromium = errors.New("no Chromium found: install Debian's chromium (apt-get install chromium) or put a Chrome on PATH")
	ErrNotRoot    = errors.New("not the repository's root")
)

// arabicArchive is the Arabic test site, from the repository's root.
const arabicArchive = "generator/site/testdata/arabic-site.txtar"

// shot is one file to write: a page of a site in one view.
type shot struct {
	name   string // file name
	site   string // "example" or "arabic"
	width  int64  // viewport width in CSS px
	scheme string // prefers-color-scheme
	media  string // emulated media type: "" (screen) or "print"
	pdf    bool   // print to PDF rather than take a PNG
}

// shots are the files Run writes, in order.
var shots = []shot{
	{name: "example-1280.png", site: "example", width: 1280, scheme: "light"},
	{name: "example-390.png", site: "example", width: 390, scheme: "light"},
	{name: "example-dark-1280.png", site: "example", width: 1280, scheme: "dark"},
	{name: "example-dark-390.png", site: "example", width: 390, scheme: "dark"},
	{name: "example-print.pdf", site: "example", width: 1280, scheme: "light", pdf: true},
	{name: "example-print.png", site: "example", width: 816, scheme: "light", media: "print"},
	{name: "arabic-1280.png", site: "arabic", width: 1280, scheme: "light"},
	{name: "arabic-390.png", site: "arabic", width: 390, scheme: "light"},
}

// articles are the URL paths of the sites' articles.
var articles = map[string]string{
	"example": "/articles/russia-taliban-arms/",
	"arabic":  "/articles/desalination/",
}

// Run builds the sites from the repository at root, photographs them and
// returns the folder it wrote and the files in it, each path written to
// log as soon as the file is.
func Run(ctx context.Context, root string, log io.Writer) (dir string, files []string, err error) {
	exe := chromium.Find()
	if exe == "" {
		return "", nil, ErrNoChromium
	}
	for _, need := range []string{"site.yaml", "content", arabicArchive} {
		if _, err := os.Stat(filepath.Join(root, need)); err != nil {
			return "", nil, fmt.Errorf("%s: %w (run from it, or give -root): %w", root, ErrNotRoot, err)
		}
	}
	work, err := os.MkdirTemp("", "scholia-screenshots-work-")
	if err != nil {
		return "", nil, err
	}
	defer os.RemoveAll(work)
	bases := map[string]string{}
	for name, src := range map[string]string{"example": root, "arabic": filepath.Join(work, "arabic-src")} {
		if name == "arabic" {
			if err := unpack(filepath.Join(root, arabicArchive), src); err != nil {
				return "", nil, err
			}
		}
		out := filepath.Join(work, name)
		if _, err := site.Build(site.Options{FS: os.DirFS(src), Out: out, Name: name}); err != nil {
			return "", nil, fmt.Errorf("building the %s site: %w", name, err)
		}
		base, stop, err := serve(out)
		if err != nil {
			return "", nil, err
		}
		defer stop()
		bases[name] = base
	}

	dir, err = os.MkdirTemp("", "scholia-screenshots-")
	if err != nil {
		return "", nil, err
	}
	bctx, stop := chromium.Start(exe, filepath.Join(work, "profile"), 1280, 800)
	defer stop()
	bctx, cancel := context.WithTimeout(bctx, 2*time.Minute)
	defer cancel()
	// The caller's context (Ctrl-C) ends the browser too.
	go func() {
		select {
		case <-ctx.Done():
			cancel()
		case <-bctx.Done():
		}
	}()
	for _, s := range shots {
		data, err := take(bctx, bases[s.site]+articles[s.site], s)
		if err != nil {
			return dir, files, fmt.Errorf("%s: %w", s.name, err)
		}
		file := filepath.Join(dir, s.name)
		if err := os.WriteFile(file, data, 0o644); err != nil {
			return dir, files, err
		}
		files = append(files, file)
		fmt.Fprintln(log, file)
	}
	return dir, files, nil
}

// take loads url in the shot's view and returns the PNG or the PDF.
func take(ctx context.Context, url string, s shot) ([]byte, error) {
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Media: s.media, Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: s.scheme}},
	}); err != nil {
		return nil, err
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(s.width, 800), chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		return nil, err
	}
	if s.pdf {
		return chromedp.Run(ctx, chromedp.PrintToPDF())
	}
	// The whole page: a clip as tall as the document, captured beyond the
	// viewport.
	height, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.documentElement.scrollHeight`))
	if err != nil {
		return nil, err
	}
	beyond := true
	res, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
		Format: page.CaptureScreenshotFormatPng, CaptureBeyondViewport: &beyond,
		Clip: &page.Viewport{Width: float64(s.width), Height: height, Scale: 1},
	})
	if err != nil {
		return nil, err
	}
	return res.Data, nil
}

// unpack writes the files of a txtar archive under dir.
func unpack(archive, dir string) error {
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		return err
	}
	for _, f := range ar.Files {
		if !filepath.IsLocal(filepath.FromSlash(f.Name)) {
			return fmt.Errorf("%s: the file name %q leaves the site's folder", archive, f.Name)
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// serve serves dir on 127.0.0.1 until stop is called.
func serve(dir string) (base string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dir)), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}
