package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/markup"
	"github.com/scholia/scholia/generator/page"
	"github.com/scholia/scholia/generator/publish"
)

// w3cSuite is the W3C Web Annotation test suite (w3c/web-annotation-tests),
// vendored in testdata with its licence.
const w3cSuite = "testdata/w3c-web-annotation-tests"

// suiteURL is where the tests pretend the suite lives: its schemas refer to
// each other by bare file name ("annotations.json#/definitions/...").
const suiteURL = "https://w3c.test/web-annotation-tests/"

// annoOptionals are the suite's optional ("should"/"may") assertions for the
// features annotations.jsonld uses. Optional assertions check whether a
// feature is implemented, so each of these must pass; the others (email,
// audience, rights, CSS selectors, ...) fail by design for features the
// export leaves out.
var annoOptionals = []string{
	"annotations/3.1-bodyKeyFound.json",
	"annotations/3.3.1-annotationSingleCreatorImplemented.json",
	"annotations/3.3.1-annotationCreatedImplemented.json",
	"annotations/3.3.1-annotationGeneratorImplemented.json",
	"annotations/3.3.5-annotationMotivationImplemented.json",
	"annotations/3.3.5-annotationSingleMotivationImplemented.json",
	"annotations/3.3.2-annotationCreatorAgentTypeImplemented.json",
	"annotations/3.3.2-annotationCreatorAgentNameImplemented.json",
	"annotations/3.3.2-annotationCreatorAgentSingleNameImplemented.json",
	"annotations/3.3.2-annotationGeneratorAgentTypeImplemented.json",
	"annotations/3.3.2-annotationGeneratorAgentNameImplemented.json",
	"annotations/bodiesTargets/3.2.1-bodyFormat.json",
	"annotations/bodiesTargets/3.2.1-bodySingleFormat.json",
	"annotations/bodiesTargets/3.2.1-bodyLanguage.json",
	"annotations/bodiesTargets/3.2.1-bodySingleLanguage.json",
	"annotations/bodiesTargets/3.2.4-bodyETB.json",
	"annotations/bodiesTargets/3.2.4-bodyETBTypeTextualBody.json",
	"annotations/bodiesTargets/3.3.5-bodyPurpose.json",
	"annotations/bodiesTargets/4-bodySpecificResource.json",
	"annotations/bodiesTargets/4-targSpecificResource.json",
	"annotations/specificResource/4.2-selectorFound.json",
	"annotations/specificResource/4.2.4-textQuoteSelector.json",
	"annotations/specificResource/4.2.5-textPositionSelector.json",
}

// TestAnnotationPageW3C exports annotations.jsonld for every annotated
// article of the example and small sites and validates it with the W3C
// suite's JSON Schemas: the page against collections/pages/pageMusts.test,
// each annotation against annotations/annotationMusts.test and the
// optional assertions above.
func TestAnnotationPageW3C(t *testing.T) {
	root := filepath.FromSlash(w3cSuite)
	if _, err := os.Stat(root); err != nil {
		t.Fatal("the W3C Web Annotation test suite is missing from testdata")
	}
	musts := suiteList(t, root, "annotations/annotationMusts.test")
	pageMusts := suiteList(t, root, "collections/pages/pageMusts.test")
	sites := []struct {
		name string
		fsys fs.FS
		base string
	}{
		{name: "example", fsys: exampleFS, base: "https://example.github.io/proj/"},
		{name: "small", fsys: archiveFS(t, "small-site.txtar"), base: "https://small.example/"},
		// With a path-only base_url the ids are path-absolute references
		// (see annotations.go): "uri" is relaxed to accept them.
		{name: "example-path-only", fsys: exampleFS, base: "/proj/"},
	}
	for _, site := range sites {
		t.Run(site.name, func(t *testing.T) {
			pathOnly := !strings.Contains(site.base, "://")
			v := newSuite(t, root, pathOnly)
			files := exportAnnotations(t, site.fsys, site.base)
			if len(files) == 0 {
				t.Fatal("no annotated article")
			}
			for name, data := range files {
				page := decodeJSON(t, data)
				for _, s := range pageMusts {
					if err := v.schema(t, s).Validate(page); err != nil {
						t.Errorf("%s: page fails %s:\n%v", name, s, err)
					}
				}
				items, _ := page.(map[string]any)["items"].([]any)
				if len(items) == 0 {
					t.Fatalf("%s has no items", name)
				}
				for i, item := range items {
					for _, s := range append(musts, annoOptionals...) {
						if err := v.schema(t, s).Validate(item); err != nil {
							t.Errorf("%s: item %d fails %s:\n%v", name, i, s, err)
						}
					}
				}
			}
		})
	}
}

