package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/scholia/scholia/generator/site"
)

// exampleSite copies the project's example site (and the default theme's
// stylesheet, as a site override to edit) into a fresh folder.
func exampleSite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	root := filepath.Join("..", "..")
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	for from, to := range map[string]string{"site.yaml": "site.yaml", "templates/assets/style.css": "templates/assets/style.css"} {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(from)))
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, dir, map[string]string{to: string(data)})
	}
	return dir
}

// liveServer serves the site at dir with the real site.Live, as
// `scholia serve` does.
func liveServer(t testing.TB, dir string) *devServer {
	t.Helper()
	srv, err := newServer(Options{
		Root: dir, Addr: "127.0.0.1:0",
		Open: func(url string) (Site, error) {
			live, err := site.NewLive(site.Options{FS: os.DirFS(dir), BaseURL: url})
			if live == nil {
				return nil, err
			}
			return live, err
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	start(t, srv)
	return srv
}

// TestBrowser drives headless Chromium through an editing session: edit
// the sidecar, the article and templates (which the page morphs in, or
// reloads for when its head changed), the stylesheet and the sidecar again
// (breaking and fixing it, once with the page missing the fix and
// reconnecting), and add and delete an article, checking what the open
// page does each time.
func TestBrowser(t *testing.T) {
	if os.Getenv("SCHOLIA_PAGE_CHECKS") == "" {
		t.Skip("run by make test-html, which sets SCHOLIA_PAGE_CHECKS=1")
	}
	b := openTab(t, 90*time.Second)
	dir := exampleSite(t)
	article := "content/articles/russia-taliban-arms.md"
	sidecar := "content/articles/russia-taliban-arms.annotations.yaml"
	withReaderWidgets(t, dir, article)
	srv := liveServer(t, dir)

	ctx := b.ctx
	step := func(name string) { t.Logf("%s: %s", time.Now().Format("15:04:05.000"), name) }
	run, wait := b.run, b.wait
	edit := func(rel string, change func(string) string) { t.Helper(); editFile(t, dir, rel, change) }

	// Record the page's event streams, and let the test hide an "ok" event
	// from the page's own listener (registered later), as if it was missed.
	run(chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: streamSpy})
		return err
	}))

	step("open the article")
	run(chromedp.Navigate(srv.URL()+"articles/russia-taliban-arms/"), chromedp.WaitVisible(chromedp.CSS(".article-body")))
	connected := `window.__scholiaLive === "connected"`
	wait("the live-reload stream", connected)

	step("edit the sidecar, the Markdown and templates")
	morphSteps(b, dir, article, sidecar)

	step("edit the stylesheet")
	wait("the stream to reconnect", connected)
	run(chromedp.Evaluate[chromedp.Void](`window.__scholiaTest = "same page"`))
	edit("templates/assets/style.css", func(s string) string {
		return s + "\n.article-body { border-left: 7px solid rgb(1, 2, 3); }\n"
	})
	wait("the new style", `getComputedStyle(document.querySelector(".article-body")).borderLeftColor === "rgb(1, 2, 3)"`)
	wait("the old stylesheet to go", `document.querySelectorAll('link[rel=stylesheet][href*="style.css"]').length === 1`)
	if marker, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`String(window.__scholiaTest)`)); marker != "same page" {
		t.Error("the page reloaded for a CSS-only change")
	}

	step("break the sidecar")
	data, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(sidecar)))
	good := string(data)
	i := strings.Index(good, "quote: The Russian government has previously denied")
	line := strings.Count(good[:i], "\n") + 1
	edit(sidecar, func(s string) string {
		return strings.Replace(s, "quote: The Russian government has previously denied", "quote: The Martian government has previously denied", 1)
	})
	overlay := `(document.getElementById("scholia-error-overlay")?.shadowRoot?.textContent || "")`
	wantPos := fmt.Sprintf("%s:%d:", sidecar, line)
	wait("the overlay naming "+wantPos, overlay+`.includes(`+jsString(wantPos)+`) && `+overlay+`.includes("quote not found")`)
	heading, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("scholia-error-overlay").shadowRoot.querySelector("[role=alertdialog] h2").textContent`))
	if err != nil || !strings.Contains(heading, "error") {
		t.Errorf("overlay heading %q, %v", heading, err)
	}

	step("fix the sidecar")
	edit(sidecar, func(string) string { return good })
	wait("the overlay to go", `!document.getElementById("scholia-error-overlay")`)

	step("break it again, miss the fix's ok event, reconnect")
	run(chromedp.Evaluate[chromedp.Void](`window.__scholiaTest = "same page"`))
	edit(sidecar, func(s string) string {
		return strings.Replace(s, "quote: The Russian government has previously denied", "quote: The Martian government has previously denied", 1)
	})
	wait("the overlay", overlay+`.includes("quote not found")`)
	run(chromedp.Evaluate[chromedp.Void](`window.__scholiaDropOK = true`))
	// Restored exactly: the pages are those already served, so the ok
	// event is all the page gets.
	edit(sidecar, func(string) string { return good })
	wait("the ok event, hidden from the page", `window.__scholiaDropped > 0`)
	run(chromedp.Evaluate[chromedp.Void](`window.__scholiaDropOK = false; (s => { s.close(); s.dispatchEvent(new Event("error")); })(window.__scholiaStreams.at(-1))`))
	wait("the overlay to go when the page reconnects", `!document.getElementById("scholia-error-overlay") && window.__scholiaLive === "connected"`)
	if marker, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`String(window.__scholiaTest)`)); marker != "same page" {
		t.Error("the page reloaded: the reconnection test proves nothing")
	}

	step("create an article in a new nested folder")
	run(chromedp.Navigate(srv.URL() + "new/nested/fresh/"))
	wait("the 404 page", `document.body.innerText.includes("Page not found")`)
	writeFiles(t, dir, map[string]string{"content/new/nested/fresh.md": "---\ntitle: Fresh\ndate: 2026-01-02\n---\n\nA brand new nested article.\n"})
	wait("the new article", `document.body.innerText.includes("A brand new nested article.")`)

	step("delete it")
	if err := os.RemoveAll(filepath.Join(dir, "content", "new")); err != nil {
		t.Fatal(err)
	}
	wait("the 404 page again", `document.body.innerText.includes("Page not found")`)
	resp, err := http.Get(srv.URL() + "new/nested/fresh/")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("deleted article: %s, want 404", resp.Status)
	}
	step("done")
}

// streamSpy runs before a page's scripts: it records each EventSource in
// window.__scholiaStreams and, while window.__scholiaDropOK is set, stops
// "ok" events before the page's own listener, counting them in
// window.__scholiaDropped.
const streamSpy = `(() => {
  const ES = window.EventSource;
  window.__scholiaStreams = [];
  window.__scholiaDropped = 0;
  window.EventSource = class extends ES {
    constructor(url, opts) {
      super(url, opts);
      window.__scholiaStreams.push(this);
      this.addEventListener("ok", (ev) => {
        if (window.__scholiaDropOK) {
          window.__scholiaDropped++;
          ev.stopImmediatePropagation();
        }
      });
    }
  };
})();`

func jsString(s string) string { return fmt.Sprintf("%q", s) }
