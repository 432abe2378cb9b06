package server

import (
	"strings"
	"testing"
)

func TestInject(t *testing.T) {
	for _, tc := range []struct{ page, want string }{
		{"<html><body><p>a</p></body></html>", `<p>a</p><script src="/__scholia/livereload.js" data-id="i" data-gen="2" data-files="a/index.html" defer></script>` + "\n</body></html>"},
		{"<p>no body</p>", `<p>no body</p><script src="/__scholia/livereload.js" data-id="i" data-gen="2" data-files="a/index.html" defer></script>`},
		// The last </body>, whatever its case: an article may quote "</body>" in a code block.
		{"<body><pre>&lt;/body></pre><code></body></code></BODY>", `<code></body></code><script src="/__scholia/livereload.js"`},
	} {
		got := string(inject([]byte(tc.page), "i", 2, []string{"a/index.html"}))
		if !strings.Contains(got, tc.want) {
			t.Errorf("inject(%q) =\n%s\nwant it to contain\n%s", tc.page, got, tc.want)
		}
	}
	got := string(inject([]byte("<body></body>"), `"><script>`, 0, []string{`"x`}))
	if strings.Contains(got, `"><script>`) || strings.Contains(got, `"x"`) {
		t.Errorf("attributes not escaped: %s", got)
	}
	// A name with a space or a % stays one name: the script splits the
	// list on spaces and decodes each.
	got = string(inject([]byte("<body></body>"), "i", 0, []string{"sp ace/index.html", "pct%41/index.html"}))
	if !strings.Contains(got, `data-files="sp%20ace/index.html pct%2541/index.html"`) {
		t.Errorf("names with a space or %%: %s", got)
	}
}

// TestScript checks the served script: the overlay's CSS is inlined, and
// the overlay writes text, never markup.
func TestScript(t *testing.T) {
	s := string(script)
	if strings.Contains(s, "/*OVERLAY_CSS*/") || !strings.Contains(s, "alertdialog") || !strings.Contains(s, `.overlay {`) {
		t.Error("script does not carry the overlay and its CSS")
	}
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"} {
		if strings.Contains(s, bad) {
			t.Errorf("script uses %s", bad)
		}
	}
}
