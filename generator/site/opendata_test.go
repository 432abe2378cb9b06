package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"image/png"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/scholia/scholia/generator/publish"
)

// hostileSidecar has values that CSV and JSON must carry unharmed: a
// formula, quotes, commas, a line break, a claimant as a mapping.
const hostileSidecar = `review: {rating: low, date: 2026-11-02}
updates:
  - {date: 2026-11-04, note: Re-rated a claim.}
claims:
  - id: green-cheese
    quote: The moon is made of green cheese
    claim: "=HYPERLINK(\"https://evil.example\"), said \"the mouse\""
    claimant: {name: "-Mouse, the elder", type: person, url: "https://mouse.example/"}
    rating: inaccurate
    date: 2026-10-01
    sources:
      - {title: "A, b", url: "https://a.example/?q=1,2"}
      - title: "Two\nlines"
  - id: export
    quote: Cheese is the moon's only export
    claimant: The mouse
    media: {type: image, url: "https://img.example/moon.png", rating: TransformedContent}
    rating: misleading
`

// TestClaimsJSON checks claims.json against the schema published beside it
// and against the claims of the site, and the CSV against the JSON: every
// cell reads back as the value it holds.
func TestClaimsJSON(t *testing.T) {
	tree := readTree(t, build(t, withSidecar(t, hostileSidecar), Options{BaseURL: "https://small.example/"}))
	if tree["claims.schema.json"] != string(publish.ClaimsSchema) {
		t.Fatal("claims.schema.json is not published")
	}
	c := jsonschema.NewCompiler()
	schema, err := jsonschema.UnmarshalJSON(strings.NewReader(tree["claims.schema.json"]))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("claims.schema.json", schema); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("claims.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(tree["claims.json"]))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Errorf("claims.json does not match its schema: %v", err)
	}
	var data struct {
		Claims []publish.OpenClaim `json:"claims"`
	}
	if err := json.Unmarshal([]byte(tree["claims.json"]), &data); err != nil {
		t.Fatal(err)
	}
	if len(data.Claims) != 2 {
		t.Fatalf("%d claims, want 2", len(data.Claims))
	}
	first := data.Claims[0]
	wantFirst := publish.OpenClaim{
		ID: "green-cheese", URL: "https://small.example/articles/moon/claims/green-cheese/",
		Claim: `=HYPERLINK("https://evil.example"), said "the mouse"`, Quote: "The moon is made of green cheese",
		Position: publish.Position{Start: 20, End: 52}, // after "What the mouse said" and a break
		Grade:    publish.OpenGrade{ID: "inaccurate", Label: "Inaccurate", Value: first.Grade.Value},
		Claimant: &publish.OpenClaimant{Name: "-Mouse, the elder", Type: "person", URL: "https://mouse.example/"},
		Article:  publish.OpenArticle{Title: "The moon and its cheese", URL: "https://small.example/articles/moon/"},
		Sources:  []publish.OpenSource{{Title: "A, b", URL: "https://a.example/?q=1,2"}, {Title: "Two\nlines"}},
		Dates:    publish.OpenDates{Claimed: "2026-10-01", Reviewed: "2026-11-02", Corrected: "2026-11-04"},
	}
	if diff := cmp.Diff(wantFirst, first); diff != "" || first.Grade.Value == nil || *first.Grade.Value != 1 {
		t.Errorf("first claim (-want +got):\n%s", diff)
	}
	checkCSVRoundTrip(t, tree["claims.csv"], data.Claims)
}

// checkCSVRoundTrip reads claims.csv back, undoing the apostrophe before a
// would-be formula, and compares each row with its claim in claims.json.
func checkCSVRoundTrip(t *testing.T, text string, claims []publish.OpenClaim) {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader([]byte(text))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(claims)+1 || !cmp.Equal(rows[0], publish.CSVHeader) {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
	for i, c := range claims {
		got := map[string]string{}
		for j, cell := range rows[i+1] {
			if strings.HasPrefix(cell, "'") && publish.CSVSafe(cell[1:]) == cell {
				cell = cell[1:]
			}
			got[publish.CSVHeader[j]] = cell
		}
		want := map[string]string{"id": c.ID, "url": c.URL, "claim": c.Claim, "quote": c.Quote,
			"start": strconv.Itoa(c.Position.Start), "end": strconv.Itoa(c.Position.End),
			"grade": c.Grade.ID, "grade_label": c.Grade.Label, "article_title": c.Article.Title, "article_url": c.Article.URL,
			"claimed": c.Dates.Claimed, "reviewed": c.Dates.Reviewed, "corrected": c.Dates.Corrected}
		if c.Claimant != nil {
			want["claimant"], want["claimant_type"], want["claimant_url"] = c.Claimant.Name, c.Claimant.Type, c.Claimant.URL
		}
		if c.Media != nil {
			want["media_type"], want["media_url"], want["media_rating"] = c.Media.Type, c.Media.URL, c.Media.Rating
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("row %d, %s: %q, want %q", i+1, k, got[k], v)
			}
		}
	}
	if strings.Contains(text, "\n=") || strings.Contains(text, ",=") || strings.Contains(text, `,"=`) {
		t.Error("a cell starts with = : a spreadsheet would run it")
	}
}

