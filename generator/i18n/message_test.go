package i18n

import (
	"html/template"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/scholia/scholia/templates"
)

// hostileEN is a theme English file whose translations try to inject HTML.
const hostileEN = `date: "{day} {month} {year}"
months: [a, b, c, d, e, f, g, h, i, j, k, l]
strings:
  script: "<script>alert(1)</script> by {name}"
  quotes: "Tom & \"Jerry\" 'n' {name}"
  html_arg: "Reviewed {date}."
  count: "{n} of {total}"
  braces: "{ {1} {{name}} {name"
  plural:
    one: "<b>{n}</b> claim"
    other: "{n} claims"
`

func TestTEscaping(t *testing.T) {
	c := mustLoad(t, files("i18n/en.yaml", hostileEN), nil, "en")
	tests := []struct {
		name       string
		key        string
		args       []any
		wantHTML   template.HTML
		wantString string
	}{
		{
			name:       "a translator's script is text",
			key:        "script",
			args:       []any{"name", "Ann"},
			wantHTML:   "&lt;script&gt;alert(1)&lt;/script&gt; by Ann",
			wantString: "<script>alert(1)</script> by Ann",
		},
		{
			name:       "a string argument is text",
			key:        "script",
			args:       []any{"name", `<img src=x onerror="alert(1)">`},
			wantHTML:   "&lt;script&gt;alert(1)&lt;/script&gt; by &lt;img src=x onerror=&#34;alert(1)&#34;&gt;",
			wantString: `<script>alert(1)</script> by <img src=x onerror="alert(1)">`,
		},
		{
			name:       "quotes and ampersands",
			key:        "quotes",
			args:       []any{"name", "A&B"},
			wantHTML:   "Tom &amp; &#34;Jerry&#34; &#39;n&#39; A&amp;B",
			wantString: `Tom & "Jerry" 'n' A&B`,
		},
		{
			name:       "template.HTML goes in as it is, and String takes its text",
			key:        "html_arg",
			args:       []any{"date", template.HTML(`<time datetime="2026-11-20">20&nbsp;Nov &amp; on</time>`)},
			wantHTML:   `Reviewed <time datetime="2026-11-20">20&nbsp;Nov &amp; on</time>.`,
			wantString: "Reviewed 20\u00a0Nov & on.",
		},
		{
			name:       "ints",
			key:        "count",
			args:       []any{"n", 3, "total", int64(-12)},
			wantHTML:   "3 of -12",
			wantString: "3 of -12",
		},
		{
			name:       "only {identifier} is a placeholder",
			key:        "braces",
			args:       []any{"name", "x"},
			wantHTML:   "{ {1} {x} {name",
			wantString: "{ {1} {x} {name",
		},
		{
			name:       "an unused argument",
			key:        "count",
			args:       []any{"n", 1, "total", 2, "extra", "<x>"},
			wantHTML:   "1 of 2",
			wantString: "1 of 2",
		},
		{
			name:       "a plural form's markup is text",
			key:        "plural",
			args:       []any{"n", 1},
			wantHTML:   "&lt;b&gt;1&lt;/b&gt; claim",
			wantString: "<b>1</b> claim",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.T(tt.key, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.wantHTML, got); diff != "" {
				t.Errorf("T (-want +got):\n%s", diff)
			}
			s, err := c.String(tt.key, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.wantString, s); diff != "" {
				t.Errorf("String (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTErrors(t *testing.T) {
	c := mustLoad(t, files("i18n/en.yaml", hostileEN), nil, "en")
	tests := []struct {
		name string
		key  string
		args []any
		want string
	}{
		{name: "an unknown key", key: "nope", want: `i18n: no string "nope" in the translations: add it under strings: in templates/i18n/en.yaml`},
		{name: "a misspelt key", key: "scrpit", want: `i18n: no string "scrpit" in the translations; did you mean "script"?`},
		{name: "a missing argument", key: "script", want: `i18n: string "script" uses {name}, but no argument "name" is given`},
		{name: "an odd args list", key: "script", args: []any{"name"}, want: `i18n: string "script": the arguments must be name, value pairs, not 1 values`},
		{name: "a name that is not a string", key: "script", args: []any{1, "x"}, want: `i18n: string "script": argument 1 must be a name, not int`},
		{name: "an argument of another type", key: "script", args: []any{"name", 1.5}, want: `i18n: string "script": argument "name" is a float64; pass a string, template.HTML or int`},
		{name: "a nil argument", key: "script", args: []any{"name", nil}, want: `i18n: string "script": argument "name" is a <nil>; pass a string, template.HTML or int`},
		{name: "a plural without n", key: "plural", want: `i18n: string "plural" has plural forms: pass the count as the argument "n"`},
		{name: "a plural with n as text", key: "plural", args: []any{"n", "3"}, want: `i18n: string "plural" has plural forms: its argument "n" must be an int, not string`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.T(tt.key, tt.args...)
			if err == nil {
				t.Fatalf("T(%q) succeeded, want an error", tt.key)
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("T error (-want +got):\n%s", diff)
			}
			if _, err := c.String(tt.key, tt.args...); err == nil {
				t.Errorf("String(%q) succeeded, want an error", tt.key)
			}
		})
	}
}

func TestPlurals(t *testing.T) {
	// Each form says its own name, so the test sees which one was picked.
	defaults := files(
		"i18n/en.yaml", miniEN+"  forms:\n    zero: zero {n}\n    one: one {n}\n    two: two {n}\n    few: few {n}\n    many: many {n}\n    other: other {n}\n",
		"i18n/fr.yaml", "", "i18n/ar.yaml", "", "i18n/pl.yaml", "",
	)
	tests := []struct {
		lang string
		n    []int
		want []string
	}{
		{lang: "en", n: []int{0, 1, 2, 21}, want: []string{"other 0", "one 1", "other 2", "other 21"}},
		{lang: "fr", n: []int{0, 1, 2}, want: []string{"one 0", "one 1", "other 2"}},
		{lang: "fr-CA", n: []int{0, 1, 2}, want: []string{"one 0", "one 1", "other 2"}},
		{lang: "ar", n: []int{0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111}, want: []string{
			"zero 0", "one 1", "two 2", "few 3", "few 10", "many 11", "many 99", "other 100", "other 102", "few 103", "many 111"}},
		{lang: "ar-EG", n: []int{0, 2, 11}, want: []string{"zero 0", "two 2", "many 11"}},
		{lang: "pl", n: []int{1, 2, 5, 22}, want: []string{"one 1", "few 2", "many 5", "few 22"}},
		{lang: "en", n: []int{-1, -2}, want: []string{"one -1", "other -2"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			got := counts(t, mustLoad(t, defaults, nil, tt.lang), "forms", tt.n)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("forms for %v (-want +got):\n%s", tt.n, diff)
			}
		})
	}
}

// counts renders the plural string key for each count of ns.
func counts(t *testing.T, c *Catalog, key string, ns []int) []string {
	t.Helper()
	var got []string
	for _, n := range ns {
		got = append(got, str(t, c, key, "n", n))
	}
	return got
}

func TestPluralFallsBackToOther(t *testing.T) {
	// English picks one for 1, but the site's string has only other.
	c := mustLoad(t, files("i18n/en.yaml", miniEN), siteFile("en", "strings:\n  claims:\n    other: \"{n} in all\"\n"), "en")
	if got, want := str(t, c, "claims", "n", 1), "1 in all"; got != want {
		t.Errorf("String(claims, n=1) = %q, want %q", got, want)
	}
}

func TestShippedPlurals(t *testing.T) {
	tests := []struct {
		lang string
		n    []int
		want []string
	}{
		{lang: "en", n: []int{0, 1, 2}, want: []string{"0 claims reviewed", "1 claim reviewed", "2 claims reviewed"}},
		{lang: "fr", n: []int{0, 1, 2}, want: []string{"0 affirmation vérifiée", "1 affirmation vérifiée", "2 affirmations vérifiées"}},
		{lang: "es", n: []int{0, 1, 2}, want: []string{"0 afirmaciones verificadas", "1 afirmación verificada", "2 afirmaciones verificadas"}},
		{lang: "ar", n: []int{0, 1, 2, 3, 11, 100}, want: []string{
			"لم تتم مراجعة أي ادعاء",
			"تمت مراجعة ادعاء واحد",
			"تمت مراجعة ادعاءين",
			"تمت مراجعة 3 ادعاءات",
			"تمت مراجعة 11 ادعاءً",
			"تمت مراجعة 100 ادعاء",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			got := counts(t, mustLoad(t, templates.FS, nil, tt.lang), "claims_reviewed", tt.n)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("claims_reviewed for %v (-want +got):\n%s", tt.n, diff)
			}
		})
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		lang string
		date time.Time
		want string
	}{
		{lang: "en", date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), want: "20 November 2026"},
		{lang: "fr", date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), want: "20 novembre 2026"},
		{lang: "es", date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), want: "20 de noviembre de 2026"},
		{lang: "ar", date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), want: "20 نوفمبر 2026"},
		{lang: "fr-CA", date: time.Date(2027, 1, 1, 23, 0, 0, 0, time.UTC), want: "1er janvier 2027"},
		{lang: "ar", date: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), want: "31 ديسمبر 2026"},
		{lang: "es", date: time.Date(2026, 8, 5, 0, 0, 0, 0, time.UTC), want: "5 de agosto de 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.want, func(t *testing.T) {
			if got := mustLoad(t, templates.FS, nil, tt.lang).Date(tt.date); got != tt.want {
				t.Errorf("Date(%v) = %q, want %q", tt.date, got, tt.want)
			}
		})
	}
}

