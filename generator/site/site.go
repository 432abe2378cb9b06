// Package site builds a Scholia site: site.yaml, content/ and templates/ in,
// a static site out. It is the one pipeline behind build, check and serve,
// with its cache.
//
// # Building
//
// Build runs the pipeline over a site and writes it into a fresh folder
// beside the output (package outdir), which it swaps in only when
// everything succeeded:
//
//	res, err := site.Build(site.Options{FS: os.DirFS("."), Out: "public", Cache: ".scholia-cache"})
//	if err != nil {
//		// A diag.List of every content problem, or a failure such as a
//		// full disk. public/ is as it was before.
//	}
//	fmt.Println(res.Pages, "pages in", res.Duration)
//
// With Out empty, Build runs every stage but the last write, output paths
// planned and checked included: that is `scholia check`.
//
// # The pipeline
//
// One run walks content/, reads and hashes each file, then for each
// article (on every core) parses it, anchors and renders it, executes its
// page and hands the page to a sink, then drops it: only a small record of
// each article (what lists show of it) stays in memory. The lists (home,
// tags, claims, ratings, feed, sitemap) are made from the records, on every
// core too. Each content/a/b.md becomes a/b/index.html (template
// article.html with a sidecar, page.html without); undated ordinary pages
// form the menu.
//
// # Keys
//
// Every output is named by a key: the hash of everything it is made from.
// An article's page: its file bytes, its sidecar's, the configuration, the
// theme (package theme), the menu and the program itself. A list page: the
// data its template receives, hashed by walking it, so no field that a
// theme shows can be left out. A sink that already holds an output under
// its key keeps it; nothing else is ever reused. A run with the records
// and outputs of the last one therefore makes exactly what a fresh run
// makes, only faster.
//
// # The cache
//
// With Options.Cache set, Build keeps a manifest there: the records of the
// last build's articles and the key and stat of each file of its output.
// The next build hard-links unchanged files from the last output instead
// of rendering and writing them. A manifest written by another build of
// Scholia or damaged is ignored, and a file whose stat changed since is
// written afresh.
//
// # Serving
//
// Live is the dev server's site: the same pipeline with outputs held in
// memory, compressed, and kept between runs. Live.Update runs it again
// after a change; the paths it is given only say which files to read
// again.
package site
