package content

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The JSON Schemas that editors validate sidecars and front matter with.
var (
	sidecarSchema = filepath.Join("..", "..", "docs", "schema", "sidecar.schema.json")
	frontSchema   = filepath.Join("..", "..", "docs", "schema", "front-matter.schema.json")
)

func readSchema(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}

// schemaAt follows keys through nested JSON objects and arrays (an index as a
// number string).
func schemaAt(t *testing.T, v any, keys ...string) map[string]any {
	t.Helper()
	for _, k := range keys {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			i := int(k[0] - '0')
			v = x[i]
		}
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("no object at %v", keys)
	}
	return m
}

// TestSchemaKeys keeps the schemas in step with the decoder: each object
// of the schema has exactly the keys its decoder accepts, and refuses any
// other.
func TestSchemaKeys(t *testing.T) {
	side, front := readSchema(t, sidecarSchema), readSchema(t, frontSchema)
	for _, tc := range []struct {
		name string
		obj  map[string]any
		keys []string
	}{
		{name: "sidecar", obj: side, keys: sidecarKeys},
		{name: "review", obj: schemaAt(t, side, "properties", "review"), keys: reviewKeys},
		{name: "claim", obj: schemaAt(t, side, "definitions", "claim"), keys: claimKeys},
		{name: "quote selector", obj: schemaAt(t, side, "definitions", "claim", "properties", "quote", "oneOf", "1"), keys: quoteKeys},
		{name: "source", obj: schemaAt(t, side, "definitions", "source"), keys: sourceKeys},
		{name: "update", obj: schemaAt(t, side, "properties", "updates", "items"), keys: updateKeys},
		{name: "appearance", obj: schemaAt(t, side, "definitions", "place"), keys: originalKeys},
		{name: "claimant", obj: schemaAt(t, side, "definitions", "claim", "properties", "claimant", "oneOf", "1"), keys: claimantKeys},
		{name: "reviewer", obj: schemaAt(t, side, "definitions", "reviewer"), keys: reviewerKeys},
		{name: "media", obj: schemaAt(t, side, "definitions", "claim", "properties", "media"), keys: mediaKeys},
		{name: "front matter", obj: front, keys: frontKeys},
		{name: "original", obj: schemaAt(t, front, "properties", "original"), keys: originalKeys},
	} {
		t.Run(tc.name, func(t *testing.T) {
			props, _ := tc.obj["properties"].(map[string]any)
			var got []string
			for k := range props {
				got = append(got, k)
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tc.keys))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("keys (-decoder +schema):\n%s", diff)
			}
			if tc.obj["additionalProperties"] != false {
				t.Error("the schema allows keys the decoder refuses: want additionalProperties: false")
			}
		})
	}
}

// TestSchemaValidates: the example site's sidecar and front matter are
// valid; a misspelt key or a script URL is not.
func TestSchemaValidates(t *testing.T) {
	c := jsonschema.NewCompiler()
	compile := func(path string) *jsonschema.Schema {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(must(os.ReadFile(path))))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource(path, doc); err != nil {
			t.Fatal(err)
		}
		s, err := c.Compile(path)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	side, front := compile(sidecarSchema), compile(frontSchema)
	article := string(must(os.ReadFile(filepath.Join("..", "..", "content", "articles", "russia-taliban-arms.md"))))
	frontYAML := strings.SplitN(article, "---\n", 3)[1]
	for _, tc := range []struct {
		name   string
		schema *jsonschema.Schema
		yaml   string
		valid  bool
	}{
		{name: "the example sidecar", schema: side, yaml: string(must(os.ReadFile(filepath.Join("..", "..", "content", "articles", "russia-taliban-arms.annotations.yaml")))), valid: true},
		{name: "the example front matter", schema: front, yaml: frontYAML, valid: true},
		{name: "an empty sidecar", schema: side, yaml: "claims:\n", valid: true},
		{name: "a misspelt claim key", schema: side, yaml: "claims:\n  - id: a\n    qoute: x\n    rating: mixed\n", valid: false},
		{name: "a misspelt front matter key", schema: front, yaml: "title: T\ntitel: T\n", valid: false},
		{name: "a source with a javascript: URL", schema: side, yaml: "claims:\n  - id: a\n    quote: x\n    rating: mixed\n    sources:\n      - url: javascript:alert(1)\n", valid: false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			js, err := yaml.YAMLToJSON([]byte(tc.yaml))
			if err != nil {
				t.Fatal(err)
			}
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
			if err != nil {
				t.Fatal(err)
			}
			if err := tc.schema.Validate(v); (err == nil) != tc.valid {
				t.Errorf("valid %v, want %v: %v\n%s", err == nil, tc.valid, err, js)
			}
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
