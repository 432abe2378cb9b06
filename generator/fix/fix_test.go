package fix

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/scholia/scholia/generator/anchor"
	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/markup"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txtar")

// TestGolden runs fix on testdata/*.txtar: article.md is the edited
// article and before.yaml its sidecar; after.yaml is the sidecar fix
// writes, changes.txt what it says, and the archive's comment may set
// min-score. -update rewrites after.yaml and changes.txt. Every claim fix
// re-anchored must anchor in the written sidecar, and the rest of the file
// must stay byte for byte.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sec := map[string]string{}
			for _, f := range ar.Files {
				sec[f.Name] = string(f.Data)
			}
			minScore := DefaultMinScore
			first, _, _ := strings.Cut(string(ar.Comment), "\n")
			if v, ok := strings.CutPrefix(first, "min-score: "); ok {
				if minScore, err = strconv.ParseFloat(v, 64); err != nil {
					t.Fatal(err)
				}
			}
			res, doc := run(t, sec["article.md"], sec["before.yaml"], minScore, nil)
			var said strings.Builder
			for _, c := range res.Changes {
				fmt.Fprintln(&said, c.Summary())
			}
			for _, m := range res.Misses {
				fmt.Fprintf(&said, "line %d: %s not re-anchored: %s (closest %q)\n", m.Line, m.ID, m.Why, m.Closest)
			}
			if *update {
				for i, f := range ar.Files {
					switch f.Name {
					case "after.yaml":
						ar.Files[i].Data = res.New
					case "changes.txt":
						ar.Files[i].Data = []byte(said.String())
					}
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(sec["after.yaml"], string(res.New)); diff != "" {
				t.Errorf("after.yaml (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(sec["changes.txt"], said.String()); diff != "" {
				t.Errorf("changes.txt (-want +got):\n%s", diff)
			}
			// What fix wrote anchors every claim it changed.
			sc, _ := content.DecodeSidecar("s.yaml", res.New, config.Default())
			for _, ch := range res.Changes {
				for _, c := range sc.Claims {
					if c.ID == ch.ID {
						if _, err := doc.Find(c.Quote); err != nil {
							t.Errorf("claim %s does not anchor after fix: %v", c.ID, err)
						}
					}
				}
			}
		})
	}
}

// run fixes sidecar against article, as scholia fix does, with the claims'
// old positions (nil: none known).
func run(t *testing.T, article, sidecar string, minScore float64, old map[string]int) (*Result, *anchor.Doc) {
	t.Helper()
	cfg := config.Default()
	a, _, err := content.Parse(cfg, "content/a.md", []byte(article), func() ([]byte, bool, error) { return []byte(sidecar), true, nil }, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := markup.New(markup.Options{}).Article(a.Path, a.Body, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Sidecar(r.Doc, a.Sidecar, []byte(sidecar), Options{MinScore: minScore, Old: old, Today: testDay, Note: testNote})
	if err != nil {
		t.Fatal(err)
	}
	return res, r.Doc
}

// TestOldPosition: of two passages as close to the quote, fix keeps the
// claim at the one nearest where it stood at the last build.
func TestOldPosition(t *testing.T) {
	article := "---\ntitle: Twice\ndate: 2026-11-01\n---\n\nThe council said the plan works. The mayor said the plan works.\n"
	sidecar := "claims:\n  - id: mayor\n    quote: the plan will work\n    rating: mixed\n"
	for _, tc := range []struct {
		name   string
		old    int // code points into the text
		prefix string
	}{
		{name: "near the first", old: 17, prefix: "The council said "},
		{name: "near the second", old: 50, prefix: "works. The mayor said "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, _ := run(t, article, sidecar, 0.7, map[string]int{"mayor": tc.old})
			if len(res.Changes) != 1 {
				t.Fatalf("changes %+v, misses %+v", res.Changes, res.Misses)
			}
			if got := res.Changes[0].New.Prefix; !strings.HasSuffix(tc.prefix, got) && !strings.HasSuffix(got, tc.prefix) {
				t.Errorf("prefix %q, want one ending like %q", got, tc.prefix)
			}
		})
	}
}

// TestOldPositions reads a build's annotations.jsonld.
func TestOldPositions(t *testing.T) {
	page := `{"type": "AnnotationPage", "items": [
	  {"id": "/a/#claim-one", "target": {"selector": [{"type": "TextQuoteSelector", "exact": "x"}, {"type": "TextPositionSelector", "start": 7, "end": 8}]}},
	  {"id": "/a/#claim-two", "target": {"selector": [{"type": "TextQuoteSelector", "exact": "y"}]}}]}`
	if diff := cmp.Diff(map[string]int{"one": 7}, OldPositions([]byte(page))); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
	if OldPositions([]byte("not json")) != nil {
		t.Error("unreadable input gave positions")
	}
}

// testDay and testNote date and word the log entries of the tests.
var testDay = time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)

func testNote(cs []Change) string { return fmt.Sprintf("The text changed; %d quotes moved.", len(cs)) }
