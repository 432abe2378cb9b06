package benchmark

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/internal/chromium"
	"github.com/scholia/scholia/generator/internal/testsite"
)

// Saves per dev server; the table has their median.
const saveCount = 9

var errNoChromium = errors.New("chromium: not installed (apt-get install chromium)")

// serveMemory starts scholia serve on the site at src and reads its peak
// resident memory once it serves, that is after its first build.
func serveMemory(t tools, src string) (int64, error) {
	addr, err := freeAddr()
	if err != nil {
		return 0, err
	}
	cmd := exec.Command(t.scholia, "serve", "-src", src, "-addr", addr)
	s, err := startServer(cmd, scholiaReady, 10*time.Minute)
	if err != nil {
		return 0, err
	}
	defer s.stop()
	return highWaterKiB(cmd)
}

// saves measures save-to-screen with scholia serve and, when there is
// hugo, hugo server, on the archive at src (and its Hugo copy), editing
// the first article. Failures are kept in r, for the table to show.
func saves(cfg Config, t tools, r *sizeResult, src, hugoSrc string) {
	exe := chromium.Find()
	if exe == "" {
		r.savesErr, r.hugoSavesErr = errNoChromium, errNoChromium
		return
	}
	ctx, cancel := browser(exe, filepath.Join(filepath.Dir(src), "chromium-profile"))
	defer cancel()
	article := filepath.FromSlash(testsite.ArchivePath(0))
	page := "articles/a00000/"

	addr, err := freeAddr()
	if err == nil {
		r.saves, err = serveAndSave(ctx, exec.Command(t.scholia, "serve", "-src", src, "-addr", addr),
			scholiaReady, page, filepath.Join(src, article))
	}
	r.savesErr = err
	fmt.Fprintf(cfg.Log, "scholia serve, save-to-screen: %v (%v)\n", r.saves, err)
	if t.hugo == "" {
		r.hugoSavesErr = errors.New(hugoMissing)
		return
	}
	addr, err = freeAddr()
	if err == nil {
		_, port, _ := net.SplitHostPort(addr)
		r.hugoSaves, err = serveAndSave(ctx, exec.Command(t.hugo, "server", "-s", hugoSrc, "--bind", "127.0.0.1", "--port", port),
			hugoReady, page, filepath.Join(hugoSrc, article))
	}
	r.hugoSavesErr = err
	fmt.Fprintf(cfg.Log, "hugo server, save-to-screen: %v (%v)\n", r.hugoSaves, err)
}

// serveAndSave starts a dev server with cmd and measures saveCount saves
// of file, seen on page (a path below the server's address).
func serveAndSave(ctx context.Context, cmd *exec.Cmd, ready *regexp.Regexp, page, file string) ([]time.Duration, error) {
	s, err := startServer(cmd, ready, 10*time.Minute)
	if err != nil {
		return nil, err
	}
	defer s.stop()
	if _, err := os.Stat(file); err != nil {
		return nil, fmt.Errorf("save-to-screen: %w", err)
	}
	return saveToScreen(ctx, strings.TrimSuffix(s.url, "/")+"/"+page, file, saveCount)
}
