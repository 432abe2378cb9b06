package i18n

import (
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/scholia/scholia/templates"
)

// readShipped parses one shipped file on its own, without the files under
// it.
func readShipped(t *testing.T, lang string) *layer {
	t.Helper()
	name := "i18n/" + lang + ".yaml"
	data, err := fs.ReadFile(templates.FS, name)
	if err != nil {
		t.Fatal(err)
	}
	l, _, err := parseFile(name, data, nil)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// cldrForms are the plural forms CLDR gives the language's whole numbers:
// the forms a translation must write for its plural strings.
func cldrForms(lang string) []string {
	tag := language.MustParse(lang)
	seen := map[plural.Form]bool{}
	for n := range 1000 {
		seen[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)] = true
	}
	var names []string
	for _, f := range pluralForms {
		if seen[f.form] {
			names = append(names, f.name)
		}
	}
	return names
}

func formNames(e entry) []string {
	var names []string
	for _, f := range pluralForms {
		if _, ok := e.forms[f.form]; ok {
			names = append(names, f.name)
		}
	}
	return names
}

// TestShippedFilesComplete checks every translation the theme ships against
// its English: the same keys, the same placeholders, and every plural form
// the language has. A key added to en.yaml fails here until each language
// has it.
func TestShippedFilesComplete(t *testing.T) {
	entries, err := fs.ReadDir(templates.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	var langs []string
	for _, e := range entries {
		if lang, ok := strings.CutSuffix(e.Name(), ".yaml"); ok && !e.IsDir() {
			langs = append(langs, lang)
		}
	}
	for _, want := range []string{"en", "fr", "es", "ar"} {
		if !slices.Contains(langs, want) {
			t.Errorf("the theme ships no i18n/%s.yaml", want)
		}
	}
	en := readShipped(t, "en")
	enKeys := slices.Sorted(maps.Keys(en.strings))
	for _, key := range []string{"list_last", "list_comma"} {
		if !slices.Contains(enKeys, key) {
			t.Errorf("en.yaml has no %s: Join needs it", key)
		}
	}
	for _, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			l := readShipped(t, lang)
			if l.date == nil || len(l.months) != 12 || l.direction == "" {
				t.Errorf("%s.yaml must set date, the 12 months and direction", lang)
			}
			if diff := cmp.Diff(enKeys, slices.Sorted(maps.Keys(l.strings))); diff != "" {
				t.Fatalf("%s.yaml keys (-en.yaml +%s.yaml):\n%s", lang, lang, diff)
			}
			forms := cldrForms(lang)
			for _, key := range enKeys {
				want, got := en.strings[key], l.strings[key]
				if diff := cmp.Diff(sorted(want.names()), sorted(got.names())); diff != "" {
					t.Errorf("%s placeholders (-en.yaml +%s.yaml):\n%s", key, lang, diff)
				}
				switch {
				case want.forms == nil && got.forms != nil:
					t.Errorf("%s has plural forms in %s.yaml but is one text in en.yaml", key, lang)
				case want.forms != nil:
					if diff := cmp.Diff(forms, formNames(got)); diff != "" {
						t.Errorf("%s plural forms (-CLDR's for %s +%s.yaml):\n%s", key, lang, lang, diff)
					}
				}
			}
			c, err := Load(templates.FS, nil, lang)
			if err != nil {
				t.Fatal(err)
			}
			if w := c.Warnings(); len(w) > 0 {
				t.Errorf("warnings: %v", w)
			}
			if base, _ := baseOf(lang); c.Dir() != l.direction || slices.Contains(rtlLanguages, base) != (l.direction == "rtl") {
				t.Errorf("Dir() = %q; %s.yaml says %q", c.Dir(), lang, l.direction)
			}
		})
	}
}

// TestCLDRForms pins the forms TestShippedFilesComplete asks of the
// languages the brief names, so that a change in x/text's tables shows.
func TestCLDRForms(t *testing.T) {
	tests := []struct {
		lang string
		want []string
	}{
		{lang: "en", want: []string{"one", "other"}},
		{lang: "fr", want: []string{"one", "other"}},
		{lang: "es", want: []string{"one", "other"}},
		{lang: "ar", want: []string{"zero", "one", "two", "few", "many", "other"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, cldrForms(tt.lang)); diff != "" {
				t.Errorf("forms (-want +got):\n%s", diff)
			}
		})
	}
}

func sorted(s []string) []string { return slices.Sorted(slices.Values(s)) }

// TestShippedStringsRender renders every shipped string with every
// argument it takes, so a placeholder or form that cannot render fails.
func TestShippedStringsRender(t *testing.T) {
	for _, lang := range []string{"en", "fr", "es", "ar"} {
		c := mustLoad(t, templates.FS, nil, lang)
		for _, key := range c.keys() {
			h, err := c.T(key, argsFor(c.strings[key])...)
			if err != nil {
				t.Errorf("%s: %v", lang, err)
			}
			if strings.Contains(string(h), "<") {
				t.Errorf("%s: T(%q) = %q: an argument went in unescaped", lang, key, h)
			}
		}
	}
}
