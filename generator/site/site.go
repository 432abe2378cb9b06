// Package site builds a Scholia site: site.yaml, content/ and templates/ in,
// a static site out.
//
// # Building
//
// Build loads the configuration, the theme and every article, renders the
// pages in parallel (one worker per core), and writes them into a fresh
// folder beside the output, which it swaps in only when everything
// succeeded:
//
//	res, err := site.Build(site.Options{FS: os.DirFS("."), Out: "public"})
//	if err != nil {
//		// A diag.List of every content problem, or a failure such as a
//		// full disk. public/ is as it was before.
//	}
//	fmt.Println(res.Pages, "pages in", res.Duration)
//
// With Out empty, Build checks the site without writing anything: that is
// `scholia check`.
//
// # Pages
//
// Each content/a/b.md becomes a/b/index.html: an annotated article when it
// has a sidecar (template article.html), an ordinary page when it has not
// (page.html). The home page (home.html) lists the articles newest first with
// their review grade and claim counts; undated ordinary pages form the menu.
// Templates see the data types of this package: Page, with Site, Article and
// Summary.
//
// # Safety
//
// Every write goes through an os.Root opened on the new folder, and every
// output path is checked to be a clean relative path, so no slug, tag, file
// name or symlink can make a build write outside its output. A build refuses
// to replace a non-empty folder that has no marker file from an earlier
// build, so a mistyped -out cannot wipe a folder of documents.
//
// # One article at a time
//
// renderArticle depends only on one article and the site-wide data, so the
// dev server can re-render a changed article alone and then the lists that
// show it.
package site
