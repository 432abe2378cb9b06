package loadtest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// eventsPath is where the dev server streams its events (package server).
const eventsPath = "/__scholia/events"

// stream is one page's event stream, as a browser's EventSource reads it.
type stream struct {
	ready chan struct{} // closed on hello, or when the stream fails first

	mu     sync.Mutex
	hello  int      // the generation hello gave
	gens   []int    // each reload's generation, in order of arrival
	others []string // events that a good soak never sends (errors, css, ...)
	err    error    // why the stream failed, if it did
}

// eventData is the part of an event's data the checks need.
type eventData struct {
	Gen int `json:"gen"`
}

// openStream connects to base's event stream with client and reads it
// until ctx is done. The stream's ready is closed once hello has arrived.
func openStream(ctx context.Context, client *http.Client, base string) *stream {
	s := &stream{ready: make(chan struct{}), hello: -1}
	go s.read(ctx, client, base)
	return s
}

func (s *stream) read(ctx context.Context, client *http.Client, base string) {
	var once sync.Once
	ready := func() { once.Do(func() { close(s.ready) }) }
	defer ready()
	fail := func(err error) {
		if ctx.Err() != nil {
			return // closed by the soak: how a stream should end
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.err == nil {
			s.err = err
		}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+eventsPath, nil)
	if err != nil {
		fail(err)
		return
	}
	resp, err := client.Do(req)
	if err != nil {
		fail(err)
		return
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); resp.StatusCode != http.StatusOK || ct != "text/event-stream" {
		fail(fmt.Errorf("%s, Content-Type %q", resp.Status, ct))
		return
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 1<<20)
	var name, data string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			name = line[len("event: "):]
		case strings.HasPrefix(line, "data: "):
			data = line[len("data: "):]
		case line == "" && name != "":
			if err := s.event(name, data); err != nil {
				fail(err)
				return
			}
			if name == "hello" {
				ready()
			}
			name, data = "", ""
		}
	}
	if err := sc.Err(); err != nil {
		fail(err)
		return
	}
	fail(errors.New("the server ended the stream"))
}

// event records one event.
func (s *stream) event(name, data string) error {
	var d eventData
	if err := json.Unmarshal([]byte(data), &d); err != nil {
		return fmt.Errorf("event %s: %v: %q", name, err, data)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch name {
	case "hello":
		if s.hello >= 0 {
			return fmt.Errorf("a second hello (gen %d) on one stream", d.Gen)
		}
		s.hello = d.Gen
	case "reload":
		s.gens = append(s.gens, d.Gen)
	default:
		s.others = append(s.others, name+" "+data)
	}
	return nil
}

// state is hello's generation (-1 before it) and why the stream failed.
func (s *stream) state() (hello int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hello, s.err
}

// last is the generation of the last reload received, or hello's.
func (s *stream) last() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.gens) > 0 {
		return s.gens[len(s.gens)-1]
	}
	return s.hello
}

// check says what is wrong with the stream given that the server's last
// generation is final: it must have failed in no way and received every
// reload after its hello's generation up to final, once each, in order.
// It returns the reloads received and those expected.
func (s *stream) check(final int) (got, want int, problems []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		problems = append(problems, s.err.Error())
	}
	for _, o := range s.others {
		problems = append(problems, "unexpected event "+o)
	}
	if s.hello < 0 {
		return len(s.gens), 0, append(problems, "no hello")
	}
	want = max(final-s.hello, 0)
	for i, g := range s.gens {
		if g != s.hello+i+1 {
			problems = append(problems, fmt.Sprintf("reload %d has generation %d, want %d (reloads after hello %d: %v)", i+1, g, s.hello+i+1, s.hello, s.gens))
			break
		}
	}
	if len(s.gens) != want {
		problems = append(problems, fmt.Sprintf("%d reloads after hello %d, want %d (to generation %d)", len(s.gens), s.hello, want, final))
	}
	return len(s.gens), want, problems
}

// streams are the soak's clients.
type streams []*stream

// open connects n streams and waits (up to timeout) for every hello.
func openStreams(ctx context.Context, client *http.Client, base string, n int, timeout time.Duration) (streams, error) {
	ss := make(streams, n)
	for i := range ss {
		ss[i] = openStream(ctx, client, base)
	}
	deadline := time.After(timeout)
	for i, s := range ss {
		select {
		case <-s.ready:
		case <-deadline:
			return ss, fmt.Errorf("only %d of %d event streams had their hello after %s", i, n, timeout)
		}
		if hello, err := s.state(); hello < 0 {
			return ss, fmt.Errorf("event stream %d: %v", i+1, err)
		}
	}
	return ss, nil
}

// wait waits (up to timeout) until every stream has received the reload
// of generation final, or failed.
func (ss streams) wait(final int, timeout time.Duration) {
	deadline := time.Now().Add(timeout)
	for _, s := range ss {
		for s.last() < final && time.Now().Before(deadline) {
			if _, err := s.state(); err != nil {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}

// generation asks a fresh stream for the server's build generation.
func generation(ctx context.Context, client *http.Client, base string) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := openStream(ctx, client, base)
	select {
	case <-s.ready:
	case <-time.After(10 * time.Second):
		return 0, errors.New("no hello within 10s")
	}
	hello, err := s.state()
	if hello < 0 {
		return 0, fmt.Errorf("reading the generation: %v", err)
	}
	return hello, nil
}