// TestAnnotationPageW3CBites breaks a valid annotation in ways the musts
// forbid, to show that the validation above can fail.
func TestAnnotationPageW3CBites(t *testing.T) {
	root := filepath.FromSlash(w3cSuite)
	if _, err := os.Stat(root); err != nil {
		t.Fatal("the W3C Web Annotation test suite is missing from testdata")
	}
	musts := suiteList(t, root, "annotations/annotationMusts.test")
	v := newSuite(t, root, false)
	files := exportAnnotations(t, archiveFS(t, "small-site.txtar"), "https://small.example/")
	data := files["articles/moon/annotations.jsonld"]
	if data == nil {
		t.Fatalf("no annotations for the moon article; got %d files", len(files))
	}
	tests := []struct {
		name   string
		mutate func(item map[string]any)
	}{
		{name: "no target", mutate: func(item map[string]any) { delete(item, "target") }},
		{name: "relative id", mutate: func(item map[string]any) { item["id"] = "claim-1" }},
		{name: "wrong context", mutate: func(item map[string]any) { item["@context"] = "https://schema.org" }},
		{name: "date not date-time", mutate: func(item map[string]any) { item["created"] = "2026-11-02" }},
		{name: "body with value and source", mutate: func(item map[string]any) {
			item["body"].([]any)[0].(map[string]any)["source"] = "https://small.example/"
		}},
		{name: "selector without exact", mutate: func(item map[string]any) {
			sel := item["target"].(map[string]any)["selector"].([]any)[0].(map[string]any)
			delete(sel, "exact")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			item := decodeJSON(t, data).(map[string]any)["items"].([]any)[0].(map[string]any)
			tt.mutate(item)
			failed := 0
			for _, s := range musts {
				if v.schema(t, s).Validate(any(item)) != nil {
					failed++
				}
			}
			if failed == 0 {
				t.Error("the broken annotation passes every must")
			}
		})
	}
}

// TestAnnotationPageShape checks what the schemas cannot: that the
// selectors are the anchors' and the bodies say what the sidecar says.
func TestAnnotationPageShape(t *testing.T) {
	files := exportAnnotations(t, archiveFS(t, "small-site.txtar"), "https://small.example/")
	var page struct {
		ID    string `json:"id"`
		Items []struct {
			ID      string `json:"id"`
			Created string `json:"created"`
			Creator struct{ Name, Homepage string }
			Body    []struct {
				Type, Value, Format, Purpose string
				Source                       struct{ ID string }
			}
			Target struct {
				Source   string
				Selector []map[string]any
			}
		}
	}
	if err := json.Unmarshal(files["articles/moon/annotations.jsonld"], &page); err != nil {
		t.Fatal(err)
	}
	if want := "https://small.example/articles/moon/annotations.jsonld"; page.ID != want {
		t.Errorf("page id = %q, want %q", page.ID, want)
	}
	if len(page.Items) != 4 {
		t.Fatalf("%d items, want 4", len(page.Items))
	}
	first := page.Items[0]
	got := map[string]string{
		"id":      first.ID,
		"created": first.Created,
		"creator": first.Creator.Name + " " + first.Creator.Homepage,
		"target":  first.Target.Source,
		"exact":   fmt.Sprint(first.Target.Selector[0]["exact"]),
		"note":    first.Body[0].Value + " " + first.Body[0].Format,
		"grade":   first.Body[1].Value + " " + first.Body[1].Purpose,
		"scale":   first.Body[2].Source.ID + " " + first.Body[2].Purpose,
		"source":  first.Body[3].Source.ID + " " + first.Body[3].Purpose,
	}
	want := map[string]string{
		"id":      "https://small.example/articles/moon/#claim-green-cheese",
		"created": "2026-11-02T00:00:00Z",
		"creator": "Small desk https://small.example/",
		"target":  "https://small.example/articles/moon/",
		"exact":   "The moon is made of green cheese",
		"note":    "Lunar samples are rock. See [NASA](https://www.nasa.gov/). text/markdown",
		"grade":   "Inaccurate assessing",
		"scale":   "https://small.example/ratings/#inaccurate classifying",
		"source":  "https://curator.jsc.nasa.gov/lunar/ linking",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("first annotation (-want +got):\n%s", diff)
	}
	if got := first.Target.Selector[1]; got["start"] == nil || got["end"] == nil || got["type"] != "TextPositionSelector" {
		t.Errorf("second selector = %v, want a TextPositionSelector", got)
	}
	again := exportAnnotations(t, archiveFS(t, "small-site.txtar"), "https://small.example/")
	if !bytes.Equal(again["articles/moon/annotations.jsonld"], files["articles/moon/annotations.jsonld"]) {
		t.Error("two exports of the same article differ")
	}
}

