package strictyaml

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
)

// Map is a mapping read with Decoder.Map: its known keys and their values.
type Map struct {
	Node
	pairs map[string]pair
}

type pair struct{ key, value Node }

// Get returns the value of key, or the zero Node when key is not given. An
// empty value is placed at its key.
func (m Map) Get(key string) Node { return m.pairs[key].value }

// Key returns the node of key itself, for problems about the key.
func (m Map) Key(key string) Node { return m.pairs[key].key }

// Has reports whether key is written in the mapping (even with an empty
// value).
func (m Map) Has(key string) bool {
	_, ok := m.pairs[key]
	return ok
}

// resolve follows tags, anchors and aliases to the value they stand for.
func (d *Decoder) resolve(n ast.Node) ast.Node {
	for range 64 {
		switch v := n.(type) {
		case *ast.TagNode:
			n = v.Value
		case *ast.AnchorNode:
			n = v.Value
		case *ast.AliasNode:
			target, ok := d.aliases[v]
			if !ok {
				return nil
			}
			n = target
		default:
			return n
		}
	}
	return nil
}

// Map reads n as a mapping whose keys must be among known, and reports
// unknown keys (suggesting the closest known one, or else listing them and
// adding hint), duplicate keys, and a value that is not a mapping. what
// names the mapping in messages: "claim", "front matter". A Node that is not
// given gives an empty Map.
func (d *Decoder) Map(n Node, what, hint string, known ...string) Map {
	m := Map{Node: n, pairs: map[string]pair{}}
	if !n.Given() {
		return m
	}
	var values []*ast.MappingValueNode
	switch v := d.resolve(n.n).(type) {
	case *ast.MappingNode:
		values = v.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{v}
	default:
		d.Errorf(n, "%s must be a mapping of \"key: value\" lines, not %s", what, d.describe(n.n))
		return m
	}
	for _, mv := range values {
		if mv == nil || mv.Key == nil {
			continue
		}
		key := d.node(mv.Key)
		name := d.keyText(mv.Key)
		value := d.node(mv.Value)
		if mv.Value == nil || isNull(d.resolve(mv.Value)) {
			value.line, value.col = key.line, key.col
		}
		if first, dup := m.pairs[name]; dup {
			d.Errorf(key, "duplicate key %q in %s (first at line %d): keep one", name, what, first.key.line+d.offset)
			continue
		}
		if !contains(known, name) {
			if s := Closest(name, known); s != "" {
				d.Errorf(key, "unknown key %q in %s; did you mean %q?", name, what, s)
			} else {
				d.Errorf(key, "unknown key %q in %s; known keys are %s%s", name, what, strings.Join(known, ", "), hint)
			}
			m.pairs[name] = pair{key: key} // still a duplicate if written twice
			continue
		}
		m.pairs[name] = pair{key: key, value: value}
	}
	return m
}

func (d *Decoder) keyText(k ast.Node) string {
	if mk, ok := k.(*ast.MappingKeyNode); ok {
		k = mk.Value
	}
	k = d.resolve(k)
	if s, ok := scalarText(k); ok {
		return s
	}
	if k == nil {
		return ""
	}
	return k.String()
}

func isNull(n ast.Node) bool {
	_, ok := n.(*ast.NullNode)
	return n == nil || ok
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// scalarText is the text of a scalar as written, and whether n is a scalar.
func scalarText(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", true
		}
		return v.Value.Value, true
	case *ast.NullNode:
		return "", true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return n.GetToken().Value, true
	}
	return "", false
}

// describe names what n is, for "must be X, not Y" messages.
func (d *Decoder) describe(n ast.Node) string {
	switch v := d.resolve(n).(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode, nil:
		return "empty"
	case *ast.StringNode, *ast.LiteralNode:
		s, _ := scalarText(v)
		return fmt.Sprintf("the text %q", shorten(s, 40))
	case *ast.BoolNode:
		return fmt.Sprintf("%t", v.Value)
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "the number " + v.GetToken().Value
	case *ast.AliasNode:
		return "an undefined alias"
	}
	return "a value of another kind"
}

// shorten cuts s to n characters, marking the cut with "...".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "..."
}

// String reads n as text: any scalar as written. name is the key, for
// messages. It returns "" when n is not given or is not a scalar.
func (d *Decoder) String(n Node, name string) string {
	if !n.Given() {
		return ""
	}
	s, ok := scalarText(d.resolve(n.n))
	if !ok {
		d.Errorf(n, "%s must be text, not %s", name, d.describe(n.n))
	}
	return s
}

