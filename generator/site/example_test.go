package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/internal/contract"
	"github.com/scholia/scholia/generator/markup"
)

// exampleFS is the example site at the repository root.
var exampleFS = os.DirFS("../..")

// TestExampleSite builds the example site and checks the HTML contract of
// DESIGN section 7 on every annotated article page, at the root and under a
// project-site base URL.
func TestExampleSite(t *testing.T) {
	for _, base := range []string{"", "https://example.github.io/proj/"} {
		t.Run("base="+base, func(t *testing.T) {
			out := build(t, exampleFS, Options{BaseURL: base})
			cfg, err := config.Load(exampleFS)
			if err != nil {
				t.Fatal(err)
			}
			if base != "" {
				cfg.BaseURL = base
			}
			cs, err := content.Load(exampleFS, cfg, content.Options{Now: fixedNow})
			if err != nil {
				t.Fatal(err)
			}
			annotated := 0
			for _, a := range cs.Articles {
				if a.Sidecar == nil {
					continue
				}
				annotated++
				page, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(a.OutPath)))
				if err != nil {
					t.Fatal(err)
				}
				want := wantPage(t, cfg, a, base)
				if len(want.Claims) < 8 {
					t.Errorf("%s reviews %d claims, want at least 8", a.Path, len(want.Claims))
				}
				for _, err := range contract.Check(page, want) {
					t.Errorf("%s: %v", a.OutPath, err)
				}
			}
			if annotated == 0 {
				t.Fatal("the example site has no annotated article")
			}
			home, err := os.ReadFile(filepath.Join(out, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(home), "russia-taliban-arms/") {
				t.Error("the home page does not list the example article")
			}
			// The bar of claim counts: 9 of the example's claims are unsupported.
			if !strings.Contains(string(home), `<span data-tone="off" data-rating="unsupported" style="flex-grow: 9"></span>`) {
				t.Error("the home page has no bar of the article's claim counts by grade")
			}
		})
	}
}

// wantPage is what the contract requires of an article's page.
func wantPage(t *testing.T, cfg *config.Config, a *content.Article, base string) contract.Page {
	t.Helper()
	res, err := markup.New(markup.Options{Unsafe: cfg.UnsafeHTML, NoTypographer: !cfg.Typographer}).Article(a.Path, a.Body, nil)
	if err != nil {
		t.Fatal(err)
	}
	url := "/" + a.URLPath
	if base != "" {
		url = base + a.URLPath
	}
	want := contract.Page{URL: url, Plain: res.HTML}
	if r := a.Sidecar.Review; r != nil {
		want.Review = r.Rating
	}
	for _, c := range a.Sidecar.Claims {
		g, _ := cfg.Scales.Claim.Grade(c.Rating)
		want.Claims = append(want.Claims, contract.Claim{ID: c.ID, Rating: c.Rating, Label: g.Label, Quote: c.Quote.Exact})
	}
	return want
}
