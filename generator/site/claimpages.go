package site

import (
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/page"
	"github.com/scholia/scholia/generator/publish"
)

// The page of each claim, BASE/articles/x/claims/ID/: the claim in its
// paragraph with its one review, for readers to link to and share.

// claimPageRel is where the page of claim id of the article at outPath
// ("articles/x/index.html") is written.
func claimPageRel(urlPath, id string) string { return page.ClaimPath(urlPath, id) + "index.html" }

// claimPages executes the page of each claim of a rendered article; they
// share the article page's key, as they are made of the same inputs.
func (r *run) claimPages(a *content.Article, art *page.Article, k key) error {
	for i, c := range art.Claims {
		rel := claimPageRel(a.URLPath, c.ID)
		if !r.claim(rel, claimOwner(a.Path)) {
			continue
		}
		js, err := publish.ClaimPageReview(r.site, c, art.Reviewed)
		if err != nil {
			return err
		}
		p := &page.Page{
			Site: r.site, Kind: "claim", Title: c.Claim, Description: art.Title,
			URL: c.Page, Permalink: c.Permalink, Article: art, Claim: c, Context: &art.Contexts[i], JSONLD: js,
		}
		if err := r.execute(rel, claimKey(k, c.ID), p); err != nil {
			return err
		}
	}
	return nil
}

// claimKey is the key of the page of claim id, from its article page's.
func claimKey(pageKey key, id string) key {
	k := newKeyer("claim page")
	k.key(pageKey)
	k.str(id)
	return k.sum()
}

func claimOwner(path string) owner {
	return owner{kind: ownerMade, path: path, name: "the claim pages of " + path}
}
