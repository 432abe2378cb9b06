package site

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// fakeHistory is a History of fixed commit times by path.
type fakeHistory map[string]time.Time

func (h fakeHistory) Last(paths ...string) (time.Time, bool) {
	var last time.Time
	for _, p := range paths {
		if t, ok := h[p]; ok && t.After(last) {
			last = t
		}
	}
	return last, !last.IsZero()
}

// TestLastmod: the sitemap and the feed date an article by the last commit
// of it or its sidecar when there is one, else by its front matter; the
// files' modification times never count.
func TestLastmod(t *testing.T) {
	commit := time.Date(2026, 11, 30, 8, 15, 0, 0, time.UTC)
	tests := []struct {
		name    string
		history History
		mtime   time.Time
		want    string // the moon article's sitemap lastmod
		updated string // its feed entry's updated
	}{
		{name: "front matter date", want: "2026-11-01", updated: "2026-11-01T00:00:00Z"},
		{name: "mtime ignored", mtime: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), want: "2026-11-01", updated: "2026-11-01T00:00:00Z"},
		{name: "sidecar commit", history: fakeHistory{"content/articles/moon.annotations.yaml": commit, "content/articles/moon.md": commit.AddDate(0, 0, -3)},
			want: "2026-11-30", updated: "2026-11-30T08:15:00Z"},
		{name: "article commit", history: fakeHistory{"content/articles/moon.md": commit}, want: "2026-11-30", updated: "2026-11-30T08:15:00Z"},
		{name: "another file's commit", history: fakeHistory{"content/about.md": commit}, want: "2026-11-01", updated: "2026-11-01T00:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := archiveFS(t, "small-site.txtar")
			if !tt.mtime.IsZero() {
				for _, f := range fsys {
					f.ModTime = tt.mtime
				}
			}
			tree := readTree(t, build(t, fsys, Options{History: tt.history}))
			wantLoc := "<loc>/articles/moon/</loc>\n    <lastmod>" + tt.want + "</lastmod>"
			if !strings.Contains(tree["sitemap.xml"], wantLoc) {
				t.Errorf("sitemap lacks %q:\n%s", wantLoc, tree["sitemap.xml"])
			}
			entry := tree["feed.xml"][strings.Index(tree["feed.xml"], "<entry>"):]
			if !strings.Contains(entry, "<updated>"+tt.updated+"</updated>") {
				t.Errorf("feed entry, want updated %s:\n%s", tt.updated, entry)
			}
		})
	}
}

// TestMtimeIrrelevant: two builds of the same files with other
// modification times are byte-identical.
func TestMtimeIrrelevant(t *testing.T) {
	a := archiveFS(t, "small-site.txtar")
	b := archiveFS(t, "small-site.txtar")
	for _, f := range b {
		f.ModTime = time.Date(2031, 5, 6, 7, 8, 9, 0, time.UTC)
	}
	ta, tb := readTree(t, build(t, a, Options{})), readTree(t, build(t, b, Options{}))
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range ta {
			if !yield(k) {
				return
			}
		}
	})
	for _, k := range names {
		if ta[k] != tb[k] {
			t.Errorf("%s differs with other modification times", k)
		}
	}
	if len(ta) != len(tb) {
		t.Errorf("%d files, then %d", len(ta), len(tb))
	}
}
