package site

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/scholia/scholia/generator/internal/schemaorg"
)

var ldRE = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// jsonLD is every schema.org document of a built site by file: each
// page's ld+json script and the DataFeed.
func jsonLD(t *testing.T, tree map[string]string) map[string]any {
	t.Helper()
	docs := map[string]any{}
	for name, body := range tree {
		var texts []string
		switch {
		case strings.HasSuffix(name, ".html"):
			for _, m := range ldRE.FindAllStringSubmatch(body, -1) {
				texts = append(texts, m[1])
			}
		case name == "claimreview.jsonld":
			texts = []string{body}
		}
		for i, text := range texts {
			var doc any
			if err := json.Unmarshal([]byte(text), &doc); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			docs[fmt.Sprintf("%s#%d", name, i)] = doc
		}
	}
	return docs
}

// TestJSONLDValid checks every schema.org node the example and small sites
// publish against schema.org's vocabulary (vendored in
// internal/schemaorg): each type, each property on its type, each value in
// its range. With an absolute base_url every URL in them must be absolute.
func TestJSONLDValid(t *testing.T) {
	v, err := schemaorg.Load()
	if err != nil {
		t.Fatal(err)
	}
	sites := map[string]fs.FS{"example": exampleFS, "small": archiveFS(t, "small-site.txtar"), "reviewers": withSidecar(t, logSidecar)}
	for name, fsys := range sites {
		for _, base := range []string{"https://example.org/proj/", "/"} {
			t.Run(name+" "+base, func(t *testing.T) {
				docs := jsonLD(t, readTree(t, build(t, fsys, Options{BaseURL: base})))
				if _, ok := docs["claimreview.jsonld#0"]; !ok || len(docs) < 3 {
					t.Fatalf("%d JSON-LD documents, want the pages' and the DataFeed", len(docs))
				}
				var opts []schemaorg.Option
				if base != "/" {
					opts = append(opts, schemaorg.AbsoluteURLs)
				}
				for file, doc := range docs {
					for _, err := range v.Validate(doc, opts...) {
						t.Errorf("%s: %v", file, err)
					}
				}
			})
		}
	}
}

// ldGraph is the @graph of an article page.
func ldGraph(t *testing.T, page string) []map[string]any {
	t.Helper()
	m := ldRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no ld+json script")
	}
	var ld struct {
		Graph []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
		t.Fatal(err)
	}
	return ld.Graph
}

