package i18n

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/scholia/scholia/templates"
)

// miniEN is a small theme English file for tests that lay files over it.
const miniEN = `language: English
date: "{day} {month} {year}"
months: [January, February, March, April, May, June, July, August, September, October, November, December]
strings:
  skip_link: Skip to content
  reviewed_on: "Reviewed {date}"
  claims:
    one: "{n} claim"
    other: "{n} claims"
  and: and
  list_comma: ", "
`

// files makes an fs.FS of name, text pairs.
func files(pairs ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := 0; i+1 < len(pairs); i += 2 {
		fsys[pairs[i]] = &fstest.MapFile{Data: []byte(pairs[i+1])}
	}
	return fsys
}

// siteFile makes a site with the one translation file templates/i18n/LANG.yaml.
func siteFile(lang, text string) fstest.MapFS {
	return files("templates/i18n/"+lang+".yaml", text)
}

// argsFor gives every placeholder of e an argument: n a count, the others
// text that must come out escaped.
func argsFor(e entry) []any {
	var args []any
	for _, name := range e.names() {
		if name == "n" {
			args = append(args, name, 7)
		} else {
			args = append(args, name, "<"+name+">")
		}
	}
	return args
}

// mustLoad loads a catalog or stops the test.
func mustLoad(t *testing.T, defaults, site fs.FS, lang string) *Catalog {
	t.Helper()
	c, err := Load(defaults, site, lang)
	if err != nil {
		t.Fatalf("Load(%q): %v", lang, err)
	}
	return c
}

// str is String without its error, for tables.
func str(t *testing.T, c *Catalog, key string, args ...any) string {
	t.Helper()
	s, err := c.String(key, args...)
	if err != nil {
		t.Fatalf("String(%q): %v", key, err)
	}
	return s
}

func TestLoadMerging(t *testing.T) {
	defaults := files(
		"i18n/en.yaml", miniEN,
		"i18n/fr.yaml", "strings:\n  skip_link: Aller au contenu\n  reviewed_on: \"Vérifié le {date}\"\n",
		"i18n/fr-CA.yaml", "strings:\n  skip_link: Passer au contenu\n",
	)
	tests := []struct {
		name string
		site fstest.MapFS
		lang string
		key  string
		want string
	}{
		{name: "English", lang: "", key: "skip_link", want: "Skip to content"},
		{name: "the shipped base language", lang: "fr", key: "skip_link", want: "Aller au contenu"},
		{name: "the shipped full tag over the base", lang: "fr-CA", key: "skip_link", want: "Passer au contenu"},
		{name: "the base language under the full tag", lang: "fr-CA", key: "reviewed_on", want: "Vérifié le {date}"},
		{name: "English under what the files leave out", lang: "fr", key: "and", want: "and"},
		{name: "a site overrides one string", lang: "fr", key: "skip_link", want: "Au texte",
			site: siteFile("fr", "strings:\n  skip_link: Au texte\n")},
		{name: "and keeps the others", lang: "fr", key: "reviewed_on", want: "Vérifié le {date}",
			site: siteFile("fr", "strings:\n  skip_link: Au texte\n")},
		{name: "the site's base file over the shipped full tag", lang: "fr-CA", key: "skip_link", want: "Au texte",
			site: siteFile("fr", "strings:\n  skip_link: Au texte\n")},
		{
			name: "the site's full tag over its base file",
			site: files("templates/i18n/fr.yaml", "strings:\n  skip_link: Au texte\n",
				"templates/i18n/fr-CA.yaml", "strings:\n  skip_link: Sauter\n"),
			lang: "fr-CA", key: "skip_link", want: "Sauter",
		},
		{name: "the site's English file for English", lang: "en", key: "skip_link", want: "Skip",
			site: siteFile("en", "strings:\n  skip_link: Skip\n")},
		{name: "a language only the site has", lang: "de", key: "skip_link", want: "Zum Inhalt",
			site: siteFile("de", "strings:\n  skip_link: Zum Inhalt\n")},
		{name: "a site's key of its own", lang: "fr", key: "grade.false", want: "Faux",
			site: siteFile("fr", "strings:\n  grade.false: Faux\n")},
		{name: "a plural string replaced by one text", lang: "fr", key: "claims", want: "{n} au total",
			site: siteFile("fr", "strings:\n  claims: \"{n} au total\"\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustLoad(t, defaults, tt.site, tt.lang)
			got, err := c.String(tt.key, "date", "{date}", "n", "{n}")
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("String(%q) = %q, want %q", tt.key, got, tt.want)
			}
		})
	}
}

func TestLoadPluralOverrideReplacesWhole(t *testing.T) {
	site := siteFile("en", "strings:\n  claims:\n    other: \"{n} in all\"\n")
	c := mustLoad(t, files("i18n/en.yaml", miniEN), site, "en")
	if got, want := str(t, c, "claims", "n", 1), "1 in all"; got != want {
		t.Errorf("String(claims, n=1) = %q, want %q: the theme's one form must go with the rest", got, want)
	}
}

