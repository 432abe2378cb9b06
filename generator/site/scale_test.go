package site

import (
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/scholia/scholia/generator/anchor"
	"github.com/scholia/scholia/generator/diag"
)

// scaleSite is a site whose site.yaml gives its own claim scale, with a
// methodology page that includes both scales.
func scaleSite() fstest.MapFS {
	return fstest.MapFS{
		"site.yaml": {Data: []byte(`title: Scales
scales:
  claim:
    - {id: sound, label: Sound, value: 1, description: The claim holds up on the evidence.}
    - {id: unsound, label: Unsound, value: 0, description: The claim does not hold up.}
    - {id: opinion, label: A matter of opinion, description: No evidence could settle it.}
`)},
		"content/methodology.md": {Data: []byte("---\ntitle: Methodology\n---\n\nHow we rate claims:\n\n{{< scale claim >}}\n\nAnd articles:\n\n{{< scale article >}}\n")},
	}
}

var gradeRE = regexp.MustCompile(`(?s)<span class="grade"[^>]*>([^<]*)</span>.*?<dd>([^<]*)<`)

// gradesIn lists the label and description of each grade in a page's
// scales, in order.
func gradesIn(page string) []string {
	var out []string
	for _, m := range gradeRE.FindAllStringSubmatch(page, -1) {
		out = append(out, m[1]+": "+strings.TrimSpace(m[2]))
	}
	return out
}

// TestScaleShortcode builds a page that includes the scales and checks
// that it shows the site's scale (not the default) and the default article
// scale in the site's language, grade for grade as /ratings/ does.
func TestScaleShortcode(t *testing.T) {
	files := readTree(t, build(t, scaleSite(), Options{}))
	page := files["methodology/index.html"]
	body := page[strings.Index(page, `<div class="article-body">`):]
	got := gradesIn(body)
	want := []string{
		"Sound: The claim holds up on the evidence.",
		"Unsound: The claim does not hold up.",
		"A matter of opinion: No evidence could settle it.",
		"Very high credibility: The article is accurate throughout, well sourced and fairly framed.",
		"High credibility: The article is mostly accurate and sourced, with minor flaws.",
		"Neutral: The article mixes sound and flawed reporting, or its main claims cannot be checked.",
		"Low credibility: The article relies on weak, missing or misrepresented evidence.",
		"Very low credibility: The article&#39;s central claims are false or unsupported.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("grades of the methodology page (-want +got):\n%s", diff)
	}
	ratings := files["ratings/index.html"]
	if diff := cmp.Diff(gradesIn(ratings[strings.Index(ratings, "<main"):]), got); diff != "" {
		t.Errorf("the methodology page and /ratings/ disagree (-ratings +page):\n%s", diff)
	}
	if strings.Contains(body, "{{&lt;") || strings.Contains(body, ` id="sound"`) {
		t.Errorf("the page shows the shortcode, or the ratings page's ids:\n%s", body)
	}
}

// TestScaleShortcodeErrors checks that a shortcode that is not a scale
// fails the build at its place in the page's file.
func TestScaleShortcodeErrors(t *testing.T) {
	fsys := scaleSite()
	fsys["content/bad.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Bad\n---\n\nIntro.\n\n> {{< scale foo >}}\n\n{{< chart claim >}}\n")}
	_, err := Build(Options{FS: fsys, Now: fixedNow})
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("got %v, want a diag.List", err)
	}
	var got []string
	for _, e := range list {
		msg, _, _ := strings.Cut(e.Error(), ": the shortcodes are {{< scale claim >}} and {{< scale article >}}")
		got = append(got, msg)
	}
	want := []string{`content/bad.md:7:3: unknown scale "foo"`, `content/bad.md:9:1: unknown shortcode "chart"`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
	}
}

// TestScaleNotQuotable checks that a claim cannot quote the words of a
// scale that its article includes: they are the site's, not the article's.
func TestScaleNotQuotable(t *testing.T) {
	fsys := scaleSite()
	fsys["content/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\ndate: 2026-01-02\n---\n\nThey said it holds up.\n\n{{< scale claim >}}\n")}
	fsys["content/a.annotations.yaml"] = &fstest.MapFile{Data: []byte(`claims:
  - id: words
    quote: The claim holds up on the evidence
    rating: sound
`)}
	_, err := Build(Options{FS: fsys, Now: fixedNow})
	if !errors.Is(err, anchor.ErrNotFound) {
		t.Fatalf("got %v, want the quote not found", err)
	}
	if !strings.HasPrefix(err.Error(), "content/a.annotations.yaml:3:12: ") {
		t.Errorf("error %q is not at the quote", err)
	}
}

// TestScaleWarmEqualsCold changes what a page's scale shows, in site.yaml,
// in a translation and in the theme, and checks that a warm build makes
// the page again, as a cold one does.
func TestScaleWarmEqualsCold(t *testing.T) {
	edits := []struct {
		name, file, old, new string
	}{
		{name: "site.yaml scale", file: "site.yaml", old: "does not hold up.", new: "falls apart."},
		{name: "translation of the default scale", file: "templates/i18n/en.yaml", new: "strings:\n  grade.neutral.description: Balanced.\n"},
		{name: "theme's scale partial", file: "templates/scale.html",
			new: `{{define "scale"}}<ul>{{range .Grades}}<li>{{.Label}}</li>{{end}}</ul>{{end}}`},
	}
	fsys := scaleSite()
	dir := t.TempDir()
	out, cache := filepath.Join(dir, "public"), filepath.Join(dir, "cache")
	cachedBuild(t, fsys, out, cache)
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			if f := fsys[e.file]; f != nil {
				f.Data = []byte(strings.Replace(string(f.Data), e.old, e.new, 1))
			} else {
				fsys[e.file] = &fstest.MapFile{Data: []byte(e.new)}
			}
			before := builtFiles(t, out)["methodology/index.html"]
			cachedBuild(t, fsys, out, cache)
			warm := builtFiles(t, out)
			if warm["methodology/index.html"] == before {
				t.Error("the warm build kept the methodology page as it was")
			}
			if diff := diffFiles(builtFiles(t, build(t, fsys, Options{})), warm); diff != "" {
				t.Errorf("the warm build differs from a cold one:\n%s", diff)
			}
		})
	}
}
