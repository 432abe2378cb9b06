package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// Regression tests for problems a review of the pipeline found.

func mapFile(s string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(s), Mode: 0o644, ModTime: fixedNow}
}

// TestCachedRecordsReadBack checks that what lists show of an article is
// the same read back from the cache: a grade of value 0 once came back as
// no value.
func TestCachedRecordsReadBack(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":                  mapFile("title: T\nbase_url: https://x.example/\n"),
		"templates/home.html":        mapFile(`{{define "main"}}{{range .Articles}}<p>{{.Title}} {{with .Review}}{{with .Value}}value={{.}}{{else}}off{{end}}{{end}} {{.Tags}} {{.Date}}</p>{{end}}{{end}}`),
		"content/a.md":               mapFile("---\ntitle: A\ndate: 2026-01-02T10:00:00+02:00\ntags: []\n---\n\nThe moon is made of cheese.\n"),
		"content/a.annotations.yaml": mapFile("review:\n  rating: neutral\n  summary: Meh.\nclaims:\n  - id: c1\n    quote: \"The moon is made\"\n    rating: mixed\n"),
		"content/b.md":               mapFile("---\ntitle: B\ndate: 2026-01-01\n---\n\nText.\n"),
	}
	dir := t.TempDir()
	out, cache := filepath.Join(dir, "public"), filepath.Join(dir, "cache")
	cachedBuild(t, fsys, out, cache)
	fsys["content/b.md"] = mapFile("---\ntitle: B2\ndate: 2026-01-01\n---\n\nText.\n") // the home page is made again
	res := cachedBuild(t, fsys, out, cache)
	if diff := diffFiles(builtFiles(t, build(t, fsys, Options{})), builtFiles(t, out)); diff != "" {
		t.Errorf("warm build differs from a cold one:\n%s", diff)
	}
	if res.Stats.Rendered != 1 {
		t.Errorf("rendered %d articles, want 1: records read back from the cache should be kept", res.Stats.Rendered)
	}
}

// TestSpareHoldsOnlyTheBuild checks that a file someone put into the
// output does not come back with the spare two builds later.
func TestSpareHoldsOnlyTheBuild(t *testing.T) {
	fsys := generatedSite(5)
	dir := t.TempDir()
	out, cache := filepath.Join(dir, "public"), filepath.Join(dir, "cache")
	cachedBuild(t, fsys, out, cache)
	os.WriteFile(filepath.Join(out, "stray.txt"), []byte("x"), 0o644)
	os.MkdirAll(filepath.Join(out, "stray/deep"), 0o755)
	os.WriteFile(filepath.Join(out, "stray/deep/x.html"), []byte("x"), 0o644)
	cachedBuild(t, fsys, out, cache)
	if res := cachedBuild(t, fsys, out, cache); !res.SpareUsed {
		t.Fatal("the third build did not write into the spare")
	}
	if diff := diffFiles(builtFiles(t, build(t, fsys, Options{})), builtFiles(t, out)); diff != "" {
		t.Errorf("warm build differs from a cold one:\n%s", diff)
	}
}

// TestFolderBecomesFile checks that a warm build writes a file where the
// spare has a folder.
func TestFolderBecomesFile(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":    mapFile("title: T\n"),
		"content/x.md": mapFile("---\ntitle: X\ndate: 2026-01-02\n---\n\nText.\n"),
	}
	dir := t.TempDir()
	out, cache := filepath.Join(dir, "public"), filepath.Join(dir, "cache")
	cachedBuild(t, fsys, out, cache) // x/index.html: x is a folder
	delete(fsys, "content/x.md")
	fsys["content/static/x"] = mapFile("now a file\n")
	cachedBuild(t, fsys, out, cache) // the first output is now the spare
	fsys["content/static/x"] = mapFile("now a file, edited\n")
	if res := cachedBuild(t, fsys, out, cache); !res.SpareUsed {
		t.Error("the third build did not write into the spare")
	}
	if diff := diffFiles(builtFiles(t, build(t, fsys, Options{})), builtFiles(t, out)); diff != "" {
		t.Errorf("warm build differs from a cold one:\n%s", diff)
	}
}

// TestOutputOutsideCache checks that a build refuses an output folder
// inside its cache or holding it, which the spare's swap would wreck.
func TestOutputOutsideCache(t *testing.T) {
	dir := t.TempDir()
	for name, tc := range map[string]struct{ out, cache string }{
		"out is the spare": {filepath.Join(dir, "cache", spareName), filepath.Join(dir, "cache")},
		"out is the cache": {filepath.Join(dir, "cache"), filepath.Join(dir, "cache")},
		"cache in the out": {filepath.Join(dir, "public"), filepath.Join(dir, "public", "cache")},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Build(Options{FS: generatedSite(2), Out: tc.out, Cache: tc.cache, Now: fixedNow})
			if err == nil || !strings.Contains(err.Error(), "cache") {
				t.Errorf("build with -out %s and its cache at %s: %v; want an error about the cache", tc.out, tc.cache, err)
			}
		})
	}
}

