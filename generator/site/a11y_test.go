package site

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/scholia/scholia/generator/internal/chromium"
)

// TestAccessibility opens every page of the example site and of the small
// test site in headless Chromium, in the light and the dark colour scheme,
// and runs axe-core's WCAG 2.1 A and AA rules on it (DESIGN section 7: no
// violations). It says plainly when Chromium or axe-core is missing.
func TestAccessibility(t *testing.T) {
	if os.Getenv("SCHOLIA_PAGE_CHECKS") == "" {
		t.Skip("run by make test-html, which sets SCHOLIA_PAGE_CHECKS=1")
	}
	chrome := chromium.Find()
	if chrome == "" {
		t.Skip("SKIPPED the accessibility check: chromium is not installed")
	}
	axePath := os.Getenv("AXE_JS")
	if axePath == "" {
		axePath = "../../.tools/node_modules/axe-core/axe.min.js"
	}
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Skipf("SKIPPED the accessibility check: no axe-core at %s (run `make tools`)", axePath)
	}
	ctx, stop := chromium.Start(chrome, t.TempDir(), 1200, 800)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()

	checked := 0
	for _, site := range []string{"example", "small"} {
		fsys := exampleFS
		if site == "small" {
			fsys = archiveFS(t, "small-site.txtar")
		}
		out := build(t, fsys, Options{})
		srv := httptest.NewServer(http.FileServer(http.Dir(out)))
		defer srv.Close()
		for name := range readTree(t, out) {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			url := srv.URL + "/" + strings.TrimSuffix(name, "index.html")
			for _, scheme := range []string{"light", "dark"} {
				for _, v := range axeRun(t, ctx, url, scheme, string(axe)) {
					t.Errorf("%s (%s): %s", name, scheme, v)
				}
				checked++
			}
		}
	}
	t.Logf("axe-core found no WCAG 2.1 A/AA violations in %d page views", checked)
}

// axeRun loads url in the colour scheme, runs axe-core and returns its
// violations, one line each.
func axeRun(t *testing.T, ctx context.Context, url, scheme, axe string) []string {
	t.Helper()
	dark := "light"
	if scheme == "dark" {
		dark = "dark"
	}
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: dark}},
	})
	if err == nil {
		err = chromedp.Do(ctx, chromedp.Navigate(url))
	}
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](axe+";true"))
	}
	var res string
	if err == nil {
		res, err = chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
			.then(r => JSON.stringify(r.violations.map(v => v.id + ": " + v.help + " at " + v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", "))))`,
			chromedp.EvalAwaitPromise))
	}
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	var violations []string
	if err := json.Unmarshal([]byte(res), &violations); err != nil {
		t.Fatalf("%s: axe said %q: %v", url, res, err)
	}
	return violations
}