// exportAnnotations renders every annotated article of a site as the build
// does and returns its annotations.jsonld by output path.
func exportAnnotations(t *testing.T, fsys fs.FS, base string) map[string][]byte {
	t.Helper()
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BaseURL, err = config.NormalizeBaseURL(base); err != nil {
		t.Fatal(err)
	}
	cs, err := content.Load(fsys, cfg, content.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	s := page.NewSite(cfg, nil)
	md := markup.New(markup.Options{Unsafe: cfg.UnsafeHTML})
	th := loadTheme(t, fsys, cfg.Language)
	files := map[string][]byte{}
	for _, a := range cs.Articles {
		if a.Sidecar == nil {
			continue
		}
		var claims []markup.Claim
		for _, c := range a.Sidecar.Claims {
			claims = append(claims, markup.Claim{ID: c.ID, Rating: c.Rating, Label: page.GradeOf(s.Claim, c.Rating).Label, Quote: c.Quote})
		}
		res, err := md.Article(a.Path, a.Body, claims)
		if err != nil {
			t.Fatal(err)
		}
		art, _, err := renderArticle(md, th, s, a)
		if err != nil {
			t.Fatal(err)
		}
		b, err := publish.AnnotationPage(s, a, art, res.Doc, res.Anchors)
		if err != nil {
			t.Fatalf("%s: %v", a.Path, err)
		}
		checkPositions(t, a.Path, b, []rune(res.Doc.Text()))
		files[a.URLPath+"annotations.jsonld"] = b
	}
	return files
}

// checkPositions checks that each TextPositionSelector selects, in the
// article's normalised text, what its TextQuoteSelector quotes.
func checkPositions(t *testing.T, name string, b []byte, text []rune) {
	t.Helper()
	var page struct {
		Items []struct {
			ID     string
			Target struct {
				Selector []struct {
					Type, Exact, Prefix, Suffix string
					Start, End                  int
				}
			}
		}
	}
	if err := json.Unmarshal(b, &page); err != nil {
		t.Fatal(err)
	}
	for _, it := range page.Items {
		sel := it.Target.Selector
		if len(sel) != 2 || sel[0].Type != "TextQuoteSelector" || sel[1].Type != "TextPositionSelector" {
			t.Errorf("%s %s: selectors %+v", name, it.ID, sel)
			continue
		}
		q, p := sel[0], sel[1]
		if p.Start < 0 || p.End > len(text) || p.Start > p.End {
			t.Errorf("%s %s: positions %d-%d outside the text (%d code points)", name, it.ID, p.Start, p.End, len(text))
			continue
		}
		got := string(text[max(0, p.Start-len([]rune(q.Prefix))):p.Start]) + "[" + string(text[p.Start:p.End]) + "]" + string(text[p.End:min(len(text), p.End+len([]rune(q.Suffix)))])
		if want := q.Prefix + "[" + q.Exact + "]" + q.Suffix; got != want {
			t.Errorf("%s %s: positions select %q, quote is %q", name, it.ID, got, want)
		}
	}
}

// suite compiles the W3C assertions on demand.
type suite struct {
	c     *jsonschema.Compiler
	cache map[string]*jsonschema.Schema
}

func newSuite(t *testing.T, root string, pathOnly bool) *suite {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.UseLoader(suiteLoader{root: root})
	if pathOnly {
		c.RegisterFormat(&jsonschema.Format{Name: "uri", Validate: func(v any) error {
			s, ok := v.(string)
			if !ok {
				return nil
			}
			u, err := url.Parse(s)
			if err != nil || !u.IsAbs() && !strings.HasPrefix(s, "/") {
				return fmt.Errorf("%q is neither an absolute URL nor a path-absolute reference", s)
			}
			return nil
		}})
	}
	return &suite{c: c, cache: map[string]*jsonschema.Schema{}}
}

func (s *suite) schema(t *testing.T, rel string) *jsonschema.Schema {
	t.Helper()
	if sch := s.cache[rel]; sch != nil {
		return sch
	}
	sch, err := s.c.Compile(suiteURL + rel)
	if err != nil {
		t.Fatalf("compiling %s: %v", rel, err)
	}
	s.cache[rel] = sch
	return sch
}

// suiteLoader reads the suite's files. The assertions refer to the shared
// definitions by bare name from any folder, so a name that is not there is
// looked up in definitions/.
type suiteLoader struct{ root string }

func (l suiteLoader) Load(u string) (any, error) {
	rel, ok := strings.CutPrefix(u, suiteURL)
	if !ok {
		return nil, fmt.Errorf("%s is outside the test suite", u)
	}
	p := filepath.Join(l.root, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		p = filepath.Join(l.root, "definitions", path.Base(rel))
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return jsonschema.UnmarshalJSON(f)
}

// suiteList reads the assertions a .test file lists.
func suiteList(t *testing.T, root, name string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	var test struct{ Assertions []string }
	if err := json.Unmarshal(b, &test); err != nil {
		t.Fatal(err)
	}
	if len(test.Assertions) == 0 {
		t.Fatalf("%s lists no assertions", name)
	}
	return test.Assertions
}

func decodeJSON(t *testing.T, b []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}
