package schemaorg

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Option turns on a check that Validate does not do by default.
type Option int

const (
	// AbsoluteURLs reports a relative URL in a value that must be a URL
	// (a property whose range has URL but no Text, such as url, sameAs or
	// image). Search engines resolve a relative URL against the page, but
	// a feed or an embed read elsewhere has no page to resolve it against.
	// An @id is not checked: "#org" naming a node of the same page is
	// JSON-LD's way to link nodes.
	AbsoluteURLs Option = iota + 1
)

// Error is one problem Validate found.
type Error struct {
	// Path is the place in the document: JSON keys and [indexes] joined by
	// dots, such as "@graph[3].itemReviewed.author". It is empty for the
	// document itself.
	Path string
	Msg  string
}

// Error formats e as PATH: message, with (root) for an empty path.
func (e *Error) Error() string {
	if e.Path == "" {
		return "(root): " + e.Msg
	}
	return e.Path + ": " + e.Msg
}

// Validate checks doc, a JSON-LD document as json.Unmarshal into an any
// gives it (a json.Decoder with UseNumber is fine too), against the
// vocabulary, and returns every problem it finds, in document order with
// an object's keys sorted. The package documentation says what is checked.
func (v *Vocabulary) Validate(doc any, opts ...Option) []error {
	c := &checker{v: v, absURLs: slices.Contains(opts, AbsoluteURLs)}
	c.document(doc, "")
	return c.errs
}

// checker is one run of Validate.
type checker struct {
	v       *Vocabulary
	absURLs bool
	errs    []error
}

func (c *checker) errorf(path, format string, args ...any) {
	c.errs = append(c.errs, &Error{Path: path, Msg: fmt.Sprintf(format, args...)})
}

// document checks a top-level value: a node, or an array of documents.
func (c *checker) document(x any, path string) {
	switch x := x.(type) {
	case []any:
		for i, d := range x {
			c.document(d, index(path, i))
		}
	case map[string]any:
		c.node(x, path, false, nil)
	default:
		c.errorf(path, "a JSON-LD document is an object or an array, not %s", kind(x))
	}
}

// node checks an object with its types and properties, and returns its
// types that the vocabulary knows and whether it has an @type at all.
// Outside a document's @context (inContext false) it needs one of its own.
// A node without @type given as a property's value stands for one of the
// property's range types, implied: each of its properties must fit one of
// them. That is how a name is given without guessing whether it is a
// Person's or an Organization's.
func (c *checker) node(m map[string]any, path string, inContext bool, implied []string) (known []string, typed bool) {
	if ctx, ok := m["@context"]; ok {
		c.context(ctx, join(path, "@context"))
	} else if !inContext {
		c.errorf(path, `no "@context": "https://schema.org"`)
	}
	known, typed = c.types(m, path)
	domain := known
	if !typed {
		domain = implied
	}
	props := false
	for _, key := range slices.Sorted(maps.Keys(m)) {
		val, kp := m[key], join(path, key)
		switch {
		case key == "@context" || key == "@type":
			continue
		case key == "@id":
			if _, ok := val.(string); !ok {
				c.errorf(kp, "@id is %s, not a string", kind(val))
			}
			continue
		case key == "@graph":
			c.graph(val, kp)
			continue
		case strings.HasPrefix(key, "@"):
			// @reverse, @included and the like name no schema.org
			// property, but the nodes in them are still checked.
			c.value(val, kp, nil)
			continue
		}
		props = true
		name := term(key)
		p := c.v.props[name]
		switch {
		case p == nil:
			c.errorf(path, "unknown property %q%s", key, didYouMean(c.v.foldProps, name))
		case len(domain) > 0 && !c.v.subClassOfAny(domain, p.domain):
			c.errorf(path, "property %q is not defined for %s%s", key, or(domain), forTypes(p.domain))
		}
		c.value(val, kp, p)
	}
	if props && !typed && len(implied) == 0 {
		c.errorf(path, "a node with properties has no @type")
	}
	return known, typed
}

// types checks m's @type and returns the types the vocabulary knows.
func (c *checker) types(m map[string]any, path string) (known []string, typed bool) {
	t, ok := m["@type"]
	if !ok {
		return nil, false
	}
	tp := join(path, "@type")
	var names []string
	switch t := t.(type) {
	case string:
		names = []string{t}
	case []any:
		if len(t) == 0 {
			c.errorf(tp, "@type names no type")
		}
		for i, e := range t {
			if s, ok := e.(string); ok {
				names = append(names, s)
			} else {
				c.errorf(index(tp, i), "a type is a string, not %s", kind(e))
			}
		}
	default:
		c.errorf(tp, "@type is %s, not a string or an array of strings", kind(t))
	}
	for _, n := range names {
		name := term(n)
		if c.v.types[name] == nil {
			c.errorf(path, "unknown type %q%s", n, didYouMean(c.v.foldTypes, name))
			continue
		}
		known = append(known, name)
	}
	return known, true
}

// context checks that a @context is schema.org's.
func (c *checker) context(x any, path string) {
	if !schemaContext(x) {
		c.errorf(path, `want "https://schema.org", not %s`, show(x))
	}
}

