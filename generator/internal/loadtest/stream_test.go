package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// checked is what stream.check says.
type checked struct {
	Got, Want int
	Problems  []string
}

func TestStreamCheck(t *testing.T) {
	for _, tc := range []struct {
		name   string
		stream *stream
		final  int
		want   checked
	}{
		{name: "every reload", stream: &stream{hello: 0, gens: []int{1, 2, 3}}, final: 3, want: checked{Got: 3, Want: 3}},
		{name: "joined late", stream: &stream{hello: 2, gens: []int{3}}, final: 3, want: checked{Got: 1, Want: 1}},
		{name: "no edits", stream: &stream{hello: 0}, final: 0, want: checked{}},
		{
			name: "a gap", stream: &stream{hello: 0, gens: []int{1, 3}}, final: 3,
			want: checked{Got: 2, Want: 3, Problems: []string{
				"reload 2 has generation 3, want 2 (reloads after hello 0: [1 3])",
				"2 reloads after hello 0, want 3 (to generation 3)",
			}},
		},
		{
			name: "the last one missing", stream: &stream{hello: 0, gens: []int{1, 2}}, final: 3,
			want: checked{Got: 2, Want: 3, Problems: []string{"2 reloads after hello 0, want 3 (to generation 3)"}},
		},
		{
			name: "twice", stream: &stream{hello: 0, gens: []int{1, 1, 2}}, final: 2,
			want: checked{Got: 3, Want: 2, Problems: []string{
				"reload 2 has generation 1, want 2 (reloads after hello 0: [1 1 2])",
				"3 reloads after hello 0, want 2 (to generation 2)",
			}},
		},
		{
			name: "failed", stream: &stream{hello: 0, gens: []int{1}, err: errors.New("the server ended the stream")}, final: 1,
			want: checked{Got: 1, Want: 1, Problems: []string{"the server ended the stream"}},
		},
		{
			name: "errors on the page", stream: &stream{hello: 0, others: []string{`errors {"gen":0}`}}, final: 0,
			want: checked{Problems: []string{`unexpected event errors {"gen":0}`}},
		},
		{
			name: "no hello", stream: &stream{hello: -1, err: errors.New("503 Service Unavailable")}, final: 2,
			want: checked{Problems: []string{"503 Service Unavailable", "no hello"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got checked
			got.Got, got.Want, got.Problems = tc.stream.check(tc.final)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("check(%d) (-want +got):\n%s", tc.final, diff)
			}
		})
	}
}

// TestStreamReads runs openStream against servers that send what the dev
// server sends, and what it must not.
func TestStreamReads(t *testing.T) {
	for _, tc := range []struct {
		name string
		body string // after the header; the stream then stays open
		end  bool   // the server ends the stream after body
		want checked
	}{
		{
			name: "hello and reloads",
			body: "retry: 300\nevent: hello\ndata: {\"id\":\"x\",\"gen\":4}\n\n: ping\n\n" +
				"event: reload\ndata: {\"all\":false,\"files\":[\"index.html\"],\"gen\":5,\"hard\":false}\n\n",
			want: checked{Got: 1, Want: 1},
		},
		{
			name: "ended by the server",
			body: "event: hello\ndata: {\"gen\":0}\n\n",
			end:  true,
			want: checked{Want: 1, Problems: []string{"the server ended the stream", "0 reloads after hello 0, want 1 (to generation 1)"}},
		},
		{
			name: "bad data",
			body: "event: hello\ndata: {\"gen\":0}\n\nevent: reload\ndata: nope\n\n",
			want: checked{Want: 1, Problems: []string{
				`event reload: invalid character 'o' in literal null (expecting 'u'): "nope"`,
				"0 reloads after hello 0, want 1 (to generation 1)",
			}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path != eventsPath {
					http.NotFound(w, r)
					return
				}
				w.Header().Set("Content-Type", "text/event-stream")
				io.WriteString(w, tc.body)
				w.(http.Flusher).Flush()
				if !tc.end {
					<-r.Context().Done()
				}
			}))
			defer srv.Close()
			ctx, cancel := context.WithCancel(context.Background())
			s := openStream(ctx, srv.Client(), srv.URL)
			select {
			case <-s.ready:
			case <-time.After(10 * time.Second):
				t.Fatal("no hello within 10s")
			}
			// Let the rest of the body, and the end, arrive.
			deadline := time.Now().Add(10 * time.Second)
			hello, _ := s.state()
			for s.last() < hello+tc.want.Got && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
			if tc.end || len(tc.want.Problems) > 0 {
				for _, err := s.state(); err == nil && time.Now().Before(deadline); _, err = s.state() {
					time.Sleep(5 * time.Millisecond)
				}
			}
			cancel()
			var got checked
			got.Got, got.Want, got.Problems = s.check(hello + 1)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestOpenStreamsFails checks that a server refusing streams is an error
// at once, not a wait for hellos that never come.
func TestOpenStreamsFails(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "server shutting down", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := openStreams(ctx, srv.Client(), srv.URL, 3, 10*time.Second)
	want := fmt.Sprintf("event stream 1: 503 Service Unavailable, Content-Type %q", "text/plain; charset=utf-8")
	if err == nil || err.Error() != want {
		t.Errorf("openStreams: %v, want %s", err, want)
	}
}
