package benchmark

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/scholia/scholia/generator/internal/chromium"
)

// What each dev server prints once its first build is done and it
// listens, with the address to open.
var (
	scholiaReady = regexp.MustCompile(`serving (http://\S+)`)
	hugoReady    = regexp.MustCompile(`Web Server is available at (http://\S+)`)
)

// server is a running dev server.
type server struct {
	cmd  *exec.Cmd
	url  string
	done chan struct{} // closed when the process has exited
	mu   sync.Mutex
	out  []string // its last lines of output, for errors
}

// startServer starts cmd and waits (up to timeout) until it prints a line
// that ready matches, whose first group is the server's address.
func startServer(cmd *exec.Cmd, ready *regexp.Regexp, timeout time.Duration) (*server, error) {
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = pw, pw
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", cmd.Path, err)
	}
	s := &server{cmd: cmd, done: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		pw.Close()
		close(s.done)
	}()
	urls := make(chan string, 1)
	go func() {
		// Keep reading to the end, or the server blocks on a full pipe.
		sc := bufio.NewScanner(pr)
		sent := false
		for sc.Scan() {
			s.mu.Lock()
			s.out = append(s.out[max(0, len(s.out)-20):], sc.Text())
			s.mu.Unlock()
			if m := ready.FindStringSubmatch(sc.Text()); m != nil && !sent {
				sent = true
				urls <- m[1]
			}
		}
	}()
	select {
	case s.url = <-urls:
		return s, nil
	case <-s.done:
		return nil, fmt.Errorf("%s exited before serving:\n%s", strings.Join(cmd.Args, " "), s.output())
	case <-time.After(timeout):
		s.stop()
		return nil, fmt.Errorf("%s: not serving after %s:\n%s", strings.Join(cmd.Args, " "), timeout, s.output())
	}
}

func (s *server) output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.out, "\n")
}

// stop interrupts the server as Ctrl-C would, and kills it if it is still
// there after 5 seconds.
func (s *server) stop() {
	_ = s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
}

// freeAddr is a loopback address with a port nobody listens on.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("finding a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// browser starts headless Chromium as the project's browser test does.
func browser(exe, profile string) (context.Context, context.CancelFunc) {
	return chromium.Start(exe, profile, 1200, 800)
}

// shows resolves once the page's text holds the marker: at once if it is
// there, else on the first DOM mutation that brings it, with a 2 ms poll
// besides in case a new document replaces the observed one.
const shows = `new Promise(resolve => {
	const marker = %q;
	let timer = 0, observer = null;
	const check = () => {
		if (document.body === null || !document.body.textContent.includes(marker)) return;
		if (observer) observer.disconnect();
		clearInterval(timer);
		resolve(true);
	};
	observer = new MutationObserver(check);
	observer.observe(document, {childList: true, subtree: true, characterData: true});
	timer = setInterval(check, 2);
	check();
})`

// saveToScreen opens page in the browser, then saves file n times, each
// time with a new sentence at its end, and times each save from just
// before the write until the page shows the sentence: the wall clock of
// this process, so one clock measures both ends.
func saveToScreen(ctx context.Context, page, file string, n int) ([]time.Duration, error) {
	base, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("save-to-screen: %w", err)
	}
	defer os.WriteFile(file, base, 0o644)
	if err := chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("body"))); err != nil {
		return nil, fmt.Errorf("save-to-screen: opening %s: %w", page, err)
	}
	time.Sleep(time.Second) // let the live-reload connection open
	var times []time.Duration
	for i := range n {
		marker := fmt.Sprintf("Benchmarksave%dx%d", i, time.Now().UnixNano()%1e6)
		text := append(append([]byte{}, base...), fmt.Sprintf("\n%s is the new sentence.\n", marker)...)
		start := time.Now()
		if err := os.WriteFile(file, text, 0o644); err != nil {
			return nil, fmt.Errorf("save-to-screen: %w", err)
		}
		if err := waitFor(ctx, marker, start.Add(20*time.Second)); err != nil {
			return nil, fmt.Errorf("save-to-screen: save %d: %w", i+1, err)
		}
		times = append(times, time.Since(start))
		time.Sleep(500 * time.Millisecond) // a fresh batch for the next save
	}
	return times, nil
}

// waitFor waits until the open page shows marker. An evaluation fails
// when the page reloads under it; then it asks the new page.
func waitFor(ctx context.Context, marker string, deadline time.Time) error {
	for {
		cctx, cancel := context.WithDeadline(ctx, deadline)
		ok, err := chromedp.Run(cctx, chromedp.Evaluate[bool](fmt.Sprintf(shows, marker), chromedp.EvalAwaitPromise))
		cancel()
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%q not on the page after 20s (last error: %v)", marker, err)
		}
		time.Sleep(time.Millisecond)
	}
}
