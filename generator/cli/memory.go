package cli

import (
	"os"
	"runtime/debug"
)

// A build keeps little in memory: a record of each article, and the pages
// being rendered on each core. Go's default, collecting garbage whenever
// the heap has doubled, makes a build with a small heap collect again and
// again; a memory limit sized to the site lets it collect less while
// staying within a budget that grows with the site. GOGC or GOMEMLIMIT in
// the environment overrides both.
//
// The budget must exceed what a build keeps, or the collector runs without
// pause: at 10,000 articles of ten claims, a budget of 16 KB an article
// (before each claim had a page and a card) made half a cold build's CPU
// the collector's, and took it from 71 s to 153 s.
const (
	budgetBase = 48 << 20 // the program, templates and pages in flight
	// budgetPerArticle is a build's record of one article of ten claims,
	// with the plan of its 22 outputs: about 36 KB measured, and a margin.
	budgetPerArticle = 48 << 10
	// servePerArticle is what the dev server keeps beside: the article's
	// pages, compressed, and its claims' pages.
	servePerArticle  = 48 << 10
	relaxedGCPercent = 400
)

// memoryBudget returns the Options.Sized of a command whose outputs take
// perArticle bytes of memory each.
func memoryBudget(perArticle int64) func(int) {
	return func(articles int) {
		if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
			return
		}
		debug.SetGCPercent(relaxedGCPercent)
		debug.SetMemoryLimit(budgetBase + int64(articles)*(budgetPerArticle+perArticle))
	}
}
