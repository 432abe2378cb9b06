// Package chromium finds and starts the headless Chromium that the
// project's browser tests and benchmarks drive, with one set of flags.
//
// # Use
//
//	exe := chromium.Find() // "" when none is installed: skip, saying so
//	ctx, stop := chromium.Start(exe, t.TempDir(), 900, 500)
//	defer stop()
//	err := chromedp.Run(ctx, chromedp.Navigate(url))
//
// The flags keep Chromium off the network beyond the pages it is sent to
// (this machine's network is closed, and a refused connection is slow)
// and let it run as root in a container.
package chromium

import (
	"context"
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// Find returns Debian's chromium (CI installs it), or another Chrome on
// PATH, or "" when there is none.
func Find() string {
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Start starts exe headless with a fresh profile in the folder profile and
// a window of width by height; stop ends it.
func Start(exe, profile string, width, height int) (ctx context.Context, stop func()) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.UserDataDir(profile), chromedp.WindowSize(width, height),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	return ctx, func() { cancelCtx(); cancelAlloc() }
}
