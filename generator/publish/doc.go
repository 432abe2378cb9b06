// Package publish writes the machine-readable forms of a site: the Atom
// feed, the sitemap and robots.txt, each article's schema.org ClaimReview
// graph and its W3C Web Annotations.
//
// # Formats
//
//	Feed           feed.xml, the newest FeedSize articles (RFC 4287)
//	Sitemap        sitemap.xml, every page with its lastmod
//	Robots         robots.txt, naming the sitemap when base_url is absolute
//	ClaimReviews   the JSON-LD graph in an article's page
//	AnnotationPage annotations.jsonld, one W3C annotation per claim
//	ClaimsIndex    claims/index.json, every claim, for the claims page's search
//
// Each is a pure function of the data of package page (and, for the
// per-article forms, the loaded article and its anchors), so its output is
// the same from build to build:
//
//	xml, err := publish.Feed(site, summaries, now)
//
// # URLs
//
// Machine-readable URLs are absolute when base_url is (as in the GitHub
// Pages workflow). With a path-only base_url there is no host to name, so
// they are path-absolute, which readers resolve against the file's own URL.
package publish
