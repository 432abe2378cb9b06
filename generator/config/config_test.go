package config

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/scholia/scholia/generator/diag"
)

func errLines(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("error %v (%T) is not a diag.List", err, err)
	}
	var lines []string
	for _, e := range list {
		lines = append(lines, e.Error())
	}
	return lines
}

func TestLoadWithoutSiteYAMLGivesDefaults(t *testing.T) {
	cfg, err := Load(fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(Default(), cfg); diff != "" {
		t.Errorf("config (-want +got):\n%s", diff)
	}
	if cfg.BaseURL != "/" || cfg.Language != "en" || cfg.Paginate != 20 {
		t.Errorf("BaseURL, Language, Paginate = %q, %q, %d; want \"/\", \"en\", 20", cfg.BaseURL, cfg.Language, cfg.Paginate)
	}
}

func TestDefaultScales(t *testing.T) {
	type grade struct {
		ID, Label string
		Value     any
	}
	flatten := func(s Scale) []grade {
		var out []grade
		for _, g := range s {
			if g.Description == "" {
				t.Errorf("grade %q has no description", g.ID)
			}
			var v any = "off"
			if g.Value != nil {
				v = *g.Value
			}
			out = append(out, grade{g.ID, g.Label, v})
		}
		return out
	}
	wantClaim := []grade{
		{"accurate", "Accurate", 5},
		{"mostly-accurate", "Mostly accurate", 4},
		{"mixed", "Mixed", 3},
		{"misleading", "Misleading", 2},
		{"inaccurate", "Inaccurate", 1},
		{"unsupported", "Unsupported", "off"},
		{"not-checkable", "Opinion / not checkable", "off"},
	}
	if diff := cmp.Diff(wantClaim, flatten(DefaultClaimScale())); diff != "" {
		t.Errorf("claim scale (-want +got):\n%s", diff)
	}
	var gotIDs []string
	var gotValues []any
	for _, g := range flatten(DefaultArticleScale()) {
		gotIDs = append(gotIDs, g.ID)
		gotValues = append(gotValues, g.Value)
	}
	if diff := cmp.Diff([]string{"very-high", "high", "neutral", "low", "very-low"}, gotIDs); diff != "" {
		t.Errorf("article scale ids (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]any{2, 1, 0, -1, -2}, gotValues); diff != "" {
		t.Errorf("article scale values (-want +got):\n%s", diff)
	}
}

func TestScaleMethods(t *testing.T) {
	s := DefaultClaimScale()
	best, okB := s.Best()
	worst, okW := s.Worst()
	if best != 5 || worst != 1 || !okB || !okW {
		t.Errorf("Best, Worst = %d %v, %d %v; want 5 true, 1 true", best, okB, worst, okW)
	}
	if g, ok := s.Grade("mixed"); !ok || g.Label != "Mixed" {
		t.Errorf(`Grade("mixed") = %+v, %v`, g, ok)
	}
	if _, ok := s.Grade("false"); ok {
		t.Error(`Grade("false") found a grade`)
	}
	off := Scale{{ID: "a", Label: "A"}}
	if _, ok := off.Best(); ok {
		t.Error("Best of a scale without values: ok")
	}
}

func TestDecodeSiteYAML(t *testing.T) {
	src := `title: Review
base_url: https://user.github.io/repo
language: pt-BR
description: Fact checks
publisher:
  name: Desk
  url: https://example.org/
unsafe_html: true
share_cards: false
typographer: false
paginate: 5
params:
  github: scholia
  n: 2
scales:
  article:
    - id: good
      label: Good
      value: 1
      description: Holds up.
    - id: bad
      label: Bad
      value: 0
    - id: unrated
      label: Unrated
limits:
  file_size: 16MiB
  markdown_depth: 20
`
	cfg, err := Decode("site.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	one, zero := 1, 0
	wantLimits := DefaultLimits()
	wantLimits.FileSize, wantLimits.Markdown.MarkdownSize, wantLimits.Markdown.MarkdownDepth = 16<<20, 16<<20, 20
	want := &Config{
		Title:       "Review",
		BaseURL:     "https://user.github.io/repo/",
		Language:    "pt-BR",
		Description: "Fact checks",
		Publisher:   Publisher{Name: "Desk", URL: "https://example.org/"},
		UnsafeHTML:  true,
		Paginate:    5,
		Params:      map[string]any{"github": "scholia", "n": 2},
		Limits:      wantLimits,
		Scales: Scales{
			Claim: DefaultClaimScale(),
			Article: Scale{
				{ID: "good", Label: "Good", Value: &one, Description: "Holds up."},
				{ID: "bad", Label: "Bad", Value: &zero},
				{ID: "unrated", Label: "Unrated"},
			},
			ArticleGiven: true,
		},
	}
	if diff := cmp.Diff(want, cfg); diff != "" {
		t.Errorf("config (-want +got):\n%s", diff)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "unknown key with suggestion",
			src:  "title: x\nbase_ulr: /\n",
			want: []string{`site.yaml:2:1: unknown key "base_ulr" in site.yaml; did you mean "base_url"?`},
		},
		{
			name: "unknown nested key",
			src:  "publisher:\n  nme: Desk\n",
			want: []string{`site.yaml:2:3: unknown key "nme" in publisher; did you mean "name"?`},
		},
		{
			name: "wrong types",
			src:  "unsafe_html: maybe\npaginate: many\n",
			want: []string{
				`site.yaml:1:14: unsafe_html must be true or false, not the text "maybe"`,
				`site.yaml:2:11: paginate must be a whole number, not the text "many"`,
			},
		},
		{
			name: "paginate not positive",
			src:  "paginate: 0\n",
			want: []string{`site.yaml:1:11: paginate must be 1 or more (articles per list page), not 0`},
		},
		{
			name: "limits: bad size, not positive, unknown",
			src:  "limits:\n  file_size: 4 furlongs\n  yaml_depth: 0\n  table_colums: 3\n",
			want: []string{
				`site.yaml:2:14: limits.file_size: write a size in bytes, or with KiB, MiB or GiB, such as 8MiB`,
				`site.yaml:3:15: limits.yaml_depth must be 1 or more, not 0`,
				`site.yaml:4:3: unknown key "table_colums" in limits; did you mean "table_columns"?`,
			},
		},
		{
			name: "bad base_url",
			src:  "base_url: example.org\n",
			want: []string{`site.yaml:1:11: base_url "example.org" is not a full URL: start it with https:// (or http://), or a path like /blog/`},
		},
		{
			name: "bad language",
			src:  "language: english language\n",
			want: []string{`site.yaml:1:11: language "english language" is not a BCP 47 language tag: write one like en, fr or pt-BR`},
		},
		{
			name: "publisher url not http",
			src:  "publisher: {name: D, url: \"mailto:d@example.org\"}\n",
			want: []string{`site.yaml:1:27: url "mailto:d@example.org" must be an http(s) URL, not mailto: like https://example.org/page`},
		},
		{
			name: "scale: bad id, duplicate id, duplicate value, missing label",
			src: `scales:
  claim:
    - id: True
      label: True
      value: 1
    - id: false
      label: False
      value: 1
    - id: false
      value: 0
    - label: Other
`,
			want: []string{
				`site.yaml:3:11: grade id "True" may use only lowercase letters, digits and -, like "true"`,
				`site.yaml:8:14: value 1 is already the value of grade "True": values must be unique in a scale`,
				`site.yaml:9:7: grade "false" has no label: add label: with the text readers see`,
				`site.yaml:9:11: duplicate grade id "false" in the claim scale (first at line 6): ids must be unique`,
				`site.yaml:11:7: a grade of the claim scale has no id: add id: (lowercase letters, digits and -)`,
			},
		},
		{
			name: "empty scale",
			src:  "scales:\n  article: []\n",
			want: []string{`site.yaml:2:12: the article scale is empty: list its grades, best first, or remove it to use the default scale`},
		},
		{
			name: "syntax error",
			src:  "title: [x\n",
			want: []string{`site.yaml:1:8: YAML syntax error: sequence end token ']' not found; check the indentation and quote values that contain : # [ ] { } or start with a special character`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Decode("site.yaml", []byte(tt.src))
			if cfg != nil {
				t.Errorf("Decode returned a config with errors")
			}
			if diff := cmp.Diff(tt.want, errLines(t, err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNormalizeBaseURL(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{in: "", want: "/"},
		{in: "/", want: "/"},
		{in: "/blog", want: "/blog/"},
		{in: "https://example.org", want: "https://example.org/"},
		{in: "http://user.github.io/repo/", want: "http://user.github.io/repo/"},
		{in: "//example.org/", bad: true},
		{in: "example.org", bad: true},
		{in: "ftp://example.org/", bad: true},
		{in: "https://example.org/?q=1", bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := NormalizeBaseURL(tt.in)
			if (err != nil) != tt.bad || got != tt.want {
				t.Errorf("NormalizeBaseURL(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.bad)
			}
		})
	}
}

func TestLoadReportsSiteYML(t *testing.T) {
	_, err := Load(fstest.MapFS{"site.yml": {Data: []byte("title: x\n")}})
	want := []string{"site.yml:1:1: the configuration file is named site.yaml: rename site.yml to site.yaml"}
	if diff := cmp.Diff(want, errLines(t, err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestLoadReadsSiteYAML(t *testing.T) {
	cfg, err := Load(fstest.MapFS{"site.yaml": {Data: []byte("title: Mine\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Title != "Mine" || cfg.BaseURL != "/" {
		t.Errorf("Title, BaseURL = %q, %q", cfg.Title, cfg.BaseURL)
	}
}

// TestLanguageIsCanonical checks that a language tag is stored in the form
// <html lang> wants.
func TestLanguageIsCanonical(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{in: "en_US", want: "en-US"},
		{in: "EN-us", want: "en-US"},
		{in: "pt-BR", want: "pt-BR"},
		{in: "fr", want: "fr"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			cfg, err := Decode("site.yaml", []byte("language: "+tc.in+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Language != tc.want {
				t.Errorf("language %q is stored as %q, want %q", tc.in, cfg.Language, tc.want)
			}
		})
	}
}

func TestLoadRefusesAHugeSiteYAML(t *testing.T) {
	fsys := fstest.MapFS{File: {Data: make([]byte, DefaultLimits().FileSize+1)}}
	_, err := Load(fsys)
	want := "site.yaml: the configuration is 4194305 bytes, more than the 4 MiB a site.yaml may be: it holds settings, not content"
	if err == nil || err.Error() != want {
		t.Errorf("Load = %v, want %s", err, want)
	}
}
