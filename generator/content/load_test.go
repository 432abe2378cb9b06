package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/scholia/scholia/generator/config"
)

const mappingSite = `
-- site.yaml --
title: x
-- content/index.md --
---
title: Home
---
Welcome.
-- content/about.md --
---
title: About
---
-- content/articles/index.md --
---
title: Articles
---
-- content/articles/x.md --
---
title: X
---
Their guns came from Russia.
-- content/articles/x.annotations.yaml --
claims:
  - id: guns
    quote: Their guns came from Russia
    rating: unsupported
-- content/articles/renamed.md --
---
title: Renamed
slug: new-name
---
-- content/articles/deep/index.md --
---
title: Deep
slug: deeper
---
-- content/articles/chart.png --
PNG
-- content/static/CNAME --
example.org
-- content/static/css/extra.css --
body{}
-- content/static/notes.md --
copied, not an article
-- content/.hidden.md --
-- content/.git/config --
-- content/articles/#x.md# --
-- content/articles/x.md~ --
-- content/articles/.x.md.swp --
-- content/articles/x.md.swp --
-- content/articles/save.tmp --
`

func TestLoadMapsPaths(t *testing.T) {
	site, err := Load(siteFS(mappingSite), config.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	type page struct {
		Path, Slug, URLPath, OutPath string
		Home, Annotated              bool
	}
	var got []page
	for _, a := range site.Articles {
		got = append(got, page{a.Path, a.Slug, a.URLPath, a.OutPath, a.Home, a.Sidecar != nil})
	}
	want := []page{
		{"content/about.md", "about", "about/", "about/index.html", false, false},
		{"content/articles/deep/index.md", "deeper", "articles/deeper/", "articles/deeper/index.html", false, false},
		{"content/articles/index.md", "articles", "articles/", "articles/index.html", false, false},
		{"content/articles/renamed.md", "new-name", "articles/new-name/", "articles/new-name/index.html", false, false},
		{"content/articles/x.md", "x", "articles/x/", "articles/x/index.html", false, true},
		{"content/index.md", "", "", "index.html", true, false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
	wantStatic := []File{
		{Path: "content/articles/chart.png", Out: "articles/chart.png"},
		{Path: "content/static/CNAME", Out: "CNAME"},
		{Path: "content/static/css/extra.css", Out: "css/extra.css"},
		{Path: "content/static/notes.md", Out: "notes.md"},
	}
	if diff := cmp.Diff(wantStatic, site.Static); diff != "" {
		t.Errorf("static (-want +got):\n%s", diff)
	}
	if site.Home == nil || site.Home.Path != "content/index.md" {
		t.Errorf("Home = %v, want content/index.md", site.Home)
	}
}

func TestLoadFiltersDraftsAndFuture(t *testing.T) {
	fsys := siteFS(`
-- content/plain.md --
---
title: Plain
date: 2026-01-01
---
-- content/draft.md --
---
title: Draft
draft: true
---
-- content/future.md --
---
title: Future
date: 2026-06-01T12:00:00Z
---
-- content/future.annotations.yaml --
claims: unchecked while left out
`)
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		opts    Options
		want    []string
		wantErr bool
	}{
		{name: "default", opts: Options{Now: now}, want: []string{"content/plain.md"}},
		{name: "drafts", opts: Options{Now: now, Drafts: true}, want: []string{"content/draft.md", "content/plain.md"}},
		{name: "future", opts: Options{Now: now, Future: true}, wantErr: true},
		{name: "past the date", opts: Options{Now: now.AddDate(1, 0, 0)}, wantErr: true},
		{name: "before every date", opts: Options{Now: now.AddDate(-1, 0, 0), Drafts: true}, want: []string{"content/draft.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, err := Load(fsys, config.Default(), tt.opts)
			if tt.wantErr {
				// future.md is kept, so its broken sidecar is checked.
				want := []string{`content/future.annotations.yaml:1:9: claims must be a list ("- item" lines or [a, b]), not the text "unchecked while left out"`}
				if diff := cmp.Diff(want, errLines(t, err)); diff != "" {
					t.Errorf("errors (-want +got):\n%s", diff)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range site.Articles {
				got = append(got, a.Path)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("articles (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadReportsEveryError(t *testing.T) {
	fsys := siteFS(`
-- content/a.md --
---
title: A
tittle: again
---
-- content/a.annotations.yaml --
claims:
  - id: one
    quote: q
    rating: wrong
  - id: one
    quote: q
    rating: mixed
-- content/b.md --
No front matter.
-- content/orphan.annotations.yaml --
claims: []
-- content/e.annotations.yml --
claims: []
-- content/c.md --
---
title: C
slug: b
---
-- content/b/index.md --
---
title: B index
---
-- content/d.md --
---
title: D
slug: d/e
---
-- content/e.md --
---
title: E
---
-- content/e/index.md --
---
title: E index
---
-- content/static/e/index.html --
static page
`)
	site, err := Load(fsys, config.Default(), Options{})
	want := []string{
		`content/a.annotations.yaml:4:13: unknown rating "wrong": use a grade of the claim scale (accurate, mostly-accurate, mixed, misleading, inaccurate, unsupported, not-checkable)`,
		`content/a.annotations.yaml:5:9: duplicate claim id "one" (first at line 2): ids must be unique in the file`,
		`content/a.md:3:1: unknown key "tittle" in front matter; did you mean "title"?`,
		`content/b.md:1:1: missing front matter: add a title at the top of the file, between two "---" lines`,
		`content/c.md:3:7: content/b/index.md and content/c.md both make b/index.html: change the slug`,
		`content/d.md:3:7: slug "d/e" must be one path segment, without "/": move the file into a folder instead`,
		"content/e.annotations.yml:1:1: sidecars end in .annotations.yaml: rename this file to e.annotations.yaml",
		`content/e/index.md:1:1: content/e.md and content/e/index.md both make e/index.html: rename one of them or give one a different slug`,
		`content/orphan.annotations.yaml:1:1: sidecar without its article: add content/orphan.md or rename the sidecar after the article it reviews`,
		`content/static/e/index.html: content/e.md and content/static/e/index.html both make e/index.html: rename or remove one of them`,
	}
	if diff := cmp.Diff(want, errLines(t, err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if site == nil {
		t.Fatal("Load returned no site with its errors")
	}
	for _, a := range site.Articles {
		if a.Path == "content/a.md" || a.Path == "content/b.md" || a.Path == "content/d.md" {
			t.Errorf("site holds %s, which has errors", a.Path)
		}
	}
}

func TestLoadIsDeterministic(t *testing.T) {
	fsys := siteFS(mappingSite)
	first, err := Load(fsys, config.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		again, err := Load(fsys, config.Default(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(first, again); diff != "" {
			t.Fatalf("second load differs (-first +again):\n%s", diff)
		}
	}
}

func TestLoadWithoutContentFolder(t *testing.T) {
	_, err := Load(fstest.MapFS{"site.yaml": {}}, config.Default(), Options{})
	want := []string{"content: the site has no content/ folder: create it and put your articles in it"}
	if diff := cmp.Diff(want, errLines(t, err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestLoadArticle(t *testing.T) {
	fsys := siteFS(mappingSite)
	a, _, err := LoadArticle(fsys, config.Default(), "content/articles/x.md", nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.OutPath != "articles/x/index.html" || a.Sidecar == nil || len(a.Sidecar.Claims) != 1 || a.Front.Title != "X" {
		t.Errorf("LoadArticle = %+v", a)
	}
	if _, _, err := LoadArticle(fsys, config.Default(), "content/static/notes.md", nil); err == nil {
		t.Error("LoadArticle of a static file: no error")
	}
	if _, _, err := LoadArticle(fsys, config.Default(), "content/missing.md", nil); err == nil {
		t.Error("LoadArticle of a missing file: no error")
	}
}

// TestLoadArticleKeep checks that LoadArticle applies the draft and future
// filters of opts, as the dev server's single-article reloads rely on.
func TestLoadArticleKeep(t *testing.T) {
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	fsys := fstest.MapFS{
		"content/draft.md":  {Data: []byte("---\ntitle: D\ndraft: true\n---\n")},
		"content/future.md": {Data: []byte("---\ntitle: F\ndate: 2027-01-01\n---\n")},
		"content/now.md":    {Data: []byte("---\ntitle: N\ndate: 2026-11-01\n---\n")},
	}
	for _, tc := range []struct {
		name string
		path string
		opts *Options
		keep bool
	}{
		{name: "draft left out", path: "content/draft.md", opts: &Options{Now: now}, keep: false},
		{name: "draft with -drafts", path: "content/draft.md", opts: &Options{Now: now, Drafts: true}, keep: true},
		{name: "future left out", path: "content/future.md", opts: &Options{Now: now}, keep: false},
		{name: "future with -future", path: "content/future.md", opts: &Options{Now: now, Future: true}, keep: true},
		{name: "past kept", path: "content/now.md", opts: &Options{Now: now}, keep: true},
		{name: "nil opts keep all", path: "content/draft.md", opts: nil, keep: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, keep, err := LoadArticle(fsys, config.Default(), tc.path, tc.opts)
			if err != nil || keep != tc.keep {
				t.Errorf("LoadArticle(%s) keep = %v, %v; want %v", tc.path, keep, err, tc.keep)
			}
		})
	}
}

func TestPathHelpers(t *testing.T) {
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"SidecarPath", SidecarPath("content/a/x.md"), "content/a/x.annotations.yaml"},
		{"ArticlePath", ArticlePath("content/a/x.annotations.yaml"), "content/a/x.md"},
		{"FileOut static", FileOut("content/static/CNAME"), "CNAME"},
		{"FileOut other", FileOut("content/a/img.png"), "a/img.png"},
		{"IsSidecar static", IsSidecar("content/static/x.annotations.yaml"), false},
		{"IsArticle static", IsArticle("content/static/x.md"), false},
		{"Skip swap", Skip(".x.md.swp"), true},
		{"Skip emacs", Skip("#x.md#"), true},
		{"Skip backup", Skip("x.md~"), true},
		{"Skip plain", Skip("x.md"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseRefusesBeforeParsing(t *testing.T) {
	small := config.Default()
	small.Limits.FileSize = 100
	small.Limits.YAMLDepth = 3
	article := "---\ntitle: A\n---\n\nText.\n"
	tests := []struct {
		name    string
		cfg     *config.Config
		src     string
		sidecar string
		want    string
	}{
		{name: "invalid UTF-8", cfg: config.Default(), src: article + "caf\xe9 au lait\n",
			want: `content/a.md:6:4: byte 0xE9 is not UTF-8: save the file as UTF-8 (an editor's "Save with encoding" or iconv -f windows-1252 -t utf-8)`},
		{name: "article too large", cfg: small, src: article + strings.Repeat("x", 100),
			want: "content/a.md: the file is 124 bytes, more than limits.file_size (100 bytes): split it, or raise limits.file_size in site.yaml"},
		{name: "sidecar too large", cfg: small, src: article, sidecar: "claims: []\n" + strings.Repeat("#", 100),
			want: "content/a.annotations.yaml: the file is 111 bytes, more than limits.file_size (100 bytes): split it, or raise limits.file_size in site.yaml"},
		{name: "front matter too deep", cfg: small, src: "---\ntitle: A\ntags: [[[[x]]]]\n---\n",
			want: "content/a.md:3:9: the YAML nests more than 3 deep here, past limits.yaml_depth: flatten it, or raise limits.yaml_depth in site.yaml"},
		{name: "sidecar too deep", cfg: small, src: article, sidecar: "claims: [[[[",
			want: "content/a.annotations.yaml:1:11: the YAML nests more than 3 deep here, past limits.yaml_depth: flatten it, or raise limits.yaml_depth in site.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse(tt.cfg, "content/a.md", []byte(tt.src), func() ([]byte, bool, error) {
				return []byte(tt.sidecar), tt.sidecar != "", nil
			}, nil)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Parse error:\n got %v\nwant %s", err, tt.want)
			}
		})
	}
}
