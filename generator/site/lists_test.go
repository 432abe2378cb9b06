package site

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// listSite has five articles, two per list page, with tags and claims.
func listSite() fstest.MapFS {
	fsys := fstest.MapFS{"site.yaml": {Data: []byte("title: Lists\npaginate: 2\n")}}
	ratings := []string{"accurate", "inaccurate", "inaccurate", "mixed", "unsupported"}
	for i := 1; i <= 5; i++ {
		tags := "[common]"
		if i%2 == 0 {
			tags = "[common, Even Numbers]"
		}
		fsys[fmt.Sprintf("content/a%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\ntitle: Article %d\ndate: 2026-11-%02d\ntags: %s\n---\n\nClaim number %d is here.\n", i, i, tags, i))}
		fsys[fmt.Sprintf("content/a%d.annotations.yaml", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"claims:\n  - id: c%d\n    quote: Claim number %d\n    claimant: Source %d\n    rating: %s\n", i, i, i, ratings[i-1]))}
	}
	return fsys
}

var titleRE = regexp.MustCompile(`<h2><a href="[^"]*">(Article \d)</a></h2>`)

// listed returns the article titles a list page shows, in order.
func listed(t *testing.T, out, rel string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, m := range titleRE.FindAllStringSubmatch(string(b), -1) {
		titles = append(titles, m[1])
	}
	return titles
}

func TestLists(t *testing.T) {
	out := build(t, listSite(), Options{})
	for _, tc := range []struct {
		rel  string
		want []string
	}{
		{rel: "index.html", want: []string{"Article 5", "Article 4"}},
		{rel: "page/2/index.html", want: []string{"Article 3", "Article 2"}},
		{rel: "page/3/index.html", want: []string{"Article 1"}},
		{rel: "tags/common/index.html", want: []string{"Article 5", "Article 4"}},
		{rel: "tags/common/page/3/index.html", want: []string{"Article 1"}},
		{rel: "tags/even-numbers/index.html", want: []string{"Article 4", "Article 2"}},
	} {
		t.Run(tc.rel, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, listed(t, out, tc.rel)); diff != "" {
				t.Errorf("articles listed (-want +got):\n%s", diff)
			}
		})
	}
	files := readTree(t, out)
	if _, ok := files["page/4/index.html"]; ok {
		t.Error("a fourth home page for five articles, two per page")
	}
	home := files["index.html"]
	for _, want := range []string{`href="/page/2/" rel="next"`, `<span aria-current="page">1</span>`, `href="/page/3/"`} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page has no %s", want)
		}
	}
	if tags := files["tags/index.html"]; !strings.Contains(tags, `href="/tags/even-numbers/">Even Numbers</a>`) || !strings.Contains(tags, "(5 articles)") {
		t.Errorf("the tag index does not list the tags with their counts:\n%s", tags)
	}
	// The claims index holds every claim; a grade's page only that grade's.
	claims := files["claims/index.html"]
	for i := 1; i <= 5; i++ {
		if !strings.Contains(claims, fmt.Sprintf(`href="/a%d/#claim-c%d">Claim number %d</a>`, i, i, i)) || !strings.Contains(claims, fmt.Sprintf("Source %d", i)) {
			t.Errorf("the claims index lacks claim c%d with its claimant", i)
		}
	}
	inacc := files["claims/inaccurate/index.html"]
	if strings.Count(inacc, "#claim-c") != 2 || !strings.Contains(inacc, "#claim-c2") || !strings.Contains(inacc, "#claim-c3") {
		t.Errorf("claims/inaccurate/ should list c2 and c3 only:\n%s", inacc)
	}
	ratings := files["ratings/index.html"]
	for _, want := range []string{`href="/claims/inaccurate/">2 claims</a>`, `href="/claims/accurate/">1 claim</a>`, `<span class="meta">0 claims</span>`, "5 claims reviewed."} {
		if !strings.Contains(ratings, want) {
			t.Errorf("the ratings page has no %q", want)
		}
	}
	// A grade with no claims is named but not linked: its page is empty.
	for _, rel := range []string{"ratings/index.html", "claims/index.html", "claims/accurate/index.html"} {
		if strings.Contains(files[rel], `href="/claims/misleading/"`) {
			t.Errorf("%s links to the empty page of misleading claims", rel)
		}
	}
	// The claims index names each article once, above its claims.
	if n := strings.Count(claims, `<a href="/a1/">`); n != 1 {
		t.Errorf("the claims index names article 1 %d times, want once", n)
	}
}

// TestWordsInTemplates checks that the words of list pages and of the
// menu come from the theme and its translation file: a site that gives
// every page kind a title of its own and overrides the menu's strings in
// templates/i18n/en.yaml shows none of the default theme's English.
func TestWordsInTemplates(t *testing.T) {
	fsys := archiveFS(t, "small-site.txtar")
	for kind, title := range map[string]string{"tags": "Étiquettes", "tag": "Étiquette {{.Tag.Name}}", "claims": "Affirmations", "ratings": "Échelles", "404": "Introuvable"} {
		fsys["templates/"+kind+".html"] = &fstest.MapFile{Data: []byte(`{{define "title"}}` + title + `{{end}}{{define "main"}}<h1>{{template "title" .}}</h1>{{end}}`)}
	}
	fsys["templates/i18n/en.yaml"] = &fstest.MapFile{Data: []byte("strings:\n  nav_claims: Affirmations\n  nav_ratings: Échelles\n")}
	out := build(t, fsys, Options{})
	for _, rel := range []string{"tags/index.html", "claims/index.html", "ratings/index.html", "404.html"} {
		page := readTree(t, out)[rel]
		for _, english := range []string{">Tags<", "Tagged", "Claims reviewed", "Rating scales", "Page not found", ">Claims<", ">Ratings<"} {
			if strings.Contains(page, english) {
				t.Errorf("%s shows %q, which the theme does not say", rel, english)
			}
		}
		if !strings.Contains(page, ">Affirmations<") || !strings.Contains(page, ">Échelles<") {
			t.Errorf("%s does not show the site's own menu strings", rel)
		}
	}
}
