package i18n

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"golang.org/x/text/feature/plural"

	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/strictyaml"
)

// layer is one translation file, read: what it sets, and nothing for what
// it leaves out.
type layer struct {
	path      string
	direction string   // "ltr", "rtl" or "" when not given
	date      message  // nil when not given
	months    []string // nil when not given, else 12
	dayOne    string   // how the first of a month is written ("1er"); "" when not given
	strings   map[string]entry
}

var fileKeys = []string{"language", "direction", "date", "months", "day_one", "strings"}

// parseFile reads the translation file path. theme is the English strings
// an override is checked against (nil for the English file itself): its
// placeholders must be the theme's, and a key the theme lacks that looks
// like a misspelling of one is returned as a warning, since a site may add
// keys of its own for its own templates and rating scales.
func parseFile(path string, src []byte, theme map[string]entry) (*layer, diag.List, error) {
	d, root := strictyaml.Parse(path, src, 1, 0)
	m := d.Map(root, "the translation file", "", fileKeys...)
	l := &layer{path: path, strings: map[string]entry{}}
	d.String(m.Get("language"), "language")
	if n := m.Get("direction"); n.Given() {
		switch s := d.String(n, "direction"); s {
		case "ltr", "rtl":
			l.direction = s
		default:
			d.Errorf(n, "direction must be ltr or rtl, not %q", s)
		}
	}
	if n := m.Get("date"); n.Given() {
		l.date = compile(d.String(n, "date"))
		for _, name := range l.date.names() {
			if name != "day" && name != "month" && name != "year" {
				d.Errorf(n, "date uses {%s}; a date has only {day}, {month} and {year}", name)
			}
		}
	}
	if n := m.Get("months"); n.Given() {
		l.months = readMonths(d, n)
	}
	if n := m.Get("day_one"); n.Given() {
		l.dayOne = strings.TrimSpace(d.String(n, "day_one"))
	}
	var warnings diag.List
	if n := m.Get("strings"); n.Given() {
		warnings = readStrings(d, n, l, theme)
	}
	if err := d.Err(); err != nil {
		return nil, nil, fixDepthHint(err)
	}
	return l, warnings, nil
}

// depthHint is how strictyaml ends its message about nesting, for the
// files whose limit a site sets; a translation file's is fixed.
const depthHint = ", past limits.yaml_depth: flatten it, or raise limits.yaml_depth in site.yaml"

// fixDepthHint rewrites the hint of a nesting error for a translation
// file, which nests two levels when it is right.
func fixDepthHint(err error) error {
	var list diag.List
	if errors.As(err, &list) {
		for _, e := range list {
			if msg, ok := strings.CutSuffix(e.Msg, depthHint); ok {
				e.Msg = msg + ": a translation file needs only strings: and the plural forms under it"
			}
		}
	}
	return err
}

// readMonths reads the 12 month names, January first.
func readMonths(d *strictyaml.Decoder, n strictyaml.Node) []string {
	items := d.Seq(n, "months")
	months := make([]string, 0, 12)
	for _, item := range items {
		s := strings.TrimSpace(d.String(item, "each month"))
		if s == "" {
			d.Errorf(item, "a month is empty: write its name")
		}
		months = append(months, s)
	}
	if items != nil && len(months) != 12 {
		d.Errorf(n, "months must list the 12 months, January first, not %d", len(months))
		return nil
	}
	return months
}

// readStrings reads the strings mapping into l.
func readStrings(d *strictyaml.Decoder, n strictyaml.Node, l *layer, theme map[string]entry) diag.List {
	if d.Kind(n) != strictyaml.Mapping {
		d.Errorf(n, "strings must be a mapping of \"key: text\" lines")
		return nil
	}
	// strictyaml reads mappings of known keys; the keys here are the
	// file's own, so they are taken from the free-form reading first.
	raw, _ := d.Any(n).(map[string]any)
	keys := slices.Sorted(maps.Keys(raw))
	sm := d.Map(n, "strings", "", keys...)
	themeKeys := slices.Sorted(maps.Keys(theme))
	var warnings diag.List
	for _, key := range keys {
		v := sm.Get(key)
		if !validKey(key) {
			d.Errorf(sm.Key(key), "the key %q may hold only letters, digits, '_', '.' and '-'", key)
			continue
		}
		e, ok := readEntry(d, v, key)
		if !ok {
			continue
		}
		if theme == nil {
			l.strings[key] = e
			continue
		}
		te, known := theme[key]
		if !known {
			if s := strictyaml.Closest(key, themeKeys); s != "" {
				line, col := d.FilePos(sm.Key(key))
				warnings = append(warnings, &diag.Error{Path: l.path, Line: line, Col: col, Warning: true,
					Msg: fmt.Sprintf("the theme has no string %q; did you mean %q? (a key your own templates use is fine)", key, s)})
			}
		} else if !checkOverride(d, v, key, e, te) {
			continue
		}
		l.strings[key] = e
	}
	return warnings
}

// readEntry reads one string: a text, or a mapping of plural forms.
func readEntry(d *strictyaml.Decoder, v strictyaml.Node, key string) (entry, bool) {
	switch d.Kind(v) {
	case strictyaml.Scalar:
		return entry{text: compile(d.String(v, key))}, true
	case strictyaml.Mapping:
		names := make([]string, len(pluralForms))
		for i, f := range pluralForms {
			names[i] = f.name
		}
		fm := d.Map(v, "the plural forms of "+key, " (the CLDR plural forms)", names...)
		if !fm.Get("other").Given() {
			d.Errorf(v, "the plural forms of %s need other, the form for any count the others do not take", key)
			return entry{}, false
		}
		e := entry{forms: map[plural.Form]message{}}
		for _, f := range pluralForms {
			if fv := fm.Get(f.name); fv.Given() {
				e.forms[f.form] = compile(d.String(fv, key+"."+f.name))
			}
		}
		return e, true
	case strictyaml.Null:
		d.Errorf(v, "the string %s is empty: write its text, or remove the key", key)
	default:
		d.Errorf(v, "the string %s must be text, or a mapping of plural forms (one: ..., other: ...)", key)
	}
	return entry{}, false
}

// checkOverride reports whether e can stand for the theme's te: the
// templates pass te's arguments, so e may use no other placeholder, and
// plural forms only where the templates pass a count.
func checkOverride(d *strictyaml.Decoder, v strictyaml.Node, key string, e, te entry) bool {
	if e.forms != nil && te.forms == nil {
		d.Errorf(v, "the string %s has plural forms here, but the theme's is one text, given no count: write one text", key)
		return false
	}
	have := te.names()
	ok := true
	for _, name := range e.names() {
		if !slices.Contains(have, name) {
			d.Errorf(v, "the string %s uses {%s}, which the templates do not pass: %s", key, name, placeholderList(have))
			ok = false
		}
	}
	return ok
}

// placeholderList says which placeholders a string has, for messages.
func placeholderList(names []string) string {
	if len(names) == 0 {
		return "it has no placeholders"
	}
	braced := make([]string, len(names))
	for i, n := range names {
		braced[i] = "{" + n + "}"
	}
	return "it has " + strings.Join(braced, ", ")
}

// validKey reports whether key is a name a template can pass and a
// message can show: letters, digits, '_', '.' and '-'.
func validKey(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !identByte(c, false) && c != '.' && c != '-' {
			return false
		}
	}
	return true
}