// schemaContext reports whether x makes schema.org the vocabulary: its
// URL (http or https, with or without the final slash), an array with it,
// or an object with it as @vocab.
func schemaContext(x any) bool {
	switch x := x.(type) {
	case string:
		s := strings.TrimSuffix(x, "/")
		return s == "https://schema.org" || s == "http://schema.org"
	case []any:
		return slices.ContainsFunc(x, schemaContext)
	case map[string]any:
		return schemaContext(x["@vocab"])
	}
	return false
}

// graph checks the nodes of a @graph, which share the document's context.
func (c *checker) graph(x any, path string) {
	nodes, ok := x.([]any)
	if !ok {
		c.graphNode(x, path)
		return
	}
	for i, n := range nodes {
		c.graphNode(n, index(path, i))
	}
}

func (c *checker) graphNode(n any, path string) {
	m, ok := n.(map[string]any)
	if !ok {
		c.errorf(path, "a @graph holds nodes, not %s", kind(n))
		return
	}
	c.node(m, path, true, nil)
}

// value checks the value of property p at path. With p nil (an unknown
// property, or a keyword such as @reverse) only the nodes in it are
// checked, for their own types and properties.
func (c *checker) value(x any, path string, p *property) {
	if p != nil && len(p.rng) == 0 {
		p = nil // a superseded property with no range: nothing to fit
	}
	switch x := x.(type) {
	case []any:
		for i, e := range x {
			if _, ok := e.([]any); ok {
				c.errorf(index(path, i), "an array in an array: JSON-LD has no such value")
				continue
			}
			c.value(e, index(path, i), p)
		}
	case map[string]any:
		c.object(x, path, p)
	case nil:
		c.errorf(path, "null: leave the property out instead")
	default:
		if p != nil {
			c.literal(x, path, p.rng)
		}
	}
}

// object checks an object given as a property's value: a value object, a
// list, a reference to a node by @id, or a node.
func (c *checker) object(m map[string]any, path string, p *property) {
	if val, ok := m["@value"]; ok {
		// {"@value": "...", "@language": "en"}: a literal with a language.
		if p != nil {
			c.literal(val, join(path, "@value"), p.rng)
		}
		return
	}
	if list, ok := m["@list"]; ok {
		c.value(list, join(path, "@list"), p)
		return
	}
	var implied []string
	if p != nil {
		implied = p.rng
	}
	known, typed := c.node(m, path, true, implied)
	if p == nil {
		return
	}
	if !typed {
		if id, ok := m["@id"].(string); ok && len(m) == 1 {
			c.reference(id, path, p.rng)
		}
		return
	}
	if len(known) > 0 && !c.v.subClassOfAny(known, p.rng) {
		c.errorf(path, "want %s, not %s", or(p.rng), or(known))
	}
}

// reference checks {"@id": id} given where rng is expected. It names a
// node, so it fits any range but a literal one; an enumeration wants one
// of its members.
func (c *checker) reference(id, path string, rng []string) {
	if name, ok := schemaTerm(id); ok && slices.ContainsFunc(rng, c.v.isEnumeration) {
		c.member(id, name, path, rng)
		return
	}
	for _, r := range rng {
		if !c.v.isDataType(r) || c.v.SubClassOf(r, "URL") {
			return
		}
	}
	c.errorf(path, "want %s, not a reference to a node", or(rng))
}

// member checks that term, written as the IRI s, is a member of one of the
// enumerations in rng.
func (c *checker) member(s, term, path string, rng []string) {
	for _, r := range rng {
		if c.v.isEnumeration(r) && c.v.MemberOf(term, r) {
			return
		}
	}
	enums := slices.DeleteFunc(slices.Clone(rng), func(r string) bool { return !c.v.isEnumeration(r) })
	c.errorf(path, "%q is not a member of %s", s, or(enums))
}

// term is the schema.org name in a key or a type, which may also be
// written as an IRI.
func term(s string) string {
	if name, ok := schemaTerm(s); ok {
		return name
	}
	return s
}

// schemaTerm returns the name in a schema.org IRI such as
// "https://schema.org/OriginalMediaContent" (or http://, or schema:).
func schemaTerm(s string) (string, bool) {
	for _, p := range []string{"https://schema.org/", "http://schema.org/", "schema:"} {
		if name, ok := strings.CutPrefix(s, p); ok && name != "" {
			return name, true
		}
	}
	return "", false
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// or lists names for a message: "A", "A or B", "A, B or C".
func or(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// forTypes says which types a property that does not fit is for.
func forTypes(domain []string) string {
	switch {
	case len(domain) == 0:
		return " (schema.org defines it for no type)"
	case len(domain) > 4:
		return " (it is for " + strings.Join(domain[:4], ", ") + ", ...)"
	}
	return " (it is for " + or(domain) + ")"
}

func didYouMean(fold map[string]string, name string) string {
	if n, ok := fold[strings.ToLower(name)]; ok && n != name {
		return fmt.Sprintf("; did you mean %q?", n)
	}
	return ""
}

// kind names the JSON kind of x for a message.
func kind(x any) string {
	switch x.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case float64, json.Number:
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("a %T", x)
}

// show quotes x for a message, cut short.
func show(x any) string {
	b, err := json.Marshal(x)
	if err != nil {
		return kind(x)
	}
	if len(b) > 60 {
		return string(b[:57]) + "..."
	}
	return string(b)
}
