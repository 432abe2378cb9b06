package site

import (
	"bytes"
	"path"

	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/page"
	"github.com/scholia/scholia/generator/publish"
	"github.com/scholia/scholia/generator/sharecard"
)

// The page of each claim, BASE/articles/x/claims/ID/: the claim in its
// paragraph with its one review, for readers to link to and share.

// claimPageRel is where the page of claim id of the article at outPath
// ("articles/x/index.html") is written.
func claimPageRel(urlPath, id string) string { return page.ClaimPath(urlPath, id) + "index.html" }

// claimPages executes the page of each claim of a rendered article; they
// share the article page's key, as they are made of the same inputs.
// cards are the keys of their share cards, as the article's record has
// them: none when the site has no cards.
func (r *run) claimPages(a *content.Article, art *page.Article, k key, cards []key) error {
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
		if r.site.ShareCards {
			alt, err := r.theme.Catalog.String("share_card_alt", "grade", c.Grade.Label, "claim", c.Claim)
			if err != nil {
				return err
			}
			p.Image = &page.Image{URL: r.site.Permalink(cardRel(a.URLPath, c.ID)), Width: sharecard.Width, Height: sharecard.Height, Alt: alt}
			if err := r.card(a, c, cards[i]); err != nil {
				return err
			}
		}
		if err := r.execute(rel, claimKey(k, c.ID), p); err != nil {
			return err
		}
	}
	return nil
}

// cardName is the file name of a share card, beside its claim's page.
const cardName = "card.png"

// cardRel is where the share card of claim id is written.
func cardRel(urlPath, id string) string { return page.ClaimPath(urlPath, id) + cardName }

// IsShareCard reports whether the output rel is a claim's share card: an
// image for link previews that no page shows, so that a dev server need
// not reload pages when it changes.
func IsShareCard(rel string) bool {
	dir, name := path.Split(rel)
	return name == cardName && path.Base(path.Dir(path.Dir(dir))) == "claims"
}

// card draws the share card of claim c under k, its key (cardKey), unless
// the sink holds one that shows the same: its key is what it shows, so an
// edit elsewhere in the article keeps it.
func (r *run) card(a *content.Article, c *page.Claim, k key) error {
	rel := cardRel(a.URLPath, c.ID)
	if !r.claim(rel, claimOwner(a.Path)) {
		return nil
	}
	card := cardOf(r.site, c)
	if r.keep(rel, k) {
		return nil
	}
	return r.draw(rel, k, func() ([]byte, error) {
		var buf bytes.Buffer
		err := sharecard.Render(&buf, card)
		return buf.Bytes(), err
	})
}

// cardOf is what the share card of claim c shows.
func cardOf(s *page.Site, c *page.Claim) sharecard.Card {
	card := sharecard.Card{Grade: c.Grade.Label, Glyph: c.Grade.Glyph, Tone: c.Grade.Tone, Claim: c.Claim, Site: s.Title}
	if c.Claimant != nil {
		card.Claimant = c.Claimant.Name
	}
	return card
}

// cardKey is the key of a share card: what it shows.
func cardKey(card sharecard.Card) key {
	k := newKeyer("share card")
	k.value(card)
	return k.sum()
}

// claimKey is the key of the page of claim id, from its article page's.
func claimKey(pageKey key, id string) key {
	k := newKeyer("claim page")
	k.key(pageKey)
	k.str(id)
	return k.sum()
}

func claimOwner(path string) owner {
	return owner{kind: ownerMade, path: path, of: "the claim pages of "}
}
