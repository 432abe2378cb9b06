package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/content"
)

// TestFixRecordsTheReview follows a review through an edit of its
// article: fix records the text an old review read without logging a
// change; after an edit, check warns and the page tells readers; fix then
// records the new text and logs the change, and both go quiet.
func TestFixRecordsTheReview(t *testing.T) {
	article := "---\ntitle: Moon\ndate: 2026-11-01\n---\n\nThe moon is made of cheese, said the mouse.\n"
	sidecar := "review:\n  rating: low\n  date: 2026-11-02\nclaims:\n  - id: cheese\n    quote: made of cheese\n    rating: inaccurate\n"
	site := writeSite(t, map[string]string{"site.yaml": "title: T\n", "content/moon.md": article, "content/moon.annotations.yaml": sidecar})
	scPath := filepath.Join(site, "content", "moon.annotations.yaml")
	page := func() string {
		t.Helper()
		if status, _, stderr := run("build", "-src", site, "-no-cache"); status != ExitOK {
			t.Fatalf("build: status %d: %s", status, stderr)
		}
		b, _ := os.ReadFile(filepath.Join(site, "public", "moon", "index.html"))
		return string(b)
	}
	review := func() *content.Review {
		t.Helper()
		b, _ := os.ReadFile(scPath)
		sc, err := content.DecodeSidecar("s.yaml", b, config.Default())
		if err != nil {
			t.Fatal(err)
		}
		return sc.Review
	}
	const warning = "warning: the article changed since it was reviewed on 2026-11-02"

	if status, _, stderr := run("fix", "-src", site); status != ExitOK || !strings.Contains(stderr, "review.text") {
		t.Fatalf("fix of an old sidecar: status %d: %s", status, stderr)
	}
	first := review().Text
	if first == "" {
		t.Fatal("fix did not record the text of an old review")
	}
	if b, _ := os.ReadFile(scPath); strings.Contains(string(b), "updates:") {
		t.Errorf("fix logged a change to an old review whose text did not change:\n%s", b)
	}
	if _, _, stderr := run("check", "-src", site); strings.Contains(stderr, warning) {
		t.Errorf("check warns of the text fix recorded: %s", stderr)
	}

	os.WriteFile(filepath.Join(site, "content", "moon.md"), []byte(strings.Replace(article, "said the mouse", "said the cat", 1)), 0o644)
	if status, _, stderr := run("check", "-src", site); status != ExitOK || !strings.Contains(stderr, "content/moon.annotations.yaml:3:3: "+warning) {
		t.Errorf("check after the edit: status %d, want the warning: %s", status, stderr)
	}
	if p := page(); !strings.Contains(p, `class="text-changed"`) {
		t.Error("the page does not say the text changed")
	}

	if status, _, stderr := run("fix", "-src", site); status != ExitOK {
		t.Fatalf("fix: status %d: %s", status, stderr)
	}
	if r := review(); r.Text == first || r.Text == "" {
		t.Errorf("fix left the fingerprint %q", r.Text)
	}
	b, _ := os.ReadFile(scPath)
	today := time.Now().Format("2006-01-02")
	if !strings.Contains(string(b), "updates:\n  - date: "+today+"\n    note: \"The article’s text changed after the review; every quote still anchors") {
		t.Errorf("fix logged no change:\n%s", b)
	}
	if _, _, stderr := run("check", "-src", site); strings.Contains(stderr, warning) {
		t.Errorf("check still warns after fix: %s", stderr)
	}
	p := page()
	if strings.Contains(p, `class="text-changed"`) || !strings.Contains(p, `class="review-updates"`) {
		t.Errorf("after fix the page keeps its notice, or lacks the log")
	}
}
