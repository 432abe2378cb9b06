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
//	th, err := theme.Load(os.DirFS("."), nil)
//	if err != nil {
//		return err // a template's own error, at templates/NAME:LINE
//	}
//	var buf bytes.Buffer
//	err = th.Execute(&buf, &page.Page{Site: s, Kind: "404"})
//
// A page kind's words (its title, its headings) are in its template: a
// kind defines "title", which base.html shows in <title> and the kind shows
// in its <h1>:
//
//	{{define "title"}}Tags{{end}}
//
// Besides the standard functions, templates have date, isodate, join,
// plural, add and dict.
//
// # Reuse
//
// Sum is the hash of every template file. Load parses the templates only
// when Sum differs from the previous theme's, so the dev server parses
// them once, and the build cache keys every page by it.
//
// # Assets
//
// Files under assets/ are copied to the output as they are; a site's
// templates/assets/style.css replaces the default stylesheet.
package theme
