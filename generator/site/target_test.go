package site

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/scholia/scholia/generator/internal/chromium"
)

// TestBrowserTarget opens the example article at #claim-ID and at #note-ID
// in headless Chromium: either way the claim's marks, its margin note, its
// disclosure and its endnote are outlined, and another claim's are not.
func TestBrowserTarget(t *testing.T) {
	if os.Getenv("SCHOLIA_PAGE_CHECKS") == "" {
		t.Skip("run by make test-html, which sets SCHOLIA_PAGE_CHECKS=1")
	}
	chrome := chromium.Find()
	if chrome == "" {
		t.Skip("SKIPPED the :target check: chromium is not installed")
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(build(t, exampleFS, Options{}))))
	defer srv.Close()
	ctx, stop := chromium.Start(chrome, t.TempDir(), 1280, 800)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	page := srv.URL + "/articles/russia-taliban-arms/"
	const claim, other = "russia-denial", "votel-testimony"
	// outlined counts the elements of a claim that are outlined, of
	// the marks, the margin note, the disclosure and the endnote.
	outlined := func(id string) string {
		return fmt.Sprintf(`(() => {
			const els = [...document.querySelectorAll('[data-claim=%[1]q]')];
			const kinds = new Set(els.filter(e => getComputedStyle(e).outlineStyle !== 'none').map(e =>
				e.matches('mark') ? 'mark' : e.classList.contains('margin-note') ? 'margin' : e.classList.contains('claim-disclosure') ? 'disclosure' : e.classList.contains('claim-note') ? 'endnote' : e.tagName));
			return [...kinds].sort().join(' ');
		})()`, id)
	}
	for _, target := range []string{"#claim-" + claim, "#note-" + claim} {
		t.Run(target, func(t *testing.T) {
			if _, err := chromedp.Run(ctx, chromedp.Navigate(page+target)); err != nil {
				t.Fatal(err)
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[string](outlined(claim)))
			if err != nil {
				t.Fatal(err)
			}
			if want := "disclosure endnote margin mark"; got != want {
				t.Errorf("outlined at %s: %q, want %q", target, got, want)
			}
			if got, err := chromedp.Run(ctx, chromedp.Evaluate[string](outlined(other))); err != nil || got != "" {
				t.Errorf("another claim's elements are outlined: %q (%v)", got, err)
			}
		})
	}
}