// at follows keys through nested JSON objects.
func at(v any, keys ...string) any {
	for _, k := range keys {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

// withSidecar is the small site with its moon article's sidecar replaced.
func withSidecar(t *testing.T, sidecar string) fstest.MapFS {
	fsys := archiveFS(t, "small-site.txtar")
	fsys["content/articles/moon.annotations.yaml"] = &fstest.MapFile{Data: []byte(sidecar)}
	return fsys
}

// TestClaimantTypes checks every form of claimant: the rating always has
// a name, and the author of the Claim has the type the editor gave, or
// none: a plain name is never guessed to be a Person.
func TestClaimantTypes(t *testing.T) {
	tests := []struct {
		name, claimant string
		want           map[string]any
	}{
		{name: "plain name", claimant: "The mouse", want: map[string]any{"name": "The mouse"}},
		{name: "mapping without type", claimant: "{name: The mouse}", want: map[string]any{"name": "The mouse"}},
		{name: "person", claimant: "{name: A. Mouse, type: person, url: https://mouse.example/}",
			want: map[string]any{"@type": "Person", "name": "A. Mouse", "url": "https://mouse.example/"}},
		{name: "organization", claimant: "{name: Mouse Gazette, type: organization}",
			want: map[string]any{"@type": "Organization", "name": "Mouse Gazette"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := withSidecar(t, "claims:\n  - id: green-cheese\n    quote: The moon is made of green cheese\n    claimant: "+tt.claimant+"\n    rating: inaccurate\n")
			graph := ldGraph(t, readTree(t, build(t, fsys, Options{}))["articles/moon/index.html"])
			if len(graph) != 1 {
				t.Fatalf("%d nodes, want 1", len(graph))
			}
			if diff := cmp.Diff(tt.want, at(graph[0], "itemReviewed", "author")); diff != "" {
				t.Errorf("author (-want +got):\n%s", diff)
			}
			if name := at(graph[0], "reviewRating", "name"); name != "Inaccurate" {
				t.Errorf("rating name %v", name)
			}
		})
	}
}

// TestClaimReviewAppearance: the appearance's headline is the original's
// own (original.title), never the review's title; a claim made elsewhere
// first is its firstAppearance, with its date; the review says its
// language and dates.
func TestClaimReviewAppearance(t *testing.T) {
	fsys := withSidecar(t, `review: {rating: very-low, date: 2026-11-02}
updates:
  - {date: 2026-11-05, note: Re-anchored a quote.}
  - {date: 2026-11-04, note: Fixed a typo.}
claims:
  - id: green-cheese
    quote: The moon is made of green cheese
    rating: inaccurate
  - id: export
    quote: Cheese is the moon's only export
    rating: misleading
    date: 2026-10-01
    appearance: {url: "https://radio.example/show", title: Cheese hour, publisher: Radio Mouse, date: 2026-09-30}
`)
	page := readTree(t, build(t, fsys, Options{}))["articles/moon/index.html"]
	graph := ldGraph(t, page)
	if len(graph) != 3 {
		t.Fatalf("%d nodes, want the Review and 2 ClaimReviews", len(graph))
	}
	orig := map[string]any{"@type": "CreativeWork", "headline": "Moon is cheese, mouse says", "url": "https://gazette.example/moon",
		"publisher": map[string]any{"@type": "Organization", "name": "Mouse Gazette"}, "author": map[string]any{"name": "A. Mouse"}}
	own := map[string]any{"@type": "CreativeWork", "headline": "Cheese hour", "url": "https://radio.example/show",
		"publisher": map[string]any{"@type": "Organization", "name": "Radio Mouse"}, "datePublished": "2026-09-30"}
	tests := []struct {
		name string
		got  any
		want any
	}{
		{name: "appearance from original", got: at(graph[1], "itemReviewed", "appearance"), want: orig},
		{name: "no firstAppearance unless known", got: at(graph[1], "itemReviewed", "firstAppearance"), want: nil},
		{name: "appearances of a relayed claim", got: at(graph[2], "itemReviewed", "appearance"), want: []any{own, orig}},
		{name: "firstAppearance of a relayed claim", got: at(graph[2], "itemReviewed", "firstAppearance"), want: own},
		{name: "claim date", got: at(graph[2], "itemReviewed", "datePublished"), want: "2026-10-01"},
		{name: "datePublished is the review's", got: at(graph[1], "datePublished"), want: "2026-11-02"},
		{name: "dateModified is the newest update", got: at(graph[1], "dateModified"), want: "2026-11-05"},
		{name: "inLanguage", got: at(graph[1], "inLanguage"), want: "en"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
	if !strings.Contains(page, "<dd>Moon is cheese, mouse says</dd>") {
		t.Error("the provenance box does not show the original's headline")
	}
}

// TestArticleReview: the review of the whole article is a Review of the
// original, rated on the article scale, at the page's URL.
func TestArticleReview(t *testing.T) {
	graph := ldGraph(t, readTree(t, build(t, archiveFS(t, "small-site.txtar"), Options{BaseURL: "https://small.example/"}))["articles/moon/index.html"])
	r := graph[0]
	want := map[string]any{
		"@type": "Review", "url": "https://small.example/articles/moon/", "name": "The moon and its cheese",
		"reviewRating": map[string]any{"@type": "Rating", "name": "Very low credibility", "alternateName": "Very low credibility",
			"ratingValue": -2.0, "bestRating": 2.0, "worstRating": -2.0},
		"itemReviewed": map[string]any{"@type": "CreativeWork", "headline": "Moon is cheese, mouse says", "url": "https://gazette.example/moon",
			"publisher": map[string]any{"@type": "Organization", "name": "Mouse Gazette"}, "author": map[string]any{"name": "A. Mouse"}},
		"author":        map[string]any{"@type": "Organization", "name": "Small desk", "url": "https://small.example/"},
		"inLanguage":    "en",
		"datePublished": "2026-11-02",
	}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("Review (-want +got):\n%s", diff)
	}
}

// TestMediaReview: a claim that names its media is a MediaReview, whose
// rating still names the grade in words.
func TestMediaReview(t *testing.T) {
	fsys := withSidecar(t, `claims:
  - id: green-cheese
    quote: The moon is made of green cheese
    claimant: {name: Mouse TV, type: organization}
    media: {type: video, url: "https://tv.example/moon.mp4", rating: DecontextualizedContent}
    rating: misleading
`)
	graph := ldGraph(t, readTree(t, build(t, fsys, Options{}))["articles/moon/index.html"])
	m := graph[0]
	tests := []struct {
		name string
		got  any
		want any
	}{
		{name: "type", got: m["@type"], want: "MediaReview"},
		{name: "category", got: m["mediaAuthenticityCategory"], want: "https://schema.org/DecontextualizedContent"},
		{name: "media", got: at(m, "itemReviewed", "mediaItemAppearance"), want: map[string]any{"@type": "VideoObject", "contentUrl": "https://tv.example/moon.mp4"}},
		{name: "creator", got: at(m, "itemReviewed", "creator"), want: map[string]any{"@type": "Organization", "name": "Mouse TV"}},
		{name: "grade in words", got: at(m, "reviewRating", "name"), want: "Misleading"},
		{name: "no claimReviewed", got: m["claimReviewed"], want: nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
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
