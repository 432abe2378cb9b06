package server

import (
	"net"
	"strconv"
	"strings"
	"testing"
)

// TestListenFallback takes the default port (made a free one for the test)
// and checks that listen moves to the next and says so.
func TestListenFallback(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port
	defer func(old string) { defaultAddr = old }(defaultAddr)
	defaultAddr = taken.Addr().String()

	ln, note, err := listen("")
	if err != nil {
		t.Skipf("the ports after %d are busy too: %v", port, err)
	}
	defer ln.Close()
	got := ln.Addr().(*net.TCPAddr).Port
	if got <= port || got > port+fallbackPorts {
		t.Errorf("listening on %d, want one of the %d ports after %d", got, fallbackPorts, port)
	}
	want := "port " + strconv.Itoa(port) + " is in use; using " + strconv.Itoa(got)
	if note != want {
		t.Errorf("note %q, want %q", note, want)
	}
}

func TestListenExplicit(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	addr := taken.Addr().String()
	if _, _, err := listen(addr); err == nil || !containsAll(err.Error(), "cannot listen on "+addr, "in use", "-addr") {
		t.Errorf("explicit address in use: err %v, want one naming %s", err, addr)
	}
	if _, _, err := listen("1313"); err == nil || !strings.Contains(err.Error(), "HOST:PORT") {
		t.Errorf("address without port: err %v", err)
	}
	ln, note, err := listen("127.0.0.1:0")
	if err != nil || note != "" {
		t.Fatalf("loopback: %v, note %q", err, note)
	}
	ln.Close()
	ln, note, err = listen("0.0.0.0:0")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	if !strings.Contains(note, "other machines") {
		t.Errorf("0.0.0.0: note %q, want a warning", note)
	}
}
