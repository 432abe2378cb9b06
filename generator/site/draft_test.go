package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestDraftBanner: a draft built with Drafts (as serve does) says it is a
// draft; a published article does not.
func TestDraftBanner(t *testing.T) {
	fsys := archiveFS(t, "small-site.txtar")
	moon := string(fsys["content/articles/moon.md"].Data)
	fsys["content/articles/moon.md"] = &fstest.MapFile{Data: []byte(strings.Replace(moon, "---\n", "---\ndraft: true\n", 1))}
	files := readTree(t, build(t, fsys, Options{Drafts: true}))
	if page := files["articles/moon/index.html"]; !strings.Contains(page, `<p class="draft-banner">Draft</p>`) {
		t.Errorf("the draft has no banner:\n%.600s", page)
	}
	if page := files["about/index.html"]; strings.Contains(page, "draft-banner") {
		t.Error("a published page has the draft banner")
	}
	if _, ok := readTree(t, build(t, fsys, Options{}))["articles/moon/index.html"]; ok {
		t.Error("a build without Drafts published the draft")
	}
}

// TestNothingReviewedYet: an article whose sidecar holds no review and no
// claims, and whose original is not filled in (as new writes them), shows
// no review date and no empty provenance box.
func TestNothingReviewedYet(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":                      {Data: []byte("title: T\n")},
		"content/fresh.md":               {Data: []byte("---\ntitle: Fresh\ndate: 2026-11-01\noriginal:\n  publisher: \"\"\n  author: \"\"\n---\n\nText.\n")},
		"content/fresh.annotations.yaml": {Data: []byte("claims:\n")},
	}
	page := readTree(t, build(t, fsys, Options{}))["fresh/index.html"]
	for _, bad := range []string{"Reviewed", `class="provenance"`} {
		if strings.Contains(page, bad) {
			t.Errorf("a page with nothing reviewed shows %s", bad)
		}
	}
	if !strings.Contains(page, "<h1>Fresh</h1>") {
		t.Errorf("no page:\n%.300s", page)
	}
}
