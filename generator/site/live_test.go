package site

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/scholia/scholia/generator/internal/testsite"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/scholia/scholia/generator/diag"
)

// liveSite writes a small site to a temp folder and builds it live.
func liveSite(t *testing.T) (*Live, string) {
	t.Helper()
	dir := t.TempDir()
	for name, data := range map[string]string{
		"site.yaml":                  "title: Live\n",
		"content/a.md":               okArticle,
		"content/a.annotations.yaml": okSidecar,
		"content/b.md":               "---\ntitle: B\ndate: 2026-10-01\n---\n\nAnother article.\n",
		"content/about.md":           "---\ntitle: About\n---\n\nAbout us.\n",
		"content/static/CNAME":       "example.org\n",
	} {
		writeFile(t, dir, name, data)
	}
	l, err := NewLive(Options{FS: os.DirFS(dir), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	return l, dir
}

// writeFile writes a file of a live test site with a modification time of
// its own, a minute after the last one, all on one day: the feed shows
// modification times, so a real clock would make updates depend on when
// the test runs.
func writeFile(t *testing.T, dir, name, data string) {
	t.Helper()
	if err := testsite.Write(dir, map[string]string{name: data}); err != nil {
		t.Fatal(err)
	}
	mtime := fixedNow.Add(-24*time.Hour + time.Duration(ticks.Add(1))*time.Minute)
	if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(name)), mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

var ticks atomic.Int64

// TestLiveUpdate checks what each kind of change re-renders and removes.
func TestLiveUpdate(t *testing.T) {
	for _, tc := range []struct {
		name    string
		change  func(t *testing.T, dir string) []string // returns the changed paths
		want    Update                                  // Duration ignored
		serves  map[string]string                       // output -> a substring it must hold ("" = gone)
		render  int                                     // articles rendered again, when not -1
		written int                                     // outputs written, when not 0
	}{{
		name: "article text",
		change: func(t *testing.T, dir string) []string {
			writeFile(t, dir, "content/a.md", strings.Replace(okArticle, "said the mouse", "said the cat", 1))
			return []string{"content/a.md"}
		},
		// The quote's context changed; lists show nothing of the text.
		want:   Update{Changed: []string{"a/annotations.jsonld", "a/claims/cheese/index.html", "a/index.html"}},
		serves: map[string]string{"a/index.html": "said the cat"},
		render: 1,
		// Its share card shows nothing of the text: not drawn again.
		written: 3,
	}, {
		name: "sidecar",
		change: func(t *testing.T, dir string) []string {
			writeFile(t, dir, "content/a.annotations.yaml", strings.Replace(okSidecar, "inaccurate", "misleading", 1))
			return []string{"content/a.annotations.yaml"}
		},
		// Every claims page shows the counts by grade, which changed.
		want:   Update{Changed: []string{"a/annotations.jsonld", "a/claims/cheese/card.png", "a/claims/cheese/index.html", "a/index.html", "claimreview.jsonld", "claims.csv", "claims.json", "claims/accurate/index.html", "claims/inaccurate/index.html", "claims/index.html", "claims/index.json", "claims/misleading/index.html", "claims/mixed/index.html", "claims/mostly-accurate/index.html", "claims/not-checkable/index.html", "claims/unsupported/index.html", "feed.xml", "index.html", "ratings/index.html"}},
		serves: map[string]string{"a/index.html": `data-rating="misleading"`, "claims/misleading/index.html": "The moon is made of cheese"},
	}, {
		name: "delete",
		change: func(t *testing.T, dir string) []string {
			os.Remove(filepath.Join(dir, "content/b.md"))
			return []string{"content/b.md"}
		},
		want:   Update{Changed: []string{"feed.xml", "index.html", "sitemap.xml"}, Removed: []string{"b/index.html"}},
		serves: map[string]string{"b/index.html": ""},
	}, {
		name: "rename",
		change: func(t *testing.T, dir string) []string {
			os.Rename(filepath.Join(dir, "content/b.md"), filepath.Join(dir, "content/c.md"))
			return []string{"content/b.md", "content/c.md"}
		},
		want:   Update{Changed: []string{"c/index.html", "feed.xml", "index.html", "sitemap.xml"}, Removed: []string{"b/index.html"}},
		serves: map[string]string{"b/index.html": "", "c/index.html": "Another article"},
	}, {
		name: "new article in a new folder",
		change: func(t *testing.T, dir string) []string {
			writeFile(t, dir, "content/x/y/new.md", "---\ntitle: New\ndate: 2026-11-02\n---\n\nBrand new.\n")
			return []string{"content/x", "content/x/y/new.md"}
		},
		want:   Update{Changed: []string{"feed.xml", "index.html", "sitemap.xml", "x/y/new/index.html"}},
		serves: map[string]string{"x/y/new/index.html": "Brand new"},
	}, {
		name: "deleted folder",
		change: func(t *testing.T, dir string) []string {
			os.RemoveAll(filepath.Join(dir, "content/static"))
			return []string{"content/static"}
		},
		want:   Update{Removed: []string{"CNAME"}},
		serves: map[string]string{"CNAME": ""},
	}, {
		name: "draft is left out",
		change: func(t *testing.T, dir string) []string {
			writeFile(t, dir, "content/b.md", "---\ntitle: B\ndate: 2026-10-01\ndraft: true\n---\n\nAnother article.\n")
			return []string{"content/b.md"}
		},
		want:   Update{Changed: []string{"feed.xml", "index.html", "sitemap.xml"}, Removed: []string{"b/index.html"}},
		serves: map[string]string{"b/index.html": ""},
	}, {
		name: "new menu page re-renders every page",
		change: func(t *testing.T, dir string) []string {
			writeFile(t, dir, "content/contact.md", "---\ntitle: Contact\n---\n\nWrite to us.\n")
			return []string{"content/contact.md"}
		},
		want:   Update{Changed: []string{"404.html", "a/claims/cheese/index.html", "a/index.html", "about/index.html", "b/index.html", "claims/accurate/index.html", "claims/inaccurate/index.html", "claims/index.html", "claims/misleading/index.html", "claims/mixed/index.html", "claims/mostly-accurate/index.html", "claims/not-checkable/index.html", "claims/unsupported/index.html", "contact/index.html", "index.html", "ratings/index.html", "sitemap.xml"}},
		serves: map[string]string{"b/index.html": `href="/contact/"`},
	}, {
		name: "stylesheet",
		change: func(t *testing.T, dir string) []string {
			writeFile(t, dir, "templates/assets/style.css", "body { color: rebeccapurple }\n")
			return []string{"templates/assets/style.css"}
		},
		want:   Update{Changed: []string{"assets/style.css"}, CSSOnly: true},
		serves: map[string]string{"assets/style.css": "rebeccapurple"},
	}, {
		name: "template",
		change: func(t *testing.T, dir string) []string {
			writeFile(t, dir, "templates/404.html", `{{define "main"}}<h1>Lost</h1>{{end}}`)
			return []string{"templates/404.html"}
		},
		want:   Update{Changed: []string{"404.html"}, Full: true},
		serves: map[string]string{"404.html": "<h1>Lost</h1>"},
	}, {
		name: "translation",
		change: func(t *testing.T, dir string) []string {
			writeFile(t, dir, "templates/i18n/en.yaml", "strings:\n  notes_heading: What we found\n")
			return []string{"templates/i18n/en.yaml"}
		},
		want:   Update{Changed: []string{"a/index.html"}, Full: true},
		serves: map[string]string{"a/index.html": ">What we found</h2>"},
	}, {
		name: "site.yaml",
		change: func(t *testing.T, dir string) []string {
			writeFile(t, dir, "site.yaml", "title: Renamed\n")
			return []string{"site.yaml"}
		},
		want:   Update{Changed: []string{"404.html", "a/annotations.jsonld", "a/claims/cheese/card.png", "a/claims/cheese/index.html", "a/index.html", "about/index.html", "b/index.html", "claimreview.jsonld", "claims.json", "claims/accurate/index.html", "claims/inaccurate/index.html", "claims/index.html", "claims/misleading/index.html", "claims/mixed/index.html", "claims/mostly-accurate/index.html", "claims/not-checkable/index.html", "claims/unsupported/index.html", "feed.xml", "index.html", "ratings/index.html"}, Full: true},
		serves: map[string]string{"b/index.html": "Renamed"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			l, dir := liveSite(t)
			up, err := l.Update(tc.change(t, dir))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&tc.want, up, cmpopts.IgnoreFields(Update{}, "Duration", "Stats"), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("update (-want +got):\n%s", diff)
			}
			for rel, want := range tc.serves {
				got, ok := l.File(rel)
				if want == "" && ok || want != "" && !strings.Contains(string(got), want) {
					t.Errorf("File(%s) = %v, %.80q; want it to hold %q", rel, ok, got, want)
				}
			}
			if tc.written > 0 && up.Stats.Written != tc.written {
				t.Errorf("wrote %d outputs, want %d", up.Stats.Written, tc.written)
			}
			if tc.render > 0 && up.Stats.Rendered != tc.render {
				t.Errorf("rendered %d articles, want %d", up.Stats.Rendered, tc.render)
			}
		})
	}
}

// TestLiveErrors checks that a broken change keeps the last good pages,
// reports the error at its place, is tried again with later changes, and
// clears once fixed.
func TestLiveErrors(t *testing.T) {
	l, dir := liveSite(t)
	good, _ := l.File("a/index.html")
	writeFile(t, dir, "content/a.annotations.yaml", strings.Replace(okSidecar, "made of cheese", "made of chalk", 1))
	_, err := l.Update([]string{"content/a.annotations.yaml"})
	var list diag.List
	if !errors.As(err, &list) || len(list) != 1 || list[0].Path != "content/a.annotations.yaml" || list[0].Line != 3 {
		t.Fatalf("broken sidecar: got %v, want one error at content/a.annotations.yaml:3", err)
	}
	if got, _ := l.File("a/index.html"); string(got) != string(good) {
		t.Error("the last good page is not served after a failed update")
	}
	if len(l.Errors()) != 1 {
		t.Errorf("Errors() = %v, want the sidecar's error", l.Errors())
	}
	// Another change does not hide the broken sidecar.
	writeFile(t, dir, "content/b.md", "---\ntitle: B2\ndate: 2026-10-01\n---\n\nChanged.\n")
	if _, err := l.Update([]string{"content/b.md"}); err == nil {
		t.Error("an update while the sidecar is broken succeeded")
	}
	writeFile(t, dir, "content/a.annotations.yaml", okSidecar)
	up, err := l.Update([]string{"content/a.annotations.yaml"})
	if err != nil {
		t.Fatalf("fixed sidecar: %v", err)
	}
	if len(l.Errors()) != 0 || !slices.Contains(up.Changed, "b/index.html") {
		t.Errorf("after the fix: errors %v, changed %v; want none and b/index.html", l.Errors(), up.Changed)
	}
	if got, _ := l.File("b/index.html"); !strings.Contains(string(got), "Changed.") {
		t.Error("the change made while the site was broken is not served after the fix")
	}
}

// TestLiveStartsBroken checks that a site broken at start is served as far
// as it goes, and heals.
func TestLiveStartsBroken(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "content/a.md", okArticle)
	writeFile(t, dir, "content/a.annotations.yaml", "claims: [")
	writeFile(t, dir, "content/b.md", "---\ntitle: B\n---\n\nFine.\n")
	l, err := NewLive(Options{FS: os.DirFS(dir), Now: fixedNow})
	if err == nil {
		t.Fatal("NewLive of a broken site: no error")
	}
	if _, ok := l.File("b/index.html"); !ok {
		t.Error("the good page of a broken site is not served")
	}
	writeFile(t, dir, "content/a.annotations.yaml", okSidecar)
	if _, err := l.Update([]string{"content/a.annotations.yaml"}); err != nil {
		t.Fatal(err)
	}
	if _, ok := l.File("a/index.html"); !ok {
		t.Error("the fixed article is not served")
	}
}

// TestLiveOnMapFS checks that a Live over an in-memory file system (a map,
// which == cannot compare) updates without panicking.
func TestLiveOnMapFS(t *testing.T) {
	fsys := smallSite()
	l, err := NewLive(Options{FS: fsys, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	fsys["content/static/CNAME"] = &fstest.MapFile{Data: []byte("other.example\n")}
	up, err := l.Update([]string{"content/static/CNAME"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(up.Changed, "CNAME") {
		t.Errorf("changed %v, want CNAME", up.Changed)
	}
	if b, _ := l.File("CNAME"); string(b) != "other.example\n" {
		t.Errorf("CNAME = %q", b)
	}
}

// TestLiveNowDefaults checks that a Live given no time runs at the present:
// articles dated in the past are shown.
func TestLiveNowDefaults(t *testing.T) {
	fsys := smallSite()
	l, err := NewLive(Options{FS: fsys})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := l.File("a/index.html"); !ok {
		t.Error("an article dated in the past is missing from a Live with no time set")
	}
}
