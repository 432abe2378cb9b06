package site

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/goccy/go-yaml"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/templates"
)

// themeStrings reads the plain strings of a shipped translation file.
func themeStrings(t *testing.T, lang string) map[string]string {
	t.Helper()
	b, err := fs.ReadFile(templates.FS, "i18n/"+lang+".yaml")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Strings map[string]any `yaml:"strings"`
	}
	if err := yaml.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for k, v := range f.Strings {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out
}

// inLanguage is the small test site with site.yaml's language set to lang.
func inLanguage(t *testing.T, lang string) fstest.MapFS {
	fsys := archiveFS(t, "small-site.txtar")
	cfg := string(fsys["site.yaml"].Data)
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte(cfg + "language: " + lang + "\n")}
	about := string(fsys["content/about.md"].Data)
	fsys["content/about.md"] = &fstest.MapFile{Data: []byte(about + "\n- [x] one\n- [ ] two\n")}
	return fsys
}

// TestLanguages builds the small site in each shipped language other than
// English: every page says its language and direction, dates are the
// language's, and no English sentence of the theme is left on any page.
func TestLanguages(t *testing.T) {
	english := themeStrings(t, "en")
	placeholder := regexp.MustCompile(`\{[a-z_]+\}`)
	words := regexp.MustCompile(`[A-Za-z]+ [A-Za-z]+`)
	for _, tc := range []struct {
		lang, dir, date string
	}{
		{lang: "fr", dir: "ltr", date: "1er novembre 2026"},
		{lang: "es", dir: "ltr", date: "1 de noviembre de 2026"},
		{lang: "ar", dir: "rtl", date: "1 نوفمبر 2026"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			own := themeStrings(t, tc.lang)
			out := build(t, inLanguage(t, tc.lang), Options{})
			pages := 0
			for rel, page := range readTree(t, out) {
				if !strings.HasSuffix(rel, ".html") {
					continue
				}
				pages++
				if want := fmt.Sprintf(`<html lang="%s" dir="%s">`, tc.lang, tc.dir); !strings.Contains(page, want) {
					t.Errorf("%s: no %s", rel, want)
				}
				for key, en := range english {
					// Whole sentences and phrases: single words may be
					// the article's own.
					if !words.MatchString(en) || placeholder.MatchString(en) || strings.Contains(own[key], en) || strings.HasPrefix(key, "grade.") && strings.HasSuffix(key, ".description") {
						continue
					}
					if strings.Contains(page, en) {
						t.Errorf("%s: the English %q (%s) is left on the page", rel, en, key)
					}
				}
			}
			if pages < 10 {
				t.Fatalf("only %d pages", pages)
			}
			art := readTree(t, out)["articles/moon/index.html"]
			if !strings.Contains(art, tc.date) {
				t.Errorf("the article does not show its date as %q", tc.date)
			}
			if label := own["grade.inaccurate"]; !strings.Contains(art, `data-rating="inaccurate" data-tone="neg">`+label+"<") {
				t.Errorf("the default scale's grades are not in the language: no %q", label)
			}
			about := readTree(t, out)["about/index.html"]
			for _, key := range []string{"task_done", "task_not_done"} {
				if want := `aria-label="` + own[key] + `"`; !strings.Contains(about, want) {
					t.Errorf("a task list box has no %s", want)
				}
			}
		})
	}
}

// TestUnknownLanguage says which translation file to add, and a site's own
// file makes the language work.
func TestUnknownLanguage(t *testing.T) {
	fsys := inLanguage(t, "de")
	_, err := Build(Options{FS: fsys, Out: filepath.Join(t.TempDir(), "public"), Now: fixedNow})
	if err == nil || !strings.Contains(err.Error(), "templates/i18n/de.yaml") {
		t.Fatalf("err = %v, want one naming templates/i18n/de.yaml", err)
	}
	en, err := fs.ReadFile(templates.FS, "i18n/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fsys["templates/i18n/de.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(en), "Skip to content", "Zum Inhalt", 1))}
	out := build(t, fsys, Options{})
	if !strings.Contains(readTree(t, out)["index.html"], ">Zum Inhalt<") {
		t.Error("the site's own translation is not used")
	}
}

// TestTranslationWarnings: a site's string that looks like a misspelt
// theme key is reported as a warning at its place, and the build goes on.
func TestTranslationWarnings(t *testing.T) {
	fsys := archiveFS(t, "small-site.txtar")
	fsys["templates/i18n/en.yaml"] = &fstest.MapFile{Data: []byte("strings:\n  skip_lnik: Skip\n")}
	var warned []string
	build(t, fsys, Options{Warn: func(err *diag.Error) { warned = append(warned, err.Error()) }})
	if !strings.Contains(strings.Join(warned, "\n"), "templates/i18n/en.yaml:2:3") {
		t.Errorf("warnings %q, want one at templates/i18n/en.yaml:2:3", warned)
	}
}