// TestDataFeed: claimreview.jsonld has an item per claim, each the review
// at the claim's own page (TestJSONLDValid checks it against schema.org).
func TestDataFeed(t *testing.T) {
	tree := readTree(t, build(t, withSidecar(t, hostileSidecar), Options{BaseURL: "https://small.example/"}))
	var feed struct {
		Type     string `json:"@type"`
		Modified string `json:"dateModified"`
		Items    []struct {
			Type string `json:"@type"`
			Item struct {
				Type string `json:"@type"`
				URL  string `json:"url"`
			} `json:"item"`
		} `json:"dataFeedElement"`
	}
	if err := json.Unmarshal([]byte(tree["claimreview.jsonld"]), &feed); err != nil {
		t.Fatal(err)
	}
	type item struct{ Type, URL string }
	var got []item
	for _, it := range feed.Items {
		got = append(got, item{it.Item.Type, it.Item.URL})
	}
	want := []item{{"ClaimReview", "https://small.example/articles/moon/claims/green-cheese/"}, {"MediaReview", "https://small.example/articles/moon/claims/export/"}}
	if diff := cmp.Diff(want, got); diff != "" || feed.Type != "DataFeed" || feed.Modified != "2026-11-04" {
		t.Errorf("%s modified %q; items (-want +got):\n%s", feed.Type, feed.Modified, diff)
	}
}

// TestClaimPages: each claim has a page with exactly one review node, of
// the claim, at the page's URL, showing the quote in its paragraph and
// linking to the claim in the article.
func TestClaimPages(t *testing.T) {
	tree := readTree(t, build(t, withSidecar(t, hostileSidecar), Options{BaseURL: "https://small.example/"}))
	for _, tc := range []struct{ id, typ, context string }{
		{id: "green-cheese", typ: "ClaimReview", context: `<mark class="claim" data-rating="inaccurate">The moon is made of green cheese</mark>, said the mouse`},
		{id: "export", typ: "MediaReview", context: `<mark class="claim" data-rating="misleading">Cheese is the moon’s only export</mark>.`},
	} {
		t.Run(tc.id, func(t *testing.T) {
			page := tree["articles/moon/claims/"+tc.id+"/index.html"]
			scripts := ldRE.FindAllStringSubmatch(page, -1)
			if len(scripts) != 1 {
				t.Fatalf("%d ld+json scripts, want 1", len(scripts))
			}
			var node map[string]any
			if err := json.Unmarshal([]byte(scripts[0][1]), &node); err != nil {
				t.Fatal(err)
			}
			url := "https://small.example/articles/moon/claims/" + tc.id + "/"
			if node["@type"] != tc.typ || node["url"] != url || node["@graph"] != nil {
				t.Errorf("review node: @type %v, url %v", node["@type"], node["url"])
			}
			for _, want := range []string{tc.context, `href="/articles/moon/#claim-` + tc.id + `"`, `<link rel="canonical" href="` + url + `">`} {
				if !strings.Contains(page, want) {
					t.Errorf("the page lacks %s", want)
				}
			}
		})
	}
	if article := tree["articles/moon/index.html"]; !strings.Contains(article, `<a href="/articles/moon/claims/green-cheese/">`) {
		t.Error("the article's note does not link to the claim's page")
	}
}

