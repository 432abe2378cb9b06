package schemaorg

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

//go:embed vocabulary.tsv
var data string

// Vocabulary is schema.org's types and properties, as far as validation
// needs them. It is never changed after Load, so one Vocabulary may be used
// by any number of goroutines.
type Vocabulary struct {
	version, commit string
	types           map[string]*class
	props           map[string]*property
	members         map[string][]string // term -> the types it is an instance of
	// foldTypes and foldProps map lower-cased names back, for the "did you
	// mean" of an error: JSON-LD terms are case-sensitive and a wrong case
	// is the likeliest slip.
	foldTypes, foldProps map[string]string
}

type class struct {
	supers []string // direct, from rdfs:subClassOf
	// ancestors is the class itself and every superclass, transitively.
	ancestors map[string]bool
	// dataType is set for an instance of DataType (Text, Number, Date,
	// Quantity, ...) and its subclasses (URL, Integer, Distance, ...):
	// the types that a JSON literal can stand for.
	dataType bool
}

type property struct {
	domain, rng []string // schema:domainIncludes, schema:rangeIncludes
}

// Load returns the vocabulary vendored in vocabulary.tsv. It is parsed once
// and shared.
func Load() (*Vocabulary, error) { return load() }

var load = sync.OnceValues(func() (*Vocabulary, error) { return parse(data) })

// parse reads the line format that gen/main.go writes.
func parse(text string) (*Vocabulary, error) {
	v := &Vocabulary{
		types:     map[string]*class{},
		props:     map[string]*property{},
		members:   map[string][]string{},
		foldTypes: map[string]string{},
		foldProps: map[string]string{},
	}
	for i, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if meta, ok := strings.CutPrefix(line, "# "); ok {
			switch key, val, _ := strings.Cut(meta, "\t"); key {
			case "version":
				v.version = val
			case "commit":
				v.commit = val
			}
			continue
		}
		f := strings.Split(line, "\t")
		switch {
		case len(f) == 3 && f[0] == "T":
			v.types[f[1]] = &class{supers: list(f[2])}
			v.foldTypes[strings.ToLower(f[1])] = f[1]
		case len(f) == 4 && f[0] == "P":
			v.props[f[1]] = &property{domain: list(f[2]), rng: list(f[3])}
			v.foldProps[strings.ToLower(f[1])] = f[1]
		case len(f) == 3 && f[0] == "M":
			v.members[f[1]] = list(f[2])
		default:
			return nil, fmt.Errorf("vocabulary.tsv:%d: malformed line %q", i+1, line)
		}
	}
	if v.version == "" || len(v.types) == 0 || len(v.props) == 0 {
		return nil, fmt.Errorf("vocabulary.tsv: no version, types or properties")
	}
	for name, c := range v.types {
		c.ancestors = map[string]bool{}
		v.collect(name, c.ancestors)
	}
	for _, c := range v.types {
		for a := range c.ancestors {
			c.dataType = c.dataType || slices.Contains(v.members[a], "DataType")
		}
	}
	return v, nil
}

func list(field string) []string {
	if field == "" {
		return nil
	}
	return strings.Split(field, ",")
}

// collect adds name and its superclasses to seen. Types have several
// parents (LocalBusiness is both an Organization and a Place), and seen
// also keeps a cycle in the data from looping.
func (v *Vocabulary) collect(name string, seen map[string]bool) {
	if seen[name] {
		return
	}
	seen[name] = true
	if c := v.types[name]; c != nil {
		for _, s := range c.supers {
			v.collect(s, seen)
		}
	}
}

// Version is the schema.org release the vocabulary is from, such as "30.0".
func (v *Vocabulary) Version() string { return v.version }

// Commit is the schemaorg/schemaorg commit the release was read from.
func (v *Vocabulary) Commit() string { return v.commit }

// HasType reports whether name, such as "ClaimReview", is a schema.org type.
func (v *Vocabulary) HasType(name string) bool { return v.types[name] != nil }

// Property returns the types a property is defined for (domainIncludes)
// and the types its values may have (rangeIncludes), and whether it exists.
// The slices are the vocabulary's own and must not be changed.
func (v *Vocabulary) Property(name string) (domain, rng []string, ok bool) {
	p := v.props[name]
	if p == nil {
		return nil, nil, false
	}
	return p.domain, p.rng, true
}

// SubClassOf reports whether typ is super or one of its subclasses, through
// any number of rdfs:subClassOf steps. A type is a subclass of itself.
func (v *Vocabulary) SubClassOf(typ, super string) bool {
	c := v.types[typ]
	return c != nil && c.ancestors[super]
}

// MemberOf reports whether term, such as "OriginalMediaContent", is a
// member of the enumeration enum or of one of its subclasses.
func (v *Vocabulary) MemberOf(term, enum string) bool {
	return slices.ContainsFunc(v.members[term], func(t string) bool { return v.SubClassOf(t, enum) })
}

// subClassOfAny reports whether one of types is (a subclass of) one of
// supers.
func (v *Vocabulary) subClassOfAny(types, supers []string) bool {
	for _, t := range types {
		for _, s := range supers {
			if v.SubClassOf(t, s) {
				return true
			}
		}
	}
	return false
}

// isDataType reports whether typ is a data type or a subclass of one.
func (v *Vocabulary) isDataType(typ string) bool {
	c := v.types[typ]
	return c != nil && c.dataType
}

// isEnumeration reports whether typ has members, as an Enumeration does
// and as Boolean does with True and False.
func (v *Vocabulary) isEnumeration(typ string) bool {
	return v.SubClassOf(typ, "Enumeration") || typ == "Boolean"
}
