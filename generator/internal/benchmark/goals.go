package benchmark

import (
	"fmt"
	"io"
	"slices"
	"time"
)

// Goals, from the issue that asked for the benchmark.
const (
	goalSize      = 10000
	goalVsHugo    = 0.6 // wall at 10,000 articles, at most this times Hugo's
	goalVsFloor   = 1.2 // and this times the floor's
	goalBuildMiB  = 150
	goalServeMiB  = 500
	goalWarm      = 10 // percent of a cold build
	goalSave      = 50 * time.Millisecond
	goalExample   = 100 * time.Millisecond
	notMeasured   = "not measured"
	goalsHeadline = "### Goals\n\n| goal | measured | |\n|---|---:|---|"
)

// goal is one line of the goals table.
type goal struct {
	text, figure string
	met, ok      bool // ok: measured
}

// writeGoals prints each goal with its figure and whether it is met. The
// 10,000-article goals take the largest size measured when 10,000 was not.
func (r *report) writeGoals(w io.Writer) {
	fmt.Fprintln(w, goalsHeadline)
	for _, g := range r.goals() {
		verdict := "–"
		if g.ok {
			verdict = map[bool]string{true: "met", false: "not met"}[g.met]
		}
		fmt.Fprintf(w, "| %s | %s | %s |\n", g.text, g.figure, verdict)
	}
}

func (r *report) goals() []goal {
	var gs []goal
	big := r.largest()
	at := fmt.Sprintf("%s articles", thousands(goalSize))
	if big != nil && big.n != goalSize {
		at = fmt.Sprintf("%s articles (10,000 not run)", thousands(big.n))
	}
	ratio := func(text string, limit float64, of func(*sizeResult) time.Duration, measured bool) goal {
		if big == nil || !measured || of(big) <= 0 {
			return goal{text: text, figure: notMeasured}
		}
		v := float64(big.scholia.Wall) / float64(of(big))
		return goal{text, fmt.Sprintf("%.2f×", v), v <= limit, true}
	}
	gs = append(gs,
		ratio(fmt.Sprintf("%s: wall ≤ %.1f× Hugo", at, goalVsHugo), goalVsHugo, func(s *sizeResult) time.Duration { return s.hugo.Wall }, r.hugo),
		ratio(fmt.Sprintf("%s: wall ≤ %.1f× the floor", at, goalVsFloor), goalVsFloor, func(s *sizeResult) time.Duration { return s.floor.Wall }, true))
	if big == nil {
		return gs
	}
	b, s := float64(big.scholia.PeakKiB)/1024, float64(big.serveKiB)/1024
	gs = append(gs,
		goal{fmt.Sprintf("%s: `build` peak memory < %d MiB", at, goalBuildMiB), mib(big.scholia.PeakKiB), b < goalBuildMiB, true},
		goal{fmt.Sprintf("%s: `serve` peak memory after its first build < %d MiB", at, goalServeMiB), orError(mib(big.serveKiB), big.serveErr), s < goalServeMiB, big.serveErr == nil},
		goal{fmt.Sprintf("%s: warm build after one edit ≤ %d%% of cold", at, goalWarm), fmt.Sprintf("%.0f%%", percent(big.warm.Wall, big.scholia.Wall)), percent(big.warm.Wall, big.scholia.Wall) <= goalWarm, true})
	save := goal{text: fmt.Sprintf("save-to-screen at 1,000 articles: median < %d ms", goalSave.Milliseconds()), figure: notMeasured}
	if sr := r.saveSize(); sr != nil {
		save.text = fmt.Sprintf("save-to-screen at %s articles: median < %d ms", thousands(sr.n), goalSave.Milliseconds())
		if sr.savesErr != nil {
			save.figure = orError("", sr.savesErr)
		} else {
			m := medianDuration(slices.Clone(sr.saves))
			save.figure, save.met, save.ok = millis(m), m < goalSave, true
		}
	}
	return append(gs, save,
		goal{fmt.Sprintf("example site: cold build < %d ms", goalExample.Milliseconds()), millis(r.example.Wall), r.example.Wall < goalExample, true})
}

// largest is the 10,000-article result, or the largest measured.
func (r *report) largest() *sizeResult {
	var big *sizeResult
	for _, s := range r.sizes {
		if s.n == goalSize {
			return s
		}
		if big == nil || s.n > big.n {
			big = s
		}
	}
	return big
}
