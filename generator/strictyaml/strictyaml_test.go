package strictyaml

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/scholia/scholia/generator/diag"
)

// errLines returns the errors of err as text lines, for comparisons.
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

func TestMapReportsUnknownAndDuplicateKeys(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "known keys",
			src:  "title: x\nrating: y\n",
		},
		{
			name: "misspelt key gets a suggestion",
			src:  "title: x\nratng: y\n",
			want: []string{`f.yaml:2:1: unknown key "ratng" in claim; did you mean "rating"?`},
		},
		{
			name: "swapped letters count as one edit",
			src:  "titel: x\n",
			want: []string{`f.yaml:1:1: unknown key "titel" in claim; did you mean "title"?`},
		},
		{
			name: "far key lists the known ones",
			src:  "colour: x\n",
			want: []string{`f.yaml:1:1: unknown key "colour" in claim; known keys are title, rating, note (hint)`},
		},
		{
			name: "duplicate key",
			src:  "title: x\nnote: a\ntitle: y\n",
			want: []string{`f.yaml:3:1: duplicate key "title" in claim (first at line 1): keep one`},
		},
		{
			name: "flow mapping, column counts characters",
			src:  "{é: 1, \"ä\": 2, ratin: 3}\n",
			want: []string{
				`f.yaml:1:2: unknown key "é" in claim; known keys are title, rating, note (hint)`,
				`f.yaml:1:8: unknown key "ä" in claim; known keys are title, rating, note (hint)`,
				`f.yaml:1:16: unknown key "ratin" in claim; did you mean "rating"?`,
			},
		},
		{
			name: "not a mapping",
			src:  "- a\n- b\n",
			want: []string{`f.yaml:1:1: claim must be a mapping of "key: value" lines, not a list`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, root := Parse("f.yaml", []byte(tt.src), 1, 0)
			d.Map(root, "claim", " (hint)", "title", "rating", "note")
			if diff := cmp.Diff(tt.want, errLines(t, d.Err())); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGettersCheckTypes(t *testing.T) {
	src := `text: 1984
bool: yes
int: two
big: 99999999999999999999999
list: x
strings: [a, [b], ~, c]
date: 2026-02-30
when: 2026-11-20T09:30:00+01:00
url: ftp://example.org
rel: /about/
ok: https://example.org/a
empty:
`
	d, root := Parse("f.yaml", []byte(src), 1, 0)
	m := d.Map(root, "test", "", "text", "bool", "int", "big", "list", "strings", "date", "when", "url", "rel", "ok", "empty")
	got := struct {
		Text    string
		Bool    bool
		Strings []string
		When    time.Time
		OK      string
		Empty   string
	}{
		Text:    d.String(m.Get("text"), "text"),
		Bool:    d.Bool(m.Get("bool"), "bool"),
		Strings: d.Strings(m.Get("strings"), "strings"),
		When:    d.Date(m.Get("when"), "when"),
		OK:      d.URL(m.Get("ok"), "ok"),
		Empty:   d.String(m.Get("empty"), "empty"),
	}
	d.Int(m.Get("int"), "int")
	d.Int(m.Get("big"), "big")
	d.Seq(m.Get("list"), "list")
	d.Date(m.Get("date"), "date")
	d.URL(m.Get("url"), "url")
	d.URL(m.Get("rel"), "rel")
	if n := m.Get("empty"); n.Given() || !n.Exists() {
		t.Errorf("empty: Given() = %v, Exists() = %v; want false, true", n.Given(), n.Exists())
	}

	want := struct {
		Text    string
		Bool    bool
		Strings []string
		When    time.Time
		OK      string
		Empty   string
	}{
		Text:    "1984",
		Strings: []string{"a", "c"},
		When:    time.Date(2026, 11, 20, 9, 30, 0, 0, time.FixedZone("", 3600)),
		OK:      "https://example.org/a",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	wantErrs := []string{
		`f.yaml:2:7: bool must be true or false, not the text "yes"`,
		`f.yaml:3:6: int must be a whole number, not the text "two"`,
		`f.yaml:4:6: big must be a whole number, not the text "99999999999999999999999"`,
		`f.yaml:5:7: list must be a list ("- item" lines or [a, b]), not the text "x"`,
		`f.yaml:6:14: each item of strings must be text, not a list`,
		`f.yaml:6:19: an item of strings is empty: remove it or fill it in`,
		`f.yaml:7:7: date "2026-02-30" is not a real date (day out of range); write YYYY-MM-DD (2026-11-20) or RFC 3339 (2026-11-20T09:30:00Z)`,
		`f.yaml:9:6: url "ftp://example.org" must be an http(s) URL, not ftp: like https://example.org/page`,
		`f.yaml:10:6: rel "/about/" is not a full URL: start it with https:// (or http://)`,
	}
	if diff := cmp.Diff(wantErrs, errLines(t, d.Err())); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestParsePositions(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		firstLine int
		want      []string
	}{
		{
			name:      "lines shifted by the start line",
			src:       "a: 1\nb: [\n",
			firstLine: 2,
			want:      []string{"f.yaml:3:4"},
		},
		{
			name:      "byte order mark is not a column",
			src:       "\uFEFFzz: 1\n",
			firstLine: 1,
			want:      []string{"f.yaml:1:1"},
		},
		{
			name:      "second document",
			src:       "a: 1\n---\nb: 2\n",
			firstLine: 1,
			want:      []string{"f.yaml:2:1"},
		},
		{
			name:      "CRLF line ends",
			src:       "a: 1\r\nzz: 2\r\n",
			firstLine: 1,
			want:      []string{"f.yaml:2:1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, root := Parse("f.yaml", []byte(tt.src), tt.firstLine, 0)
			d.Map(root, "test", "", "a", "b")
			var got []string
			var list diag.List
			errors.As(d.Err(), &list)
			for _, e := range list {
				got = append(got, e.Pos())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("positions (-want +got):\n%s\n%v", diff, d.Err())
			}
		})
	}
}

func TestAnyResolvesAliases(t *testing.T) {
	src := "base: &b {x: 1, y: [true, 1.5, ~, text]}\ncopy: *b\n"
	d, root := Parse("f.yaml", []byte(src), 1, 0)
	got := d.Any(root)
	inner := map[string]any{"x": 1, "y": []any{true, 1.5, nil, "text"}}
	want := map[string]any{"base": inner, "copy": inner}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Any (-want +got):\n%s", diff)
	}
	if err := d.Err(); err != nil {
		t.Errorf("Any: %v", err)
	}
}

func TestAnyStopsAliasBombs(t *testing.T) {
	src := "a: &a [x, x, x, x, x, x, x, x, x, x]\n" +
		"b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
		"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
		"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n" +
		"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n" +
		"f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
	d, root := Parse("f.yaml", []byte(src), 1, 0)
	d.Any(root)
	if d.Err() == nil {
		t.Error("Any of an alias bomb: no error")
	}
}

func TestClosest(t *testing.T) {
	known := []string{"title", "date", "description", "base_url"}
	tests := []struct {
		in, want string
	}{
		{in: "titel", want: "title"},
		{in: "Title", want: "title"},
		{in: "base-url", want: "base_url"},
		{in: "dat", want: "date"},
		{in: "descripton", want: "description"},
		{in: "colour", want: ""},
		{in: "xy", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Closest(tt.in, known); got != tt.want {
				t.Errorf("Closest(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseReportsUndefinedAliases(t *testing.T) {
	d, root := Parse("f.yaml", []byte("a: &x 1\nb: *x\nc: *nope\n"), 1, 0)
	m := d.Map(root, "test", "", "a", "b", "c")
	if got := d.String(m.Get("b"), "b"); got != "1" {
		t.Errorf("b = %q, want 1", got)
	}
	if got := d.String(m.Get("c"), "c"); got != "" {
		t.Errorf("c = %q, want empty", got)
	}
	want := []string{`f.yaml:3:4: alias *nope is not defined: define it first with &nope, or remove the *`}
	if diff := cmp.Diff(want, errLines(t, d.Err())); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestSyntaxErrorHints(t *testing.T) {
	d, _ := Parse("f.yaml", []byte("a:\n\t- b\n"), 1, 0)
	want := []string{`f.yaml:2:1: YAML syntax error: found character '\t' that cannot start any token; indent with spaces, not tabs`}
	if diff := cmp.Diff(want, errLines(t, d.Err())); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// TestAliasesFollowDocumentOrder checks YAML's rule that an alias names the
// anchor defined last before it: a later redefinition does not change it,
// and an alias before its anchor is undefined.
func TestAliasesFollowDocumentOrder(t *testing.T) {
	d, root := Parse("f.yaml", []byte("a: &x one\nb: *x\nc: &x two\nd: *x\n"), 1, 0)
	m := d.Map(root, "test", "", "a", "b", "c", "d")
	if b, dd := d.String(m.Get("b"), "b"), d.String(m.Get("d"), "d"); b != "one" || dd != "two" {
		t.Errorf("b, d = %q, %q; want one, two", b, dd)
	}
	if err := d.Err(); err != nil {
		t.Errorf("redefined anchor: %v", err)
	}
	d, root = Parse("f.yaml", []byte("b: *x\nc: &x two\n"), 1, 0)
	d.Map(root, "test", "", "b", "c")
	want := []string{`f.yaml:1:4: alias *x is not defined: define it first with &x, or remove the *`}
	if diff := cmp.Diff(want, errLines(t, d.Err())); diff != "" {
		t.Errorf("alias before its anchor (-want +got):\n%s", diff)
	}
}
