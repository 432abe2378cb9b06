package site

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestLiveKeepsStandingErrors checks that an update reports every problem
// of the site, not only those of the files it was told changed: an editor
// who breaks b.md while a's sidecar is still broken must see both.
func TestLiveKeepsStandingErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md":               mapFile("---\ntitle: A\ndate: 2026-01-02\n---\n\nThe moon is made of cheese.\n"),
		"content/a.annotations.yaml": mapFile("claims:\n  - id: c1\n    quote: \"The moon is made\"\n    rating: mixed\n"),
		"content/b.md":               mapFile("---\ntitle: B\ndate: 2026-01-01\n---\n\nText.\n"),
	}
	live, err := NewLive(Options{FS: fsys, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name  string
		path  string
		data  string
		wants []string // the paths of the errors Update reports
	}{
		{name: "break the sidecar", path: "content/a.annotations.yaml", data: "claims:\n  - id: c1\n    quote: \"The moon is made\"\n    rating: mixd\n",
			wants: []string{"content/a.annotations.yaml"}},
		{name: "break the other article", path: "content/b.md", data: "---\ntitel: B\n---\n\nText.\n",
			wants: []string{"content/a.annotations.yaml", "content/b.md"}},
		{name: "touch the other article again", path: "content/b.md", data: "---\ntitel: B2\n---\n\nText.\n",
			wants: []string{"content/a.annotations.yaml", "content/b.md"}},
		{name: "fix the sidecar", path: "content/a.annotations.yaml", data: "claims: []\n",
			wants: []string{"content/b.md"}},
	}
	for _, s := range steps {
		fsys[s.path] = mapFile(s.data)
		_, err := live.Update([]string{s.path})
		var got []string
		for _, e := range live.Errors() {
			if len(got) == 0 || got[len(got)-1] != e.Path {
				got = append(got, e.Path)
			}
		}
		if diff := cmp.Diff(s.wants, got); diff != "" || err == nil {
			t.Errorf("%s: errors of Update (-want +got):\n%s(err %v)", s.name, diff, err)
		}
	}
}