func TestDateOverride(t *testing.T) {
	site := siteFile("fr", "date: \"le {day} {month} de l'an {year}\"\n")
	got := mustLoad(t, templates.FS, site, "fr").Date(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC))
	if want := "le 2 mars de l'an 2026"; got != want {
		t.Errorf("Date = %q, want %q", got, want)
	}
}

func TestJoin(t *testing.T) {
	names := []string{"Ann", "Bo", "Cy"}
	tests := []struct {
		lang  string
		names []string
		want  string
	}{
		{lang: "en", names: nil, want: ""},
		{lang: "en", names: names[:1], want: "Ann"},
		{lang: "en", names: names[:2], want: "Ann and Bo"},
		{lang: "en", names: names, want: "Ann, Bo and Cy"},
		{lang: "fr", names: names, want: "Ann, Bo et Cy"},
		{lang: "es", names: names, want: "Ann, Bo y Cy"},
		{lang: "ar", names: []string{"أحمد", "سارة", "ليلى"}, want: "أحمد، سارة وليلى"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+strings.Join(tt.names, ","), func(t *testing.T) {
			if got := mustLoad(t, templates.FS, nil, tt.lang).Join(tt.names); got != tt.want {
				t.Errorf("Join(%q) = %q, want %q", tt.names, got, tt.want)
			}
		})
	}
}

func TestHas(t *testing.T) {
	c := mustLoad(t, templates.FS, siteFile("fr", "strings:\n  grade.false: Faux\n"), "fr")
	for key, want := range map[string]bool{"skip_link": true, "grade.false": true, "grade.nope": false, "": false} {
		if got := c.Has(key); got != want {
			t.Errorf("Has(%q) = %v, want %v", key, got, want)
		}
	}
}

func TestCompile(t *testing.T) {
	tests := []struct {
		in   string
		want message
	}{
		{in: "", want: nil},
		{in: "plain", want: message{{text: "plain", html: "plain"}}},
		{in: "{a}{b_2}", want: message{{text: "a", arg: true}, {text: "b_2", arg: true}}},
		{in: "x {2a} {a-b} {} {", want: message{{text: "x {2a} {a-b} {} {", html: "x {2a} {a-b} {} {"}}},
		{in: "{{n}} & <", want: message{{text: "{", html: "{"}, {text: "n", arg: true}, {text: "} & <", html: "} &amp; &lt;"}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, compile(tt.in), cmp.AllowUnexported(part{})); diff != "" {
				t.Errorf("compile(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