// Bool reads n as true or false.
func (d *Decoder) Bool(n Node, name string) bool {
	if !n.Given() {
		return false
	}
	b, ok := d.resolve(n.n).(*ast.BoolNode)
	if !ok {
		d.Errorf(n, "%s must be true or false, not %s", name, d.describe(n.n))
		return false
	}
	return b.Value
}

// Int reads n as a whole number; ok is false when n is not given or not one.
func (d *Decoder) Int(n Node, name string) (v int, ok bool) {
	if !n.Given() {
		return 0, false
	}
	if i, isInt := d.resolve(n.n).(*ast.IntegerNode); isInt {
		switch x := i.Value.(type) {
		case int64:
			if x >= math.MinInt && x <= math.MaxInt {
				return int(x), true
			}
		case uint64:
			if x <= math.MaxInt {
				return int(x), true
			}
		}
		d.Errorf(n, "%s is too large", name)
		return 0, false
	}
	d.Errorf(n, "%s must be a whole number, not %s", name, d.describe(n.n))
	return 0, false
}

// Seq reads n as a list and returns its items.
func (d *Decoder) Seq(n Node, name string) []Node {
	if !n.Given() {
		return nil
	}
	s, ok := d.resolve(n.n).(*ast.SequenceNode)
	if !ok {
		d.Errorf(n, "%s must be a list (\"- item\" lines or [a, b]), not %s", name, d.describe(n.n))
		return nil
	}
	items := make([]Node, 0, len(s.Values))
	for _, v := range s.Values {
		item := d.node(v)
		if item.line == 0 {
			item.line, item.col = n.line, n.col
		}
		items = append(items, item)
	}
	return items
}

// Strings reads n as a list of texts, leaving out empty items.
func (d *Decoder) Strings(n Node, name string) []string {
	var out []string
	for _, item := range d.Seq(n, name) {
		if !item.Given() {
			d.Errorf(item, "an item of %s is empty: remove it or fill it in", name)
			continue
		}
		if s := d.String(item, "each item of "+name); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Any reads n as free-form data: map[string]any, []any, string, int,
// float64, bool or nil.
func (d *Decoder) Any(n Node) any {
	if n.n == nil {
		return nil
	}
	return d.anyValue(n.n, 0)
}

func (d *Decoder) anyValue(n ast.Node, depth int) any {
	d.budget--
	if d.budget < 0 || depth > 100 {
		if d.budget == -1 || depth == 101 {
			d.Errorf(d.node(n), "this value is nested or aliased too deeply")
		}
		return nil
	}
	switch v := d.resolve(n).(type) {
	case *ast.MappingNode:
		m := make(map[string]any, len(v.Values))
		for _, mv := range v.Values {
			if mv != nil && mv.Key != nil {
				m[d.keyText(mv.Key)] = d.anyValue(mv.Value, depth+1)
			}
		}
		return m
	case *ast.MappingValueNode:
		if v.Key == nil {
			return map[string]any{}
		}
		return map[string]any{d.keyText(v.Key): d.anyValue(v.Value, depth+1)}
	case *ast.SequenceNode:
		s := make([]any, 0, len(v.Values))
		for _, item := range v.Values {
			s = append(s, d.anyValue(item, depth+1))
		}
		return s
	case *ast.IntegerNode:
		switch x := v.Value.(type) {
		case int64:
			if x >= math.MinInt && x <= math.MaxInt {
				return int(x)
			}
		case uint64:
			if x <= math.MaxInt {
				return int(x)
			}
		}
		return v.GetToken().Value
	case *ast.FloatNode:
		return v.Value
	case *ast.InfinityNode:
		return v.Value
	case *ast.NanNode:
		return math.NaN()
	case *ast.BoolNode:
		return v.Value
	case *ast.NullNode, nil:
		return nil
	default:
		s, _ := scalarText(v)
		return s
	}
}

// Kind is what a Node holds.
type Kind int

// The kinds of Node.
const (
	Absent   Kind = iota // the key is not written
	Null                 // written with an empty or null value
	Scalar               // text, a number or a boolean
	Mapping              // key: value lines or {k: v}
	Sequence             // - item lines or [a, b]
	Other                // anything else, such as an undefined alias
)

// Kind returns what n holds, following anchors and aliases.
func (d *Decoder) Kind(n Node) Kind {
	if n.n == nil {
		if n.Exists() {
			return Null
		}
		return Absent
	}
	switch v := d.resolve(n.n).(type) {
	case *ast.NullNode, nil:
		return Null
	case *ast.MappingNode, *ast.MappingValueNode:
		return Mapping
	case *ast.SequenceNode:
		return Sequence
	default:
		if _, ok := scalarText(v); ok {
			return Scalar
		}
	}
	return Other
}
