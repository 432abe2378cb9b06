package page

import (
	"net/url"
	"strings"
	"testing"

	"github.com/scholia/scholia/generator/config"
)

func TestURLEncodesNames(t *testing.T) {
	cfg := config.Default()
	cfg.BaseURL = "https://example.org/proj/"
	s := NewSite(cfg, nil)
	tests := []struct {
		rel, url, permalink string
	}{
		{rel: "articles/x/", url: "/proj/articles/x/", permalink: "https://example.org/proj/articles/x/"},
		{rel: "a#b/", url: "/proj/a%23b/", permalink: "https://example.org/proj/a%23b/"},
		{rel: "q?x=1/", url: "/proj/q%3Fx=1/", permalink: "https://example.org/proj/q%3Fx=1/"},
		{rel: "sp ace/", url: "/proj/sp%20ace/", permalink: "https://example.org/proj/sp%20ace/"},
		{rel: "pct%41/", url: "/proj/pct%2541/", permalink: "https://example.org/proj/pct%2541/"},
		{rel: "été/", url: "/proj/%C3%A9t%C3%A9/", permalink: "https://example.org/proj/%C3%A9t%C3%A9/"},
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			if got := s.URL(tt.rel); got != tt.url {
				t.Errorf("URL(%q) = %q, want %q", tt.rel, got, tt.url)
			}
			if got := s.Permalink(tt.rel); got != tt.permalink {
				t.Errorf("Permalink(%q) = %q, want %q", tt.rel, got, tt.permalink)
			}
		})
	}
}

func TestURLKeepsAnEncodedBase(t *testing.T) {
	cfg := config.Default()
	cfg.BaseURL = "https://example.org/c%23/"
	s := NewSite(cfg, nil)
	if got, want := s.URL("a/"), "/c%23/a/"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
	if got, want := s.Permalink("a/"), "https://example.org/c%23/a/"; got != want {
		t.Errorf("Permalink = %q, want %q", got, want)
	}
}

// FuzzURL checks that any output path makes a URL that a browser reads
// back as that very path: nothing in a name can add a query, a fragment
// or a folder.
func FuzzURL(f *testing.F) {
	for _, seed := range []string{"articles/x/", "a#b/", "q?x=1/", "sp ace/", "pct%41/", "é/", `x\..\evil.txt`, "a/../b", "%2F/", "\x00"} {
		f.Add(seed)
	}
	cfg := config.Default()
	cfg.BaseURL = "https://example.org/proj/"
	s := NewSite(cfg, nil)
	f.Fuzz(func(t *testing.T, rel string) {
		if strings.HasPrefix(rel, "/") {
			return
		}
		got := s.Permalink(rel)
		u, err := url.Parse(got)
		if err != nil {
			t.Fatalf("Permalink(%q) = %q, which does not parse: %v", rel, got, err)
		}
		if u.RawQuery != "" || u.Fragment != "" || u.Host != "example.org" {
			t.Fatalf("Permalink(%q) = %q has a query, fragment or other host", rel, got)
		}
		if u.Path != "/proj/"+rel {
			t.Fatalf("Permalink(%q) = %q reads back as path %q", rel, got, u.Path)
		}
		if strings.ContainsAny(s.URL(rel), " #?\\\"<>") {
			t.Fatalf("URL(%q) = %q holds a character a URL may not", rel, s.URL(rel))
		}
	})
}
