package i18n

import (
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/scholia/scholia/generator/strictyaml"
)

// message is a translation text split at its placeholders, once at Load,
// so that T, called for every string of every page, only concatenates.
type message []part

// part is a literal run of a message (with its HTML form ready) or a
// placeholder.
type part struct {
	text string // the literal text, or the placeholder's name
	html string // the literal text, escaped
	arg  bool
}

// compile splits s at its placeholders. Only {identifier} is one: a
// translation may hold braces of its own ("{ }", "{3}", "{{") and they are
// kept as written.
func compile(s string) message {
	var m message
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			t := lit.String()
			m = append(m, part{text: t, html: template.HTMLEscapeString(t)})
			lit.Reset()
		}
	}
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			lit.WriteString(s)
			break
		}
		lit.WriteString(s[:i])
		j := i + 1
		for j < len(s) && identByte(s[j], j == i+1) {
			j++
		}
		if j == i+1 || j == len(s) || s[j] != '}' {
			lit.WriteByte('{')
			s = s[i+1:]
			continue
		}
		flush()
		m = append(m, part{text: s[i+1 : j], arg: true})
		s = s[j+1:]
	}
	flush()
	return m
}

func identByte(c byte, first bool) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || !first && c >= '0' && c <= '9'
}

// names lists the placeholders of m, each once, in order.
func (m message) names() []string {
	var out []string
	for _, p := range m {
		if p.arg && !slices.Contains(out, p.text) {
			out = append(out, p.text)
		}
	}
	return out
}

// entry is one string of a catalog: one text, or one per plural form.
type entry struct {
	text  message
	forms map[plural.Form]message // nil for one text; else it holds Other
}

// names lists the placeholders of every form of e; a plural entry always
// takes n.
func (e entry) names() []string {
	if e.forms == nil {
		return e.text.names()
	}
	out := []string{"n"}
	for _, f := range pluralForms {
		for _, name := range e.forms[f.form].names() {
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return out
}

// pluralForms are the CLDR plural forms, in the order CLDR lists them.
var pluralForms = []struct {
	name string
	form plural.Form
}{
	{"zero", plural.Zero}, {"one", plural.One}, {"two", plural.Two},
	{"few", plural.Few}, {"many", plural.Many}, {"other", plural.Other},
}

// pick returns the form of e for the count n in language tag. A form the
// translation leaves out falls back to other, as CLDR intends: French
// files need not write the "many" that CLDR gives to 1000000.
func (e entry) pick(tag language.Tag, n int) message {
	if n < 0 {
		// CLDR rules are about the absolute value, and the plural
		// tables index by it.
		n = -n
		if n < 0 {
			n = math.MaxInt
		}
	}
	if m, ok := e.forms[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)]; ok {
		return m
	}
	return e.forms[plural.Other]
}

// T returns the string key with its placeholders filled from args, as
// HTML: the translation text and every string argument are escaped, an
// argument of type template.HTML is inserted as it is, and an int is
// written in digits. Args are name, value pairs. An entry with plural
// forms takes its count as the int argument "n". An unknown key, a
// placeholder without an argument and a malformed args list are errors
// that name the key.
func (c *Catalog) T(key string, args ...any) (template.HTML, error) {
	s, err := c.render(key, args, true)
	return template.HTML(s), err
}

// String is T as plain text, for feeds, JSON and alt text: nothing is
// escaped, and a template.HTML argument stands for its text, without its
// tags and with its entities resolved.
func (c *Catalog) String(key string, args ...any) (string, error) {
	return c.render(key, args, false)
}

func (c *Catalog) render(key string, args []any, asHTML bool) (string, error) {
	e, ok := c.strings[key]
	if !ok {
		return "", c.unknownKey(key)
	}
	if len(args)%2 != 0 {
		return "", fmt.Errorf("i18n: string %q: the arguments must be name, value pairs, not %d values", key, len(args))
	}
	for i := 0; i < len(args); i += 2 {
		if _, ok := args[i].(string); !ok {
			return "", fmt.Errorf("i18n: string %q: argument %d must be a name, not %T", key, i+1, args[i])
		}
	}
	m := e.text
	if e.forms != nil {
		n, err := count(key, args)
		if err != nil {
			return "", err
		}
		m = e.pick(c.tag, n)
	}
	var b strings.Builder
	for _, p := range m {
		if !p.arg {
			if asHTML {
				b.WriteString(p.html)
			} else {
				b.WriteString(p.text)
			}
			continue
		}
		v, ok := arg(args, p.text)
		if !ok {
			return "", fmt.Errorf("i18n: string %q uses {%s}, but no argument %q is given", key, p.text, p.text)
		}
		switch v := v.(type) {
		case string:
			if asHTML {
				v = template.HTMLEscapeString(v)
			}
			b.WriteString(v)
		case template.HTML:
			if asHTML {
				b.WriteString(string(v))
			} else {
				b.WriteString(htmlText(string(v)))
			}
		case int:
			b.WriteString(strconv.Itoa(v))
		case int64:
			b.WriteString(strconv.FormatInt(v, 10))
		default:
			return "", fmt.Errorf("i18n: string %q: argument %q is a %T; pass a string, template.HTML or int", key, p.text, v)
		}
	}
	return b.String(), nil
}

// arg returns the value of the argument name.
func arg(args []any, name string) (any, bool) {
	for i := 0; i+1 < len(args); i += 2 {
		if args[i] == name {
			return args[i+1], true
		}
	}
	return nil, false
}

// count returns the argument n of a plural entry.
func count(key string, args []any) (int, error) {
	v, ok := arg(args, "n")
	switch n := v.(type) {
	case int:
		return n, nil
	case int64:
		if n >= math.MinInt && n <= math.MaxInt {
			return int(n), nil
		}
	case nil:
		if !ok {
			return 0, fmt.Errorf("i18n: string %q has plural forms: pass the count as the argument \"n\"", key)
		}
	}
	return 0, fmt.Errorf("i18n: string %q has plural forms: its argument \"n\" must be an int, not %T", key, v)
}

// unknownKey is the error of T for a key no layer has.
func (c *Catalog) unknownKey(key string) error {
	if s := strictyaml.Closest(key, c.keys()); s != "" {
		return fmt.Errorf("i18n: no string %q in the translations; did you mean %q?", key, s)
	}
	return fmt.Errorf("i18n: no string %q in the translations: add it under strings: in templates/i18n/%s.yaml", key, c.base)
}

// htmlText is the text a reader sees of an HTML fragment.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
		}
	}
}

// Date writes t as the catalog's language writes a date in running text,
// with the day and year in digits: "20 November 2026", "20 de noviembre
// de 2026".
func (c *Catalog) Date(t time.Time) string {
	var b strings.Builder
	for _, p := range c.date {
		switch {
		case !p.arg:
			b.WriteString(p.text)
		case p.text == "day" && t.Day() == 1 && c.dayOne != "":
			b.WriteString(c.dayOne)
		case p.text == "day":
			b.WriteString(strconv.Itoa(t.Day()))
		case p.text == "month":
			b.WriteString(c.months[t.Month()-1])
		case p.text == "year":
			b.WriteString(strconv.Itoa(t.Year()))
		}
	}
	return b.String()
}

// Join lists names as a sentence does, with the strings list_comma and
// list_last: "A, B and C", "A، B وC".
func (c *Catalog) Join(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	comma, err := c.String("list_comma")
	if err != nil {
		comma = ", "
	}
	last := len(names) - 1
	s, err := c.String("list_last", "rest", strings.Join(names[:last], comma), "last", names[last])
	if err != nil {
		return strings.Join(names, comma)
	}
	return s
}
