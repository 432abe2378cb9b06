package i18n

import (
	"html"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// FuzzT renders fuzzed translations with fuzzed string arguments. With no
// template.HTML anywhere, any "<" in T's output would be markup that got
// through; String must be T's text unescaped.
func FuzzT(f *testing.F) {
	f.Add("Reviewed by {name} on {date}.", "reviewed_by_on", "<script>alert(1)</script>", "20 <b>Nov</b>", 3)
	f.Add("{ {{name}} {1} {date", "k", `"'&<>`, "\x00", -1)
	f.Add("<img src=x onerror=alert(1)>{name}", "p", "&lt;", "&#60;", 11)
	f.Add("{n} {n} {name}{date}", "missing", "", "", 1<<62)
	f.Add("\xff{name}\u202e", "k", "\xfe<", "<\xc3", 0)
	f.Fuzz(func(t *testing.T, text, key, name, date string, n int) {
		m := compile(text)
		c := &Catalog{base: "ar", tag: language.Arabic, strings: map[string]entry{
			"k": {text: m},
			"p": {forms: map[plural.Form]message{plural.One: m, plural.Many: compile(text + "{n}"), plural.Other: compile("{n}" + text)}},
		}}
		for _, k := range []string{"k", "p", key} {
			args := []any{"name", name, "date", date, "n", n}
			got, err := c.T(k, args...)
			plain, perr := c.String(k, args...)
			if (err == nil) != (perr == nil) {
				t.Fatalf("T(%q) error %v, but String error %v", k, err, perr)
			}
			if err != nil {
				if !strings.Contains(err.Error(), strconv.Quote(k)) {
					t.Errorf("T(%q) error %q does not name the key", k, err)
				}
				continue
			}
			if strings.Contains(string(got), "<") {
				t.Fatalf("T(%q) = %q: a string got in unescaped", k, got)
			}
			if strings.ContainsRune(text+name+date, 0) {
				continue // HTML escaping turns NUL into U+FFFD, which does not come back
			}
			if back := html.UnescapeString(string(got)); back != plain {
				t.Errorf("T(%q) unescaped = %q, String = %q", k, back, plain)
			}
		}
	})
}

// FuzzLoad reads a fuzzed site translation file: Load must not panic, and a
// catalog it returns must render every string it has.
func FuzzLoad(f *testing.F) {
	f.Add("strings:\n  skip_link: Aller\n  claims:\n    one: \"{n} x\"\n    other: \"{n} y\"\n")
	f.Add("direction: rtl\ndate: \"{day}\"\nmonths: [a, b, c, d, e, f, g, h, i, j, k, l]\n")
	f.Add("strings: &a {x: *a}\n")
	f.Add("strings:\n  reviewed_on: \"{dat}\"\n  'a b': c\n  1: 2\n")
	f.Add("strings: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")
	f.Fuzz(func(t *testing.T, text string) {
		c, err := Load(fstest.MapFS{"i18n/en.yaml": {Data: []byte(miniEN)}},
			fstest.MapFS{"templates/i18n/fr.yaml": {Data: []byte(text)}}, "fr")
		if err != nil {
			return
		}
		for _, key := range c.keys() {
			h, err := c.T(key, argsFor(c.strings[key])...)
			if err != nil {
				t.Errorf("T(%q): %v", key, err)
			}
			if strings.Contains(string(h), "<") {
				t.Errorf("T(%q) = %q: a string got in unescaped", key, h)
			}
		}
		if c.Dir() != "ltr" && c.Dir() != "rtl" {
			t.Errorf("Dir() = %q", c.Dir())
		}
		for m := time.January; m <= time.December; m++ {
			c.Date(time.Date(2026, m, 1, 0, 0, 0, 0, time.UTC))
		}
	})
}
