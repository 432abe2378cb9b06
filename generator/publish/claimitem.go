package publish

import "github.com/scholia/scholia/generator/page"

// What a review is of: the Claim with who made it, where and when, or the
// media a MediaReview rates.

// claimItem is the Claim a ClaimReview reviews. Its appearance is where
// the review read it, the original, and where the claim itself was made
// when the sidecar says so; that one is its firstAppearance, as the
// article only relays it.
func claimItem(c *page.Claim, orig *page.Original) thing {
	item := thing{"@type": "Claim"}
	if who := claimant(c.Claimant); who != nil {
		item["author"] = who
	}
	seen, own := creativeWork(orig), creativeWork(c.Appearance)
	switch {
	case own != nil && seen != nil:
		item["appearance"] = []thing{own, seen}
	case own != nil:
		item["appearance"] = own
	case seen != nil:
		item["appearance"] = seen
	}
	if own != nil {
		item["firstAppearance"] = own
	}
	switch {
	case !c.Date.IsZero():
		item["datePublished"] = isoDay(c.Date)
	case c.Appearance != nil && !c.Appearance.Date.IsZero():
		item["datePublished"] = isoDay(c.Appearance.Date)
	case orig != nil && !orig.Date.IsZero():
		item["datePublished"] = isoDay(orig.Date)
	}
	return item
}

// claimant is who made a claim, typed only as the editor typed it: a
// plain name stays an untyped node rather than a guessed Person.
func claimant(c *page.Claimant) thing {
	if c == nil {
		return nil
	}
	who := thing{"name": c.Name}
	switch c.Type {
	case "person":
		who["@type"] = "Person"
	case "organization":
		who["@type"] = "Organization"
	}
	if c.URL != "" {
		who["url"] = c.URL
	}
	return who
}

// creativeWork is a text where a claim appeared; nil when o is.
// Its archived copy stays on the page: schema.org has no property for it.
func creativeWork(o *page.Original) thing {
	if o == nil || *o == (page.Original{}) {
		return nil
	}
	work := thing{"@type": "CreativeWork"}
	setText(work, "url", o.URL)
	// The original's own headline: the page's title is the review's.
	setText(work, "headline", o.Title)
	if o.Publisher != "" {
		work["publisher"] = thing{"@type": "Organization", "name": o.Publisher}
	}
	if o.Author != "" {
		// A byline may name a person or an outlet: no type is guessed.
		work["author"] = thing{"name": o.Author}
	}
	if !o.Date.IsZero() {
		work["datePublished"] = isoDay(o.Date)
	}
	return work
}

// mediaTypes are the schema.org types of the media a claim may be about.
var mediaTypes = map[string]string{"video": "VideoObject", "image": "ImageObject", "audio": "AudioObject"}

// mediaItem is what a MediaReview reviews: the media as it appeared, and
// who made the claim about it.
func mediaItem(c *page.Claim) thing {
	obj := thing{"@type": mediaTypes[c.Media.Type]}
	if c.Media.URL != "" {
		obj["contentUrl"] = c.Media.URL
	}
	item := thing{"@type": "MediaReviewItem", "mediaItemAppearance": obj}
	if who := claimant(c.Claimant); who != nil {
		item["creator"] = who
	}
	return item
}