// TestOutputClashes checks that every output has one owner: an article, a
// list page, a generated file, an asset and a static file never share a
// path in silence.
func TestOutputClashes(t *testing.T) {
	for name, tc := range map[string]struct {
		files map[string]string
		want  string
	}{
		"article over a list":         {map[string]string{"content/ratings.md": "---\ntitle: How we rate\n---\n\nOur scale.\n"}, "ratings/index.html"},
		"static file over robots.txt": {map[string]string{"content/static/robots.txt": "User-agent: *\n"}, "robots.txt"},
		"static over annotations":     {map[string]string{"content/a.md": okArticle, "content/a.annotations.yaml": okSidecar, "content/a/annotations.jsonld": "{}"}, "a/annotations.jsonld"},
		"static over an asset":        {map[string]string{"content/static/assets/style.css": "body{}"}, "assets/style.css"},
	} {
		t.Run(name, func(t *testing.T) {
			fsys := fstest.MapFS{"site.yaml": mapFile("title: T\n")}
			for n, d := range tc.files {
				fsys[n] = mapFile(d)
			}
			_, err := Build(Options{FS: fsys, Now: fixedNow})
			if err == nil || !strings.Contains(err.Error(), "would make "+tc.want) {
				t.Errorf("got %v, want an error that two sources make %s", err, tc.want)
			}
		})
	}
}

// TestCacheLocked checks that a second build refuses a cache that a build
// holds, rather than write into the same spare.
func TestCacheLocked(t *testing.T) {
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache")
	unlock, err := lockCache(cache)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	_, err = Build(Options{FS: generatedSite(2), Out: filepath.Join(dir, "public"), Cache: cache, Now: fixedNow})
	if err == nil || !strings.Contains(err.Error(), "another scholia build") {
		t.Errorf("build while the cache is held: %v; want an error naming the other build", err)
	}
}

// savingFS is a MapFS where a save lands between two reads of one file:
// the first ReadFile of name once armed returns what the file held, and
// the file then holds next.
type savingFS struct {
	fstest.MapFS
	mu         sync.Mutex
	name, next string
	armed      bool
}

func (s *savingFS) ReadFile(name string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.MapFS.ReadFile(name)
	if s.armed && name == s.name {
		s.armed = false
		s.MapFS[name] = mapFile(s.next)
	}
	return b, err
}

func (s *savingFS) Stat(name string) (fs.FileInfo, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.MapFS.Stat(name)
}

func (s *savingFS) Open(name string) (fs.File, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.MapFS.Open(name)
}

// TestKeyedByParsedBytes checks that an article is keyed by the bytes it
// was rendered from: a save landing between hashing a file and parsing it
// once filed the new text under the old text's key, and an undo to the old
// text then served the new one.
func TestKeyedByParsedBytes(t *testing.T) {
	text := func(w string) string { return "---\ntitle: P\ndate: 2026-01-02\n---\n\nThe text says " + w + ".\n" }
	s := &savingFS{MapFS: fstest.MapFS{"site.yaml": mapFile("title: T\n"), "content/p.md": mapFile(text("zero"))}}
	l, err := NewLive(Options{FS: s, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	s.MapFS["content/p.md"] = mapFile(text("one"))
	s.name, s.next, s.armed = "content/p.md", text("two"), true // saved again during the update
	if _, err := l.Update([]string{"content/p.md"}); err != nil {
		t.Fatal(err)
	}
	s.MapFS["content/p.md"] = mapFile(text("one")) // and undone
	if _, err := l.Update([]string{"content/p.md"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := l.File("p/index.html"); !strings.Contains(string(got), "says one") {
		t.Errorf("the file says one; the page served says otherwise:\n%s", got)
	}
}

// countingFS counts the reads of each file.
type countingFS struct {
	fstest.MapFS
	mu    sync.Mutex
	reads map[string]int
}

func (c *countingFS) ReadFile(name string) ([]byte, error) {
	c.count(name)
	return c.MapFS.ReadFile(name)
}

// Open counts too: a file is read through Open, with a bound on its size.
func (c *countingFS) Open(name string) (fs.File, error) {
	if info, err := c.MapFS.Stat(name); err == nil && info.Mode().IsRegular() {
		c.count(name)
	}
	return c.MapFS.Open(name)
}

func (c *countingFS) count(name string) {
	c.mu.Lock()
	c.reads[name]++
	c.mu.Unlock()
}

// TestWarmBuildReadsWhatChanged checks that a warm build reads only the
// files whose stat changed since the last build hashed them.
func TestWarmBuildReadsWhatChanged(t *testing.T) {
	fsys := generatedSite(10)
	for _, f := range fsys {
		f.ModTime = fixedNow.Add(-time.Hour)
	}
	dir := t.TempDir()
	out, cache := filepath.Join(dir, "public"), filepath.Join(dir, "cache")
	cachedBuild(t, fsys, out, cache)
	f := fsys["content/articles/a0003.md"]
	f.Data, f.ModTime = append(f.Data, "\nOne more line.\n"...), fixedNow.Add(-30*time.Minute)
	c := &countingFS{MapFS: fsys, reads: map[string]int{}}
	if _, err := Build(Options{FS: c, Out: out, Cache: cache, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	for name, n := range c.reads {
		if strings.HasPrefix(name, "content/") && !strings.HasPrefix(name, "content/articles/a0003.") {
			t.Errorf("the warm build read %s %d times; it has not changed", name, n)
		}
	}
	if c.reads["content/articles/a0003.md"] == 0 {
		t.Error("the warm build did not read the edited article")
	}
}
