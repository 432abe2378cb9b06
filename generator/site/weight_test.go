package site

import (
	"regexp"
	"strings"
	"testing"
)

// themeBudget is the most the default theme's stylesheets and scripts may
// weigh together, uncompressed: what every page makes a reader download.
const themeBudget = 30000 // "under 30 KB", read strictly

// TestThemeWeight builds the example site and adds up the theme's CSS
// (code.css included) and JavaScript.
func TestThemeWeight(t *testing.T) {
	files := readTree(t, build(t, exampleFS, Options{}))
	total, n := 0, 0
	for rel, b := range files {
		if strings.HasPrefix(rel, "assets/") && (strings.HasSuffix(rel, ".css") || strings.HasSuffix(rel, ".js")) {
			t.Logf("%s: %d bytes", rel, len(b))
			total += len(b)
			n++
		}
	}
	if n < 3 {
		t.Fatalf("found %d theme files, want style.css, code.css and scholia.js", n)
	}
	t.Logf("the theme's CSS and JS weigh %d bytes (budget %d)", total, themeBudget)
	if total > themeBudget {
		t.Errorf("the theme's CSS and JS weigh %d bytes, over the budget of %d", total, themeBudget)
	}
}

// external finds what makes a browser fetch from elsewhere: a script,
// stylesheet, image, frame or font with a URL that has a host.
var external = regexp.MustCompile(`(?i)(<(?:script|img|iframe|video|audio|source)[^>]*\ssrc="(?:https?:)?//|<link[^>]*rel="(?:stylesheet|preload|icon)"[^>]*href="(?:https?:)?//|url\(\s*['"]?(?:https?:)?//|@import)`)

// TestNoExternalRequests checks every page and stylesheet of the example
// site for anything a browser would fetch from another host.
func TestNoExternalRequests(t *testing.T) {
	files := readTree(t, build(t, exampleFS, Options{}))
	checked := 0
	for rel, b := range files {
		if !strings.HasSuffix(rel, ".html") && !strings.HasSuffix(rel, ".css") && !strings.HasSuffix(rel, ".js") {
			continue
		}
		checked++
		if m := external.FindString(b); m != "" {
			t.Errorf("%s fetches from another host: %s", rel, m)
		}
	}
	if checked < 10 {
		t.Fatalf("checked only %d files", checked)
	}
}

// TestExternalPattern keeps the pattern of TestNoExternalRequests honest.
func TestExternalPattern(t *testing.T) {
	for _, tc := range []struct {
		html string
		want bool
	}{
		{html: `<script src="https://cdn.example/x.js">`, want: true},
		{html: `<link rel="stylesheet" href="//fonts.example/css">`, want: true},
		{html: `body { background: url("https://x.example/a.png") }`, want: true},
		{html: `@import "other.css";`, want: true},
		{html: `<img alt="" src="http://x.example/a.png">`, want: true},
		{html: `<script src="/assets/scholia.js" defer>`, want: false},
		{html: `<a href="https://example.org/">a link is not a request</a>`, want: false},
		{html: `<link rel="canonical" href="https://example.org/a/">`, want: false},
	} {
		if got := external.MatchString(tc.html); got != tc.want {
			t.Errorf("%s: matched %v, want %v", tc.html, got, tc.want)
		}
	}
}
