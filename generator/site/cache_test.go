package site

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/scholia/scholia/generator/outdir"
)

// cachedBuild builds fsys into out with the cache in cache.
func cachedBuild(t *testing.T, fsys fstest.MapFS, out, cache string) *Result {
	t.Helper()
	res, err := Build(Options{FS: fsys, Out: out, Cache: cache, Now: fixedNow})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return res
}

// TestWarmEqualsCold builds a site after each of a random sequence of
// edits with the cache kept between builds, and checks every output
// against a build without a cache, byte for byte.
func TestWarmEqualsCold(t *testing.T) {
	steps := 25
	if testing.Short() {
		steps = 8
	}
	for seed := range uint64(2) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			dir := t.TempDir()
			out, cache := filepath.Join(dir, "public"), filepath.Join(dir, "cache")
			drafts := false
			editSequence(t, seed+10, steps, func(fsys fstest.MapFS) {
				cachedBuild(t, fsys, out, cache)
			}, func(fsys fstest.MapFS, what string, _ []string) {
				drafts = seed%2 == 1 && !drafts // a build with drafts, then one without
				res, err := Build(Options{FS: fsys, Out: out, Cache: cache, Now: fixedNow, Drafts: drafts})
				if err != nil {
					t.Fatalf("%s: build: %v", what, err)
				}
				cold := build(t, fsys, Options{Drafts: drafts})
				if diff := diffFiles(builtFiles(t, cold), builtFiles(t, out)); diff != "" {
					t.Fatalf("%s: warm build differs from a cold one:\n%s", what, diff)
				}
				if res.Stats.Kept == 0 {
					t.Errorf("%s: the warm build kept nothing of the last one: %+v", what, res.Stats)
				}
			})
		})
	}
}

// TestCacheReuse checks what a warm build does after one edit: it renders
// the edited article alone, keeps the rest, and writes byte-identical
// output; and a build of unchanged content is byte-identical to the last.
func TestCacheReuse(t *testing.T) {
	fsys := generatedSite(20)
	dir := t.TempDir()
	out, cache := filepath.Join(dir, "public"), filepath.Join(dir, "cache")
	first := cachedBuild(t, fsys, out, cache)
	before := builtFiles(t, out)
	again := cachedBuild(t, fsys, out, cache)
	if again.Stats.Rendered != 0 || again.Stats.Written != 0 {
		t.Errorf("unchanged site: rendered %d articles, wrote %d files; want none", again.Stats.Rendered, again.Stats.Written)
	}
	if diff := diffFiles(before, builtFiles(t, out)); diff != "" {
		t.Errorf("unchanged site, second build differs:\n%s", diff)
	}
	if first.Pages != again.Pages || first.Files != again.Files {
		t.Errorf("pages, files = %d, %d then %d, %d", first.Pages, first.Files, again.Pages, again.Files)
	}
	if third := cachedBuild(t, fsys, out, cache); !third.SpareUsed {
		t.Error("third build did not write into the spare output")
	}
	f := fsys["content/articles/a0007.annotations.yaml"]
	f.Data = []byte(strings.Replace(string(f.Data), "A *generated* note.", "An edited note.", 1))
	res := cachedBuild(t, fsys, out, cache)
	if res.Stats.Rendered != 1 || !res.SpareUsed {
		t.Errorf("one sidecar edited: rendered %d articles (want 1), spare used %v", res.Stats.Rendered, res.SpareUsed)
	}
	if diff := diffFiles(builtFiles(t, build(t, fsys, Options{})), builtFiles(t, out)); diff != "" {
		t.Errorf("after one edit, the warm build differs from a cold one:\n%s", diff)
	}
}

