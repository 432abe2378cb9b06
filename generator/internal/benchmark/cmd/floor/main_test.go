package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholia/scholia/generator/internal/testsite"
)

// TestFloorRendersEveryArticle renders a small archive and wants a page per
// article, its front matter gone and its code highlighted as Scholia does.
func TestFloorRendersEveryArticle(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	if err := testsite.Archive(src, 4, 1); err != nil {
		t.Fatal(err)
	}
	if err := run(filepath.Join(src, "content"), out); err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		rel := strings.TrimSuffix(strings.TrimPrefix(testsite.ArchivePath(i), "content/"), ".md")
		page, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(page), "title:") || !strings.Contains(string(page), `<pre class="chroma" tabindex="0">`) {
			t.Errorf("%s: front matter left in, or code not highlighted:\n%.300s", rel, page)
		}
	}
}

func TestBodyDropsFrontMatter(t *testing.T) {
	for in, want := range map[string]string{
		"---\ntitle: x\n---\n\nText\n": "\nText\n",
		"Text\n":                       "Text\n",
		"---\nno end\n":                "---\nno end\n",
	} {
		if got := string(body([]byte(in))); got != want {
			t.Errorf("body(%q) = %q, want %q", in, got, want)
		}
	}
}
