package server

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/scholia/scholia/generator/diag"
)

func TestReloaderEvents(t *testing.T) {
	r := newReloader()
	srv := httptest.NewServer(r)
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events := sseClient(t, ctx, srv.URL)

	var hello struct {
		ID  string
		Gen int
	}
	nextEvent(t, events).decode(t, &hello)
	if hello.ID != r.ID() || hello.Gen != 0 {
		t.Fatalf("hello %+v, want id %s and generation 0", hello, r.ID())
	}
	eventually(t, "the client to be registered", func() bool { return r.Clients() == 1 })

	r.Reload([]string{"a/index.html"}, false, false)
	r.CSS([]string{"assets/style.css"})
	r.Errors([]errorView{{Pos: "content/a.md:3:1", Path: "content/a.md", Line: 3, Col: 1, Message: "bad <b>"}})
	r.OK()
	r.Reload(nil, true, true)

	var got []string
	for range 5 {
		ev := nextEvent(t, events)
		got = append(got, ev.Name+" "+ev.Data)
	}
	want := []string{
		`reload {"all":false,"files":["a/index.html"],"gen":1,"hard":false}`,
		`css {"files":["assets/style.css"],"gen":2}`,
		`errors {"errors":[{"pos":"content/a.md:3:1","path":"content/a.md","line":3,"col":1,"message":"bad \u003cb\u003e"}],"gen":2}`,
		`ok {"gen":2}`,
		`reload {"all":true,"files":[],"gen":3,"hard":true}`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("events:\n%q\nwant\n%q", got, want)
	}
}

// TestReloaderLateClient checks that a page opened while the site is broken
// gets the errors right after hello, and that one opened after the fix
// does not.
func TestReloaderLateClient(t *testing.T) {
	r := newReloader()
	srv := httptest.NewServer(r)
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r.Errors(errorViews(diag.List{{Path: "content/a.md", Line: 1, Msg: "broken"}}, nil))
	events := sseClient(t, ctx, srv.URL)
	if ev := nextEvent(t, events); ev.Name != "hello" {
		t.Fatalf("first event %s, want hello", ev.Name)
	}
	if ev := nextEvent(t, events); ev.Name != "errors" || !containsAll(ev.Data, "content/a.md", "broken") {
		t.Fatalf("second event %s %s, want the errors", ev.Name, ev.Data)
	}
	r.OK()
	if ev := nextEvent(t, events); ev.Name != "ok" {
		t.Fatalf("got %s, want ok", ev.Name)
	}
	later := sseClient(t, ctx, srv.URL)
	nextEvent(t, later) // hello
	r.Reload(nil, true, false)
	if ev := nextEvent(t, later); ev.Name != "reload" {
		t.Fatalf("after hello: %s, want reload (no errors)", ev.Name)
	}
}

// TestReloaderClose checks that Close ends open streams, so that
// http.Server.Shutdown does not wait for them, and refuses new ones.
func TestReloaderClose(t *testing.T) {
	r := newReloader()
	srv := httptest.NewServer(r)
	defer srv.Close()
	events := sseClient(t, context.Background(), srv.URL)
	nextEvent(t, events)
	eventually(t, "the client to be registered", func() bool { return r.Clients() == 1 })
	r.Close()
	select {
	case _, ok := <-events:
		if ok {
			t.Fatal("got an event after Close")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("stream still open after Close")
	}
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("after Close: %s, want 503", resp.Status)
	}
}

func TestViews(t *testing.T) {
	src := "line 1\nline 2\nline 3\nline 4\n\tquote: made of chalk\nline 6\nline 7\nline 8\nline 9\n"
	list := diag.List{{Path: "content/a.yaml", Line: 5, Col: 12, Msg: "quote not found"}, {Msg: "no place"}}
	v := errorViews(list, func(rel string) ([]byte, bool) { return []byte(src), rel == "content/a.yaml" })
	if len(v) != 2 || v[0].Pos != "" || v[0].Message != "no place" {
		t.Fatalf("views %+v: want the error without a place first", v)
	}
	e := v[1]
	if e.Pos != "content/a.yaml:5:12" || len(e.Context) != 7 || e.Context[0].N != 2 || e.Context[6].N != 8 {
		t.Fatalf("view %+v", e)
	}
	l := e.Context[3]
	if !l.Error || l.Text != "    quote: mad" || l.Mark != "e" || l.After != " of chalk" {
		t.Errorf("error line %+v: want it split at column 12 (a tab is one column, shown as 4 spaces)", l)
	}
	if v := errorViews(errors.New("disk full"), nil); len(v) != 1 || v[0].Message != "disk full" {
		t.Errorf("plain error: %+v", v)
	}
	hostile := diag.List{{Path: "content/\u202egnp.md", Line: 1, Msg: "x\x1b[2J in \u202egnp.md"}}
	if v := errorViews(hostile, nil); v[0].Pos != `content/\u202egnp.md:1` || v[0].Path != `content/\u202egnp.md` || v[0].Message != `x\x1b[2J in \u202egnp.md` {
		t.Errorf("a name with control and bidi characters: %+v; want them escaped", v[0])
	}
}