// TestCacheNotTrusted checks that a damaged cache, one written by another
// version of Scholia, and an output file changed since the last build are
// never trusted: the build is what a cold one makes.
func TestCacheNotTrusted(t *testing.T) {
	for _, tc := range []struct {
		name    string
		spoil   func(t *testing.T, out, cache string)
		written int // at least this many files written again
	}{{
		name: "damaged manifest",
		spoil: func(t *testing.T, out, cache string) {
			p := filepath.Join(cache, manifestName)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			b[len(b)/2] ^= 0xff
			os.WriteFile(p, b, 0o644)
		},
		written: 40,
	}, {
		name: "truncated manifest",
		spoil: func(t *testing.T, out, cache string) {
			os.WriteFile(filepath.Join(cache, manifestName), []byte(manifestMagic+"short"), 0o644)
		},
		written: 40,
	}, {
		name: "another version",
		spoil: func(t *testing.T, out, cache string) {
			m, err := loadManifest(cache, out)
			if err != nil || len(m.records) == 0 {
				t.Fatalf("loadManifest: %v, %d records", err, len(m.records))
			}
			m.Code[0] ^= 0xff
			if err := m.save(cache, m.records); err != nil {
				t.Fatal(err)
			}
		},
		written: 40,
	}, {
		name: "damaged record",
		spoil: func(t *testing.T, out, cache string) {
			m, err := loadManifest(cache, out)
			if err != nil {
				t.Fatal(err)
			}
			var p string
			for k, r := range m.records {
				if r.Rendered && r.listed() && (p == "" || recordPath(cache, k) < p) {
					p = recordPath(cache, k) // a record whose article has a page
				}
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			b[len(b)-3] ^= 0xff
			os.WriteFile(p, b, 0o644)
		},
		written: 1,
	}, {
		name: "output file edited in place",
		spoil: func(t *testing.T, out, cache string) {
			p := filepath.Join(out, "articles/a0003/index.html")
			f, err := os.OpenFile(p, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteAt([]byte("<!-- edited -->"), 0)
			f.Close()
			future := time.Now().Add(time.Hour)
			os.Chtimes(p, future, future)
		},
		written: 1,
	}, {
		name: "output folder's files replaced",
		spoil: func(t *testing.T, out, cache string) {
			// Inside the same folder: a folder put in its place is not the
			// one the marker names, and a build refuses to replace it.
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				os.RemoveAll(filepath.Join(out, e.Name()))
			}
			if err := os.CopyFS(out, os.DirFS(filepath.Join(filepath.Dir(out), "cold"))); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(out, "index.html"), []byte("not ours"), 0o644)
		},
		written: 0, // the spare still holds the last build
	}, {
		name: "spare file edited in place",
		spoil: func(t *testing.T, out, cache string) {
			// The spare shares its unchanged files with the output: break
			// the link first, as an editor's save would, then edit.
			p := filepath.Join(cache, spareName, "articles/a0004/index.html")
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			os.Remove(p)
			os.WriteFile(p, append([]byte("<!-- edited -->"), b...), 0o644)
		},
		written: 0, // linked from the output again
	}, {
		name: "spare left half-written",
		spoil: func(t *testing.T, out, cache string) {
			os.Remove(outdir.Marker(filepath.Join(cache, spareName)))
			os.WriteFile(filepath.Join(cache, spareName, "articles/a0005/index.html"), []byte("half"), 0o644)
		},
		written: 1,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := generatedSite(20)
			dir := t.TempDir()
			out, cache := filepath.Join(dir, "public"), filepath.Join(dir, "cache")
			cold := build(t, fsys, Options{Out: filepath.Join(dir, "cold")})
			cachedBuild(t, fsys, out, cache)
			cachedBuild(t, fsys, out, cache) // the first output is now the spare
			tc.spoil(t, out, cache)
			res := cachedBuild(t, fsys, out, cache)
			if diff := diffFiles(builtFiles(t, cold), builtFiles(t, out)); diff != "" {
				t.Errorf("build after the cache was spoiled differs from a cold one:\n%s", diff)
			}
			if res.Stats.Written < tc.written {
				t.Errorf("wrote %d files, want at least %d", res.Stats.Written, tc.written)
			}
		})
	}
}

// TestSized checks that a build says how many articles it found before it
// renders any, so a command can size its memory budget.
func TestSized(t *testing.T) {
	got, early := -1, false
	var done atomic.Int64
	_, err := Build(Options{FS: generatedSite(7), Now: fixedNow,
		Sized:    func(n int) { got, early = n, done.Load() == 0 },
		Progress: func(int, int) { done.Add(1) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != 7 || !early {
		t.Errorf("Sized(%d), before any article was done: %v; want Sized(7), true", got, early)
	}
}

// TestRecordsReadBack checks that every record of a build reads back from
// its file as it was written: what lists show of an article must not
// depend on whether it came from the cache.
func TestRecordsReadBack(t *testing.T) {
	for name, fsys := range map[string]fs.FS{"example": exampleFS, "generated": generatedSite(30), "small": archiveFS(t, "small-site.txtar")} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			out, cache := filepath.Join(dir, "public"), filepath.Join(dir, "cache")
			if _, err := Build(Options{FS: fsys, Out: out, Cache: cache, Now: fixedNow}); err != nil {
				t.Fatal(err)
			}
			m, err := loadManifest(cache, out)
			if err != nil || len(m.records) == 0 || len(m.records) != len(m.RecordKeys) {
				t.Fatalf("loadManifest: %v; %d of %d records", err, len(m.records), len(m.RecordKeys))
			}
			for k, r := range m.records {
				if !r.intact() {
					t.Errorf("record %x (%s) reads back unlike what was written", k[:4], r.Path)
				}
			}
		})
	}
}

// intact reports whether the record's summary and claims still hash to
// their digests.
func (r *record) intact() bool {
	if sum := r.Sum; r.sealed().Sum != sum {
		return false
	}
	if r.Summary != nil && digestOf("summary", r.Summary) != r.SummarySum {
		return false
	}
	if len(r.Entries) != len(r.EntrySums) {
		return false
	}
	for i, e := range r.Entries {
		if digestOf("claim entry", e) != r.EntrySums[i] {
			return false
		}
	}
	return true
}
