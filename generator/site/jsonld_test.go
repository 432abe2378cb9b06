package site

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// schemaOrg lists, for each type the graph uses, the schema.org properties
// it may carry (https://schema.org/ClaimReview and the types it points to),
// and the ones Google's fact-check markup needs.
var schemaOrg = map[string]struct{ allowed, required []string }{
	"ClaimReview":  {allowed: []string{"url", "claimReviewed", "reviewRating", "itemReviewed", "author", "datePublished", "inLanguage"}, required: []string{"url", "claimReviewed", "reviewRating", "itemReviewed", "author", "inLanguage"}},
	"Rating":       {allowed: []string{"ratingValue", "bestRating", "worstRating", "name", "alternateName"}, required: []string{"name", "alternateName"}},
	"Claim":        {allowed: []string{"author", "appearance", "datePublished", "firstAppearance"}},
	"CreativeWork": {allowed: []string{"url", "headline", "publisher", "author", "datePublished"}},
	"Organization": {allowed: []string{"name", "url", "logo"}, required: []string{"name"}},
	"ImageObject":  {allowed: []string{"url"}, required: []string{"url"}},
	"Person":       {allowed: []string{"name", "url"}, required: []string{"name"}},
}

var ldRE = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// TestClaimReviewProperties checks every node of the example article's
// JSON-LD against schema.org's properties for its type.
func TestClaimReviewProperties(t *testing.T) {
	out := build(t, exampleFS, Options{BaseURL: "https://example.org/"})
	page, err := os.ReadFile(filepath.Join(out, "articles/russia-taliban-arms/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := ldRE.FindSubmatch(page)
	if m == nil {
		t.Fatal("no ld+json script")
	}
	var ld struct {
		Context string           `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(m[1], &ld); err != nil {
		t.Fatal(err)
	}
	if ld.Context != "https://schema.org" || len(ld.Graph) < 8 {
		t.Fatalf("@context %q with %d ClaimReviews", ld.Context, len(ld.Graph))
	}
	types := map[string]int{}
	var check func(path string, node map[string]any)
	check = func(path string, node map[string]any) {
		typ, _ := node["@type"].(string)
		spec, ok := schemaOrg[typ]
		if !ok {
			t.Errorf("%s: unexpected @type %q", path, typ)
			return
		}
		types[typ]++
		for key, v := range node {
			if key == "@type" {
				continue
			}
			if !slices.Contains(spec.allowed, key) {
				t.Errorf("%s: %s has no property %q in schema.org", path, typ, key)
			}
			if child, ok := v.(map[string]any); ok {
				check(path+"."+key, child)
			}
		}
		for _, key := range spec.required {
			if v, ok := node[key]; !ok || v == "" {
				t.Errorf("%s: %s lacks %q", path, typ, key)
			}
		}
	}
	for _, n := range ld.Graph {
		check("ClaimReview", n)
		url, _ := n["url"].(string)
		if !regexp.MustCompile(`^https://example\.org/articles/russia-taliban-arms/#claim-[a-z0-9-]+$`).MatchString(url) {
			t.Errorf("ClaimReview url %q is not the claim's absolute URL", url)
		}
	}
	for _, typ := range []string{"ClaimReview", "Rating", "Claim", "CreativeWork", "Organization", "Person"} {
		if types[typ] == 0 {
			t.Errorf("no %s in the graph", typ)
		}
	}
}

// TestClaimReviewAppearance: the appearance's headline is the original's
// own (original.title), never the review's title; the rating has a name;
// the review says its language.
func TestClaimReviewAppearance(t *testing.T) {
	page := readTree(t, build(t, archiveFS(t, "small-site.txtar"), Options{}))["articles/moon/index.html"]
	m := ldRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no ld+json script")
	}
	var ld struct {
		Graph []struct {
			InLanguage   string `json:"inLanguage"`
			ReviewRating struct {
				Name string `json:"name"`
			} `json:"reviewRating"`
			ItemReviewed struct {
				Appearance struct {
					Headline string `json:"headline"`
				} `json:"appearance"`
			} `json:"itemReviewed"`
		} `json:"@graph"`
	}
	if err := json.Unmarshal([]byte(m[1]), &ld); err != nil || len(ld.Graph) == 0 {
		t.Fatalf("%v: %s", err, m[1])
	}
	for i, g := range ld.Graph {
		if g.ItemReviewed.Appearance.Headline != "Moon is cheese, mouse says" || g.ReviewRating.Name == "" || g.InLanguage != "en" {
			t.Errorf("ClaimReview %d: headline %q, rating name %q, inLanguage %q", i, g.ItemReviewed.Appearance.Headline, g.ReviewRating.Name, g.InLanguage)
		}
	}
	if !strings.Contains(page, "<dd>Moon is cheese, mouse says</dd>") {
		t.Error("the provenance box does not show the original's headline")
	}
}

// TestPublisherLogo: publisher.logo becomes the author's logo, an
// ImageObject.
func TestPublisherLogo(t *testing.T) {
	fsys := archiveFS(t, "small-site.txtar")
	cfg := strings.Replace(string(fsys["site.yaml"].Data), "  url: https://small.example/\n", "  url: https://small.example/\n  logo: https://small.example/logo.png\n", 1)
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte(cfg)}
	page := readTree(t, build(t, fsys, Options{}))["articles/moon/index.html"]
	if !strings.Contains(page, `"logo":{"@type":"ImageObject","url":"https://small.example/logo.png"}`) {
		t.Errorf("no logo in the JSON-LD:\n%s", ldRE.FindString(page))
	}
}
