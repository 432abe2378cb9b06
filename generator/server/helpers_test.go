package server

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scholia/scholia/generator/internal/testsite"

	"github.com/scholia/scholia/generator/site"
)

// fakeSite is a Site with fixed outputs that records its updates.
type fakeSite struct {
	mu      sync.Mutex
	files   map[string]string
	sources map[string]string
	updates [][]string
	// next is what the next Update returns; nil means "no change".
	next func(paths []string) (*site.Update, error)
}

func (f *fakeSite) Update(paths []string) (*site.Update, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.updates = append(f.updates, slices.Clone(paths))
	if f.next == nil {
		return &site.Update{}, nil
	}
	return f.next(paths)
}

func (f *fakeSite) File(rel string) ([]byte, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s, ok := f.files[rel]
	return []byte(s), ok
}

// set makes rel's output data.
func (f *fakeSite) set(rel, data string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.files[rel] = data
}

func (f *fakeSite) Source(rel string) ([]byte, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s, ok := f.sources[rel]
	return []byte(s), ok
}

func (f *fakeSite) Updates() [][]string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.updates)
}

// writeFiles writes files (slash paths) under dir.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	if err := testsite.Write(dir, files); err != nil {
		t.Fatal(err)
	}
}

// eventually polls cond until it holds or the deadline passes.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// contains reports whether s has every one of subs.
func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

// start runs srv until the test ends, and checks that it stops cleanly.
func start(t testing.TB, srv *devServer) context.Context {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not return within 10s of cancel")
		}
	})
	return ctx
}