// TestClaimantPages: one page per claimant across the site, names that
// differ only in case sharing it, with the counts by grade; the index
// lists them with their numbers of claims.
func TestClaimantPages(t *testing.T) {
	fsys := withSidecar(t, hostileSidecar)
	fsys["content/articles/sun.md"] = &fstest.MapFile{Data: []byte("---\ntitle: The sun\ndate: 2026-11-03\n---\n\nThe sun is a lamp, and the sun is warm.\n")}
	fsys["content/articles/sun.annotations.yaml"] = &fstest.MapFile{Data: []byte(
		"claims:\n  - {id: lamp, quote: The sun is a lamp, claimant: THE MOUSE, rating: inaccurate}\n  - {id: warm, quote: the sun is warm, claimant: The mouse, rating: accurate}\n")}
	tree := readTree(t, build(t, fsys, Options{}))
	index := tree["claimants/index.html"]
	for _, want := range []string{`<a href="/claims/"`, `<a href="/claimants/mouse-the-elder/">-Mouse, the elder</a> <span class="count">1 claim</span>`, `<a href="/claimants/the-mouse/">THE MOUSE</a> <span class="count">3 claims</span>`} {
		if !strings.Contains(index+tree["claims/index.html"], want) {
			t.Errorf("claimants index lacks %s", want)
		}
	}
	mouse := tree["claimants/the-mouse/index.html"]
	for _, want := range []string{">Inaccurate</span> <span class=\"count\">1</span>", ">Accurate</span> <span class=\"count\">1</span>", ">Misleading</span> <span class=\"count\">1</span>",
		`href="/articles/sun/claims/lamp/"`, `href="/articles/sun/claims/warm/"`, `href="/articles/moon/claims/export/"`} {
		if !strings.Contains(mouse, want) {
			t.Errorf("the mouse's page lacks %s", want)
		}
	}
	if strings.Contains(mouse, "green-cheese") {
		t.Error("another claimant's claim is on the mouse's page")
	}
	if !strings.Contains(tree["claims/index.html"], `href="/claimants/the-mouse/"`) {
		t.Error("the claims index does not link to the claimant's page")
	}
}

// TestShareCards: each claim page names its share card in og: and
// twitter: meta, and the card is a PNG of the stated size.
func TestShareCards(t *testing.T) {
	tree := readTree(t, build(t, withSidecar(t, hostileSidecar), Options{BaseURL: "https://small.example/"}))
	for _, id := range []string{"green-cheese", "export"} {
		page := tree["articles/moon/claims/"+id+"/index.html"]
		url := "https://small.example/articles/moon/claims/" + id + "/card.png"
		for _, want := range []string{
			`<meta property="og:image" content="` + url + `">`, `<meta name="twitter:image" content="` + url + `">`,
			`<meta name="twitter:card" content="summary_large_image">`,
			`<meta property="og:image:width" content="1200">`, `<meta property="og:image:height" content="630">`,
			`<meta property="og:image:alt" content="`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: no %s", id, want)
			}
		}
		img, err := png.Decode(strings.NewReader(tree["articles/moon/claims/"+id+"/card.png"]))
		if err != nil {
			t.Fatalf("%s: card: %v", id, err)
		}
		if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 630 {
			t.Errorf("%s: card is %v", id, b)
		}
	}
}

// TestShareCardsOff: with share_cards: false no card is drawn, and a
// claim page asks for a small preview.
func TestShareCardsOff(t *testing.T) {
	fsys := withSidecar(t, hostileSidecar)
	site := fsys["site.yaml"].Data
	fsys["site.yaml"] = &fstest.MapFile{Data: append(append([]byte(nil), site...), "\nshare_cards: false\n"...)}
	tree := readTree(t, build(t, fsys, Options{BaseURL: "https://small.example/"}))
	page := tree["articles/moon/claims/green-cheese/index.html"]
	if page == "" {
		t.Fatal("no claim page")
	}
	for _, unwanted := range []string{"og:image", "twitter:image", "summary_large_image"} {
		if strings.Contains(page, unwanted) {
			t.Errorf("the claim page names %s", unwanted)
		}
	}
	if !strings.Contains(page, `<meta name="twitter:card" content="summary">`) {
		t.Error("no twitter:card summary")
	}
	for rel := range tree {
		if IsShareCard(rel) {
			t.Errorf("%s written", rel)
		}
	}
}

func TestIsShareCard(t *testing.T) {
	for rel, want := range map[string]bool{
		"articles/moon/claims/x/card.png": true, "claims/x/card.png": true,
		"articles/moon/card.png": false, "articles/moon/claims/x/photo.png": false, "static/claims/card.png": false,
	} {
		if got := IsShareCard(rel); got != want {
			t.Errorf("IsShareCard(%q) = %v", rel, got)
		}
	}
}
