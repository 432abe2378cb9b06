package loadtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/scholia/scholia/generator/server"
	"github.com/scholia/scholia/generator/site"
)

// serving is the line the dev server prints once it listens, with its
// address.
var serving = regexp.MustCompile(`serving (http://\S+)/ `)

// devServer is the dev server running in this process, as `scholia serve`
// starts it (generator/cli), on a port of the system's choosing.
type devServer struct {
	base           string // http://127.0.0.1:PORT, without the final slash
	stdout, stderr *output
	cancel         context.CancelFunc
	done           chan error
	stopOnce       sync.Once
	stopErr        error
}

// startServer serves the site at dir and waits (up to 30 s) until it
// says where.
func startServer(ctx context.Context, dir string) (*devServer, error) {
	ctx, cancel := context.WithCancel(ctx)
	urls := make(chan string, 1)
	s := &devServer{cancel: cancel, done: make(chan error, 1), stderr: &output{}}
	s.stdout = &output{line: func(line string) {
		if m := serving.FindStringSubmatch(line); m != nil {
			select {
			case urls <- m[1]:
			default:
			}
		}
	}}
	go func() {
		s.done <- server.Run(ctx, server.Options{
			Root: dir,
			Addr: "127.0.0.1:0",
			Open: func(url string) (server.Site, error) {
				live, err := site.NewLive(site.Options{FS: os.DirFS(dir), BaseURL: url})
				if live == nil {
					return nil, err
				}
				return live, err
			},
			Stdout: s.stdout,
			Stderr: s.stderr,
		})
	}()
	select {
	case s.base = <-urls:
		return s, nil
	case err := <-s.done:
		cancel()
		return nil, fmt.Errorf("the dev server stopped before serving: %v\n%s%s", err, s.stdout, s.stderr)
	case <-time.After(30 * time.Second):
		s.stop()
		return nil, fmt.Errorf("the dev server was not serving after 30s:\n%s%s", s.stdout, s.stderr)
	}
}

// stop stops the server (Ctrl-C) and returns what Run returned: nil when
// it stopped cleanly.
func (s *devServer) stop() error {
	s.stopOnce.Do(func() {
		s.cancel()
		select {
		case s.stopErr = <-s.done:
		case <-time.After(10 * time.Second):
			s.stopErr = errors.New("the dev server did not stop within 10s of Ctrl-C")
		}
	})
	return s.stopErr
}

// output keeps what the server writes to one of its outputs, safe for its
// goroutines, and hands each complete line to line.
type output struct {
	line func(string)
	mu   sync.Mutex
	b    bytes.Buffer
	done int // bytes of b already handed to line
}

func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.b.Write(p)
	for {
		i := bytes.IndexByte(o.b.Bytes()[o.done:], '\n')
		if i < 0 {
			return len(p), nil
		}
		if o.line != nil {
			o.line(string(o.b.Bytes()[o.done : o.done+i]))
		}
		o.done += i + 1
	}
}

func (o *output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.b.String()
}

// count is the number of lines holding sub.
func (o *output) count(sub string) int {
	n := 0
	for line := range strings.Lines(o.String()) {
		if strings.Contains(line, sub) {
			n++
		}
	}
	return n
}
