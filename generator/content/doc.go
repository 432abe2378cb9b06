// Package content loads a site's articles, their front matter and sidecars.
//
// Load walks the content/ folder of a site and returns a Site: every
// Markdown article with its front matter and, when it has one, its sidecar
// (the review: claims, quotes, ratings, sources), plus the other files to
// copy. Everything is checked strictly, and every problem of every file is
// returned at once as a diag.List of PATH:LINE:COL errors, sorted, so that
// an editor sees them all in one run.
//
// # Files
//
//	content/articles/x.md                 article    -> articles/x/index.html (URL articles/x/)
//	content/articles/x.annotations.yaml   its sidecar (never copied)
//	content/articles/index.md             article    -> articles/index.html (URL articles/)
//	content/index.md                      home page body -> index.html (Article.Home)
//	content/articles/chart.png            copied     -> articles/chart.png
//	content/static/CNAME                  copied     -> CNAME (the site's root)
//
// Hidden files and folders and editors' temporary files are left out (see
// Skip). Everything under content/static/ is copied as it is, .md files
// included. A front matter slug replaces the last segment of the URL. Two
// sources that would be written to the same output file are an error, as are
// a sidecar without its article and a sidecar named NAME.annotations.yml.
//
// # Front matter
//
// An article starts with YAML between two "---" lines:
//
//	---
//	title: Russia arming the Taliban?      # required
//	date: 2017-07-25                       # YYYY-MM-DD or RFC 3339
//	lastmod: 2017-07-26T10:00:00Z          # for sitemaps
//	description: A CNN report, reviewed.
//	tags: [russia, afghanistan]
//	author: Review desk
//	draft: false                           # drafts are built only with -drafts
//	original:                              # where the reviewed text appeared
//	  url: https://edition.cnn.com/...
//	  publisher: CNN
//	  author: Nick Paton Walsh
//	  date: 2017-07-25
//	  archived: https://web.archive.org/...
//	slug: russia-taliban                   # one segment: a-z 0-9 - _ .
//	params: {any: thing}                   # free-form, for templates
//	---
//
// Article.Body is the whole file with the front matter blanked out: every
// byte of it but the line breaks is a space. Body therefore has the length,
// lines and columns of the file, and an offset or line:col into it is one in
// the file; this is how anchoring errors name the article's lines.
//
// # Sidecars
//
// NAME.annotations.yaml beside NAME.md holds the review (DecodeSidecar):
//
//	review:
//	  rating: low                 # a grade of the article scale
//	  summary: The piece relays ...
//	  reviewers: [Review desk]
//	  date: 2026-11-20
//	claims:
//	  - id: guns-from-russia      # a-z 0-9 -, unique in the file
//	    quote: their guns originally came from Russian government sources
//	    prefix: "exclusive that " # optional, narrows several matches
//	    occurrence: 1             # optional, 1-based
//	    claim: Taliban got guns from Russian government sources   # <= 75 characters
//	    claimant: Two Taliban groups, via CNN
//	    rating: unsupported       # a grade of the claim scale
//	    note: The footage shows ...
//	    sources:
//	      - title: CNN video report
//	        url: https://edition.cnn.com/...
//
// quote may also be a W3C TextQuoteSelector mapping:
//
//	quote: {exact: their guns, prefix: "that ", suffix: " originally", occurrence: 1}
//
// but prefix, suffix and occurrence may not be given both beside quote and
// in it. Claim.QuotePos is where quote (or quote.exact) is, for anchoring
// errors.
//
// # Errors
//
// Every problem is a *diag.Error with the path relative to the site root:
//
//	content/a.md:3:1: unknown key "titel" in front matter; did you mean "title"?
//	content/a.md:4:7: date "2026-02-30" is not a real date (day out of range); write YYYY-MM-DD ...
//	content/a.annotations.yaml:7:13: unknown rating "falsish": use a grade of the claim scale (accurate, ...)
//	content/a.annotations.yaml:18:9: duplicate claim id "x" (first at line 8): ids must be unique in the file
//	content/b.annotations.yaml:1:1: sidecar without its article: add content/b.md or rename the sidecar ...
//
// # Example
//
//	fsys := os.DirFS("mysite")
//	cfg, err := config.Load(fsys)
//	...
//	site, err := content.Load(fsys, cfg, content.Options{Drafts: true})
//	if err != nil {
//		diag.Format(os.Stderr, err.(diag.List), "text")
//		os.Exit(1)
//	}
//	for _, a := range site.Articles {
//		fmt.Println(a.OutPath, a.Front.Title, a.Sidecar != nil)
//	}
//
// The dev server reloads one article after a change with LoadArticle.
package content
