package server

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/scholia/scholia/generator/internal/chromium"
)

// tab is a headless Chromium tab driven by a test or a benchmark.
type tab struct {
	t   testing.TB
	ctx context.Context
}

// openTab starts headless Chromium for the rest of the test, or skips the
// test, saying so, when there is none.
func openTab(t testing.TB, timeout time.Duration) *tab {
	t.Helper()
	exe := chromium.Find()
	if exe == "" {
		t.Skip("SKIPPED browser test: chromium not installed")
	}
	if testing.Short() {
		t.Skip("SKIPPED browser test: -short")
	}
	ctx, stop := chromium.Start(exe, t.TempDir(), 900, 500)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancel(); stop() })
	return &tab{t: t, ctx: ctx}
}

// run runs actions, failing the test on error.
func (b *tab) run(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// eval evaluates expr in the page, failing the test on error.
func eval[T any](b *tab, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// evalVoid is an action that evaluates expr for its effect.
func evalVoid(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](expr)
}

// waitEvery evaluates expr every interval until it is true; errors while a
// page reloads ("execution context was destroyed") just mean "not yet".
func (b *tab) waitEvery(what, expr string, interval time.Duration) {
	b.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) || b.ctx.Err() != nil {
			text, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.href + "\n" + document.body.innerText.slice(0, 500)`))
			b.t.Fatalf("%s: timed out (last error %v); page:\n%s", what, err, text)
		}
		time.Sleep(interval)
	}
}

func (b *tab) wait(what, expr string) { b.t.Helper(); b.waitEvery(what, expr, 20*time.Millisecond) }

// editFile rewrites the file rel of the site at dir with change.
func editFile(t testing.TB, dir, rel string, change func(string) string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(change(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
}