func TestDir(t *testing.T) {
	defaults := files("i18n/en.yaml", miniEN+"direction: ltr\n", "i18n/ar.yaml", "direction: rtl\n")
	tests := []struct {
		name string
		site fstest.MapFS
		lang string
		want string
	}{
		{name: "English", lang: "en", want: "ltr"},
		{name: "shipped Arabic", lang: "ar", want: "rtl"},
		{name: "Arabic of Egypt", lang: "ar-EG", want: "rtl"},
		{name: "Hebrew from the site, without a direction", lang: "he",
			site: siteFile("he", "strings:\n  skip_link: דלג לתוכן\n"), want: "rtl"},
		{name: "Arabic from the site only", lang: "ar",
			site: siteFile("ar", "strings:\n  skip_link: x\n"), want: "rtl"},
		{name: "Central Kurdish", lang: "ckb",
			site: siteFile("ckb", ""), want: "rtl"},
		{name: "German from the site", lang: "de",
			site: siteFile("de", ""), want: "ltr"},
		{name: "a site sets ltr for Arabic", lang: "ar",
			site: siteFile("ar", "direction: ltr\n"), want: "ltr"},
		{name: "a site sets rtl for a language it adds", lang: "xx",
			site: siteFile("xx", "direction: rtl\n"), want: "rtl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustLoad(t, defaults, tt.site, tt.lang)
			if got := c.Dir(); got != tt.want {
				t.Errorf("Dir() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLang(t *testing.T) {
	for _, lang := range []string{"", "en", "fr", "fr-CA", "ar"} {
		want := lang
		if want == "" {
			want = "en"
		}
		if got := mustLoad(t, templates.FS, nil, lang).Lang(); got != want {
			t.Errorf("Load(%q).Lang() = %q, want %q", lang, got, want)
		}
	}
}

func TestWarnings(t *testing.T) {
	site := siteFile("fr", "strings:\n  skip_lnik: a\n  grade.false: Faux\n")
	c := mustLoad(t, files("i18n/en.yaml", miniEN, "i18n/fr.yaml", ""), site, "fr")
	var got []string
	for _, w := range c.Warnings() {
		got = append(got, w.Error())
	}
	want := []string{`templates/i18n/fr.yaml:2:3: warning: the theme has no string "skip_lnik"; did you mean "skip_link"? (a key your own templates use is fine)`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Warnings() (-want +got):\n%s", diff)
	}
	if w := mustLoad(t, templates.FS, nil, "ar").Warnings(); len(w) != 0 {
		t.Errorf("the shipped Arabic has warnings: %v", w)
	}
}

func TestSumAndFiles(t *testing.T) {
	defaults := files("i18n/en.yaml", miniEN, "i18n/fr.yaml", "")
	site := func(text string) fstest.MapFS { return siteFile("fr", text) }
	base := mustLoad(t, defaults, site("strings:\n  skip_link: a\n"), "fr")
	tests := []struct {
		name      string
		site      fstest.MapFS
		lang      string
		same      bool
		wantFiles []string
	}{
		{name: "the same files", site: site("strings:\n  skip_link: a\n"), lang: "fr", same: true,
			wantFiles: []string{"templates/i18n/fr.yaml"}},
		{name: "an override changed", site: site("strings:\n  skip_link: b\n"), lang: "fr",
			wantFiles: []string{"templates/i18n/fr.yaml"}},
		{name: "no override", site: fstest.MapFS{}, lang: "fr"},
		{name: "another tag reading the same files", site: site("strings:\n  skip_link: a\n"), lang: "fr-CA",
			wantFiles: []string{"templates/i18n/fr.yaml"}},
		{name: "an override of the full tag added", lang: "fr-CA",
			site:      files("templates/i18n/fr.yaml", "strings:\n  skip_link: a\n", "templates/i18n/fr-CA.yaml", ""),
			wantFiles: []string{"templates/i18n/fr.yaml", "templates/i18n/fr-CA.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustLoad(t, defaults, tt.site, tt.lang)
			if same := c.Sum() == base.Sum(); same != tt.same {
				t.Errorf("Sum() equal to the first catalog's: %v, want %v", same, tt.same)
			}
			if diff := cmp.Diff(tt.wantFiles, c.Files()); diff != "" {
				t.Errorf("Files() (-want +got):\n%s", diff)
			}
		})
	}
	if c := mustLoad(t, defaults, nil, "fr"); len(c.Files()) != 0 {
		t.Errorf("Files() without a site = %v, want none", c.Files())
	}
}

func TestLoadNilSite(t *testing.T) {
	c, err := Load(templates.FS, nil, "es")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := str(t, c, "skip_link"), "Saltar al contenido"; got != want {
		t.Errorf("String(skip_link) = %q, want %q", got, want)
	}
}
