//go:build ignore

// Gen reduces a schema.org release to vocabulary.tsv, the data file that
// package schemaorg embeds. Run it from the package directory:
//
//	go run gen/main.go -in schemaorg-current-https.jsonld -version 30.0 -commit SHA
//
// The input is data/releases/VERSION/schemaorg-current-https.jsonld from
// https://github.com/schemaorg/schemaorg. It keeps only schema.org's own
// terms (not the mappings to other vocabularies that the release carries)
// and, of them, only what validation needs: each type's direct
// superclasses, each property's domain and range, and the types that each
// enumeration member (or data type) is an instance of. Labels, comments
// and sources are dropped, which is what makes the file small.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
)

const prefix = "schema:"

// node is one term of the release's @graph. The release writes a
// one-element list as a bare value, so the list fields take either.
type node struct {
	ID         string `json:"@id"`
	Type       ids    `json:"@type"`
	SubClassOf refs   `json:"rdfs:subClassOf"`
	Domain     refs   `json:"schema:domainIncludes"`
	Range      refs   `json:"schema:rangeIncludes"`
}

// ids is a string or a list of strings.
type ids []string

func (l *ids) UnmarshalJSON(b []byte) error {
	var one string
	if json.Unmarshal(b, &one) == nil {
		*l = ids{one}
		return nil
	}
	return json.Unmarshal(b, (*[]string)(l))
}

// refs is an {"@id": ...} object or a list of them.
type refs []string

func (l *refs) UnmarshalJSON(b []byte) error {
	type ref struct {
		ID string `json:"@id"`
	}
	var one ref
	if json.Unmarshal(b, &one) == nil {
		*l = refs{one.ID}
		return nil
	}
	var many []ref
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	for _, r := range many {
		*l = append(*l, r.ID)
	}
	return nil
}

func main() {
	in := flag.String("in", "", "the release's schemaorg-current-https.jsonld")
	out := flag.String("out", "vocabulary.tsv", "the data file to write")
	version := flag.String("version", "", "the release, e.g. 30.0")
	commit := flag.String("commit", "", "the schemaorg/schemaorg commit the release was read from")
	flag.Parse()
	if *in == "" || *version == "" || *commit == "" {
		log.Fatal("usage: go run gen/main.go -in FILE -version VERSION -commit SHA [-out vocabulary.tsv]")
	}
	b, err := os.ReadFile(*in)
	if err != nil {
		log.Fatal(err)
	}
	var release struct {
		Graph []node `json:"@graph"`
	}
	if err := json.Unmarshal(b, &release); err != nil {
		log.Fatalf("%s: %v", *in, err)
	}

	var lines []string
	for _, n := range release.Graph {
		name, ok := strings.CutPrefix(n.ID, prefix)
		if !ok {
			continue // a term of another vocabulary, there as a mapping
		}
		var classes []string // schema.org types n is an instance of
		class, property := false, false
		for _, t := range n.Type {
			switch t {
			case "rdfs:Class":
				class = true
			case "rdf:Property":
				property = true
			default:
				if c, ok := strings.CutPrefix(t, prefix); ok {
					classes = append(classes, c)
				}
			}
		}
		switch {
		case property:
			lines = append(lines, line("P", name, schemaOnly(n.Domain), schemaOnly(n.Range)))
		case class:
			// Superclasses outside schema.org (rdfs:Class for DataType,
			// FIBO and OMG Commons classes) cannot be looked up, so they
			// would only be noise.
			lines = append(lines, line("T", name, schemaOnly(n.SubClassOf)))
		}
		// Text, Number and the other data types are both classes and
		// instances of DataType: they get both lines.
		if len(classes) > 0 {
			lines = append(lines, line("M", name, classes))
		}
	}
	slices.Sort(lines)

	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "# schema.org vocabulary %s, reduced by gen/main.go; see NOTICE.\n", *version)
	fmt.Fprintf(w, "# version\t%s\n# commit\t%s\n", *version, *commit)
	fmt.Fprintln(w, "# T type superclasses | P property domain range | M member types")
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// line is one tab-separated record; lists are comma-separated and sorted.
func line(kind, name string, lists ...[]string) string {
	fields := []string{kind, name}
	for _, l := range lists {
		l = slices.Clone(l)
		slices.Sort(l)
		fields = append(fields, strings.Join(slices.Compact(l), ","))
	}
	return strings.Join(fields, "\t")
}

// schemaOnly keeps the schema.org terms of l, without the prefix.
func schemaOnly(l []string) []string {
	var out []string
	for _, id := range l {
		if name, ok := strings.CutPrefix(id, prefix); ok {
			out = append(out, name)
		}
	}
	return out
}
