// Package theme loads a site's templates and assets: the default theme
// (the repository's templates/, embedded in the binary) with the site's own
// templates/ laid over it file by file.
//
// # Templates
//
// A theme has one template per page kind (article.html, page.html,
// home.html, 404.html, tags.html, tag.html, claims.html, ratings.html), each
// defining "main", and partials (base.html and any other .html file)
// shared by all. A page is executed as "base" with a *page.Page:
//
//	cat, err := i18n.Load(templates.FS, os.DirFS("."), "fr")
//	...
//	th, err := theme.Load(os.DirFS("."), nil, cat)
//	if err != nil {
//		return err // a template's own error, at templates/NAME:LINE
//	}
//	var buf bytes.Buffer
//	err = th.Execute(&buf, &page.Page{Site: s, Kind: "404"})
//
// A page kind's words come from the theme's strings in the site's
// language (package i18n), never from Go: {{t "tags"}}, or with arguments
// {{t "claims_reviewed" "n" 3}}. A kind defines "title", which base.html
// shows in <title> and the kind shows in its <h1>:
//
//	{{define "title"}}{{t "tags"}}{{end}}
//
// Besides the standard functions, templates have t and ts (a string, as
// HTML or as text), date (in the language), isodate, join (names, in the
// language), dir ("ltr" or "rtl"), timeel and link (HTML to pass to t),
// phrasing and copynote (copies of a rendered note), add and dict.
//
// # Notes beside claims
//
// notes.html defines what the article body shows of each claim:
// "claim-ref" (the content of its note reference), "margin-note" and
// "claim-disclosure". Notes executes them with the claim, for package
// markup to put in the body, before the quote is anchored: the claim's
// Quote and Claim are still the sidecar's text then.
//
// # Scales
//
// scale.html defines "scale": the grades of one rating scale, which
// ratings.html shows both scales with. Scale executes it for a Markdown
// page's {{< scale claim >}} or {{< scale article >}} (package markup),
// without the counts of claims and without ids, so that a methodology page
// shows the scale exactly as the ratings page does.
//
// # Reuse
//
// Sum is the hash of every template file and of the strings. Load parses the templates only
// when Sum differs from the previous theme's, so the dev server parses
// them once, and the build cache keys every page by it.
//
// # Assets
//
// Files under assets/ are copied to the output as they are; a site's
// templates/assets/style.css replaces the default stylesheet.
package theme
