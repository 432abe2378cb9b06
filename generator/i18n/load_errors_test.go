package i18n

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/scholia/scholia/generator/diag"
)

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name     string
		defaults fstest.MapFS
		site     fstest.MapFS
		lang     string
		want     string
	}{
		{
			name: "a language nobody translated",
			lang: "xx",
			want: `no translation for language "xx": add templates/i18n/xx.yaml`,
		},
		{
			name: "a variant of a language nobody translated",
			lang: "xx-YY",
			want: `no translation for language "xx-YY": add templates/i18n/xx.yaml (or templates/i18n/xx-YY.yaml, for xx-YY only)`,
		},
		{
			name: "not a language tag",
			lang: "../site",
			want: `i18n: language "../site" is not a BCP 47 language tag: write one like en, fr or pt-BR`,
		},
		{
			name:     "a theme without English",
			defaults: fstest.MapFS{},
			lang:     "fr",
			want:     "i18n/en.yaml: the theme has no English strings, i18n/en.yaml",
		},
		{
			name:     "a theme English file without months",
			defaults: files("i18n/en.yaml", "date: \"{day}\"\nstrings: {a: b}\n"),
			lang:     "en",
			want:     "i18n/en.yaml:1:1: the English strings must set date and months: every other language falls back on them",
		},
		{
			name: "an unknown top-level key",
			site: siteFile("fr", "language: Français\nstrigns:\n  skip_link: x\n"),
			lang: "fr",
			want: `templates/i18n/fr.yaml:2:1: unknown key "strigns" in the translation file; did you mean "strings"?`,
		},
		{
			name: "a direction that is neither",
			site: siteFile("fr", "direction: left\n"),
			lang: "fr",
			want: `templates/i18n/fr.yaml:1:12: direction must be ltr or rtl, not "left"`,
		},
		{
			name: "a date with an unknown placeholder",
			site: siteFile("fr", "date: \"{weekday} {day}\"\n"),
			lang: "fr",
			want: `templates/i18n/fr.yaml:1:7: date uses {weekday}; a date has only {day}, {month} and {year}`,
		},
		{
			name: "eleven months",
			site: siteFile("fr", "months: [a, b, c, d, e, f, g, h, i, j, k]\n"),
			lang: "fr",
			want: `templates/i18n/fr.yaml:1:9: months must list the 12 months, January first, not 11`,
		},
		{
			name: "plural forms without other",
			site: siteFile("fr", "strings:\n  claims:\n    one: \"{n} affirmation\"\n"),
			lang: "fr",
			want: `templates/i18n/fr.yaml:3:5: the plural forms of claims need other, the form for any count the others do not take`,
		},
		{
			name: "a misspelt plural form",
			site: siteFile("fr", "strings:\n  claims:\n    on: x\n    other: y\n"),
			lang: "fr",
			want: `templates/i18n/fr.yaml:3:5: unknown key "on" in the plural forms of claims; did you mean "one"?`,
		},
		{
			name: "a placeholder the templates do not pass",
			site: siteFile("fr", "strings:\n  reviewed_on: \"Vérifié le {dat}\"\n"),
			lang: "fr",
			want: `templates/i18n/fr.yaml:2:16: the string reviewed_on uses {dat}, which the templates do not pass: it has {date}`,
		},
		{
			name: "plural forms where the theme has none",
			site: siteFile("fr", "strings:\n  skip_link:\n    one: a\n    other: b\n"),
			lang: "fr",
			want: `templates/i18n/fr.yaml:3:5: the string skip_link has plural forms here, but the theme's is one text, given no count: write one text`,
		},
		{
			name: "an empty string",
			site: siteFile("fr", "strings:\n  skip_link:\n"),
			lang: "fr",
			want: `templates/i18n/fr.yaml:2:3: the string skip_link is empty: write its text, or remove the key`,
		},
		{
			name: "a list as a string",
			site: siteFile("fr", "strings:\n  skip_link: [a, b]\n"),
			lang: "fr",
			want: `templates/i18n/fr.yaml:2:14: the string skip_link must be text, or a mapping of plural forms (one: ..., other: ...)`,
		},
		{
			name: "a key with a space",
			site: siteFile("fr", "strings:\n  skip link: a\n"),
			lang: "fr",
			want: `templates/i18n/fr.yaml:2:3: the key "skip link" may hold only letters, digits, '_', '.' and '-'`,
		},
		{
			name: "a key written twice",
			site: siteFile("fr", "strings:\n  skip_link: a\n  skip_link: b\n"),
			lang: "fr",
			want: `templates/i18n/fr.yaml:3:3: duplicate key "skip_link" in strings (first at line 2): keep one`,
		},
		{
			name: "strings as a list",
			site: siteFile("fr", "strings: [a]\n"),
			lang: "fr",
			want: `templates/i18n/fr.yaml:1:10: strings must be a mapping of "key: text" lines`,
		},
		{
			name: "a YAML syntax error",
			site: siteFile("fr", "strings:\n  skip_link: \"open\n"),
			lang: "fr",
			want: `templates/i18n/fr.yaml:2:14: YAML syntax error: could not find end character of double-quoted text; close the quote`,
		},
		{
			name: "nested too deep",
			site: siteFile("fr", "strings: "+strings.Repeat("[", 40)+"\n"),
			lang: "fr",
			want: `templates/i18n/fr.yaml:1:41: the YAML nests more than 32 deep here: a translation file needs only strings: and the plural forms under it`,
		},
		{
			name: "a file over 1 MiB",
			site: siteFile("fr", "# "+strings.Repeat("x", maxFileSize)+"\n"),
			lang: "fr",
			want: `templates/i18n/fr.yaml: cannot read the translations: the translation file is 1048579 bytes, more than the 1048576 bytes (1 MiB) it may be`,
		},
		{
			name: "a folder",
			site: fstest.MapFS{"templates/i18n/fr.yaml/x": {}},
			lang: "fr",
			want: `templates/i18n/fr.yaml: cannot read the translations: it is a folder, not a file`,
		},
		{
			name: "errors of two files at once",
			site: files("templates/i18n/fr.yaml", "direction: up\n", "templates/i18n/fr-CA.yaml", "direction: down\n"),
			lang: "fr-CA",
			want: "templates/i18n/fr.yaml:1:12: direction must be ltr or rtl, not \"up\"\n" +
				"templates/i18n/fr-CA.yaml:1:12: direction must be ltr or rtl, not \"down\"",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defaults := tt.defaults
			if defaults == nil {
				defaults = files("i18n/en.yaml", miniEN, "i18n/fr.yaml", "")
			}
			site := tt.site
			if site == nil {
				site = fstest.MapFS{}
			}
			c, err := Load(defaults, site, tt.lang)
			if err == nil {
				t.Fatalf("Load(%q) = %v, want an error", tt.lang, c)
			}
			if got := err.Error(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("Load(%q) error:\n%s\nwant it to start with:\n%s", tt.lang, got, tt.want)
			}
			var e *diag.Error
			if strings.HasPrefix(tt.want, "templates/") && !errors.As(err, &e) {
				t.Errorf("Load(%q) error is a %T, not a diag error", tt.lang, err)
			}
		})
	}
}
