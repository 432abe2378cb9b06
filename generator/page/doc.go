// Package page is the data a theme's templates see: what "." is on every
// page, and the helpers that make it (URLs under base_url, grades and
// their tones, tags, pagination).
//
// # Data
//
// Every template is executed with a *Page. Page.Site is the configuration
// and the menu; Page.Article the rendered article of an article or
// ordinary page; Page.Articles the summaries a home or tag page lists;
// Page.Claims the claims a claims page lists:
//
//	{{range .Claims}}<li>{{.Claim.Claim}} ({{.Grade.Label}}) {{.Note}}</li>{{end}}
//
// A theme may show any field. The build cache hashes every field of the
// data a page receives, so a field a theme starts to show never leaves a
// page stale.
//
// # URLs
//
// Site.URL turns a path relative to the site root into an absolute-path
// URL under base_url ("articles/x/" becomes "/proj/articles/x/"), and
// Site.Permalink into a full URL when base_url has a host:
//
//	s := page.NewSite(cfg, nil)
//	s.URL("tags/moon/")       // "/proj/tags/moon/"
//	s.Permalink("feed.xml")   // "https://user.github.io/proj/feed.xml"
//
// # Grades
//
// Grades turns a rating scale into Grade values, each with a Tone ("pos",
// "mid", "neg", or "off" for grades off the scale) from its place on the
// scale, so that a theme colours a custom scale sensibly.
package page
