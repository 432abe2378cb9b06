// Package templates is Scholia's default theme, embedded in the binary so
// that a site with only content/ builds.
//
// # Files
//
// Every *.html file is an html/template file. base.html defines the page
// layout ("base") and the partials; each page kind has its own file
// (article.html, page.html, home.html, 404.html) that defines "main", and
// optionally "head", and is executed as "base". Files under assets/ are copied
// to the output's assets/ folder. Files under i18n/ are the theme's strings,
// one YAML file per language (en.yaml, fr.yaml, ...), read by package
// generator/i18n; a site's templates/i18n/ overrides them string by string.
// Files under new/ are what scholia new writes (text/template files):
// article.md and annotations.yaml, and under new/site/ what scholia new
// site writes (with the delimiters [[ and ]], and "dot-" for a leading
// ".", which embed would leave out). scale.html defines the "scale"
// partial that ratings.html and a Markdown page's {{< scale claim >}}
// share.
//
// # Overriding
//
// A site's own templates/ folder overrides the theme file by file: a site
// that wants a different article page ships only templates/article.html, and
// one that wants other colours ships only templates/assets/style.css.
package templates

import "embed"

// FS holds the default theme: the page templates, assets/, i18n/ and new/.
//
//go:embed *.html assets i18n new
var FS embed.FS
