package site

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axeView is one way of looking at a page that axe-core checks.
type axeView struct {
	site   string // browserSite.name
	page   string // URL path
	width  int64  // viewport width, CSS px
	scheme string // prefers-color-scheme: light or dark
}

// TestAccessibility runs axe-core's WCAG 2.1 A and AA rules in headless
// Chromium (DESIGN section 7: no violations) on every page of the example
// and the small site, in the light and the dark colour scheme; and on a
// matrix of the pages most likely to break, each at 390 and 1280 px wide,
// light and dark: the home page and the article of the example site, the
// every-grade article, and every page of the Arabic site and of the site
// without a site.yaml. It says plainly when Chromium or axe-core is missing.
func TestAccessibility(t *testing.T) {
	b := openBrowser(t, 3*time.Minute)
	axePath := os.Getenv("AXE_JS")
	if axePath == "" {
		axePath = "../../.tools/node_modules/axe-core/axe.min.js"
	}
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Skipf("SKIPPED the accessibility check: no axe-core at %s (run `make tools`)", axePath)
	}
	start := time.Now()

	var views []axeView
	seen := map[axeView]bool{}
	add := func(v axeView) {
		if !seen[v] {
			seen[v] = true
			views = append(views, v)
		}
	}
	bases := map[string]string{}
	for _, s := range []browserSite{siteExample, siteSmall, siteEveryGrade, siteArabic, siteDefaults} {
		base, pages := s.serve(t)
		bases[s.name] = base
		var matrix []string
		switch s {
		case siteExample:
			matrix = []string{"/", s.article}
		case siteEveryGrade:
			matrix = []string{s.article}
		case siteArabic, siteDefaults:
			matrix = pages
		}
		for _, scheme := range []string{"light", "dark"} {
			if s == siteExample || s == siteSmall {
				for _, p := range pages {
					add(axeView{site: s.name, page: p, width: 1280, scheme: scheme})
				}
			}
			for _, width := range []int64{390, 1280} {
				for _, p := range matrix {
					add(axeView{site: s.name, page: p, width: width, scheme: scheme})
				}
			}
		}
	}
	for _, v := range views {
		for _, violation := range axeRun(t, b, bases[v.site], v, string(axe)) {
			t.Errorf("%s %s at %d px, %s: %s", v.site, v.page, v.width, v.scheme, violation)
		}
	}
	t.Logf("axe-core found no WCAG 2.1 A/AA violations in %d page views, in %v", len(views), time.Since(start).Round(time.Second))
}

// axeRun loads the view's page in its width and colour scheme, runs
// axe-core and returns its violations, one line each.
func axeRun(t *testing.T, b *browserTab, base string, v axeView, axe string) []string {
	t.Helper()
	b.size(t, v.width, 800)
	b.media(t, "", v.scheme)
	b.open(t, base, v.page)
	res := evalIn[string](t, b, axe+`;
		axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
			.then(r => JSON.stringify(r.violations.map(v => v.id + ": " + v.help + " at " + v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", "))))`,
		chromedp.EvalAwaitPromise)
	var violations []string
	if err := json.Unmarshal([]byte(res), &violations); err != nil {
		t.Fatalf("%s: axe said %q: %v", v.page, res, err)
	}
	return violations
}
