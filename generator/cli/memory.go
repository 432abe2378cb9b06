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
const (
	budgetBase       = 48 << 20 // the program, templates and pages in flight
	budgetPerArticle = 16 << 10 // a build's record of one article, with its claims
	servePerArticle  = 24 << 10 // the dev server's pages of one article, compressed
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
