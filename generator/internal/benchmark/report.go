package benchmark

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"time"
)

// report is everything one run of the benchmark measured.
type report struct {
	runs, cores   int
	seed          int64
	hugo, noCache bool // hugo was there; scholia build has -no-cache
	example       Sample
	sizes         []*sizeResult
}

// write prints the report as Markdown: builds, warm rebuilds, the dev
// server, then the goals.
func (r *report) write(w io.Writer) {
	fmt.Fprintf(w, "## Scholia benchmark\n\n%d cores, %s/%s. Archives of seed %d; every build figure is the median of %d runs, cold (no earlier output, no cache) unless it says otherwise.\n\n",
		r.cores, runtime.GOOS, runtime.GOARCH, r.seed, r.runs)
	fmt.Fprintln(w, "| articles | contender | wall | CPU | peak memory | wall ÷ Hugo | wall ÷ floor |")
	fmt.Fprintln(w, "|---:|---|---:|---:|---:|---:|---:|")
	for _, s := range r.sizes {
		for _, c := range []struct {
			name string
			s    Sample
			skip bool
		}{{"scholia build", s.scholia, false}, {"hugo", s.hugo, !r.hugo}, {"floor", s.floor, false}} {
			if c.skip {
				fmt.Fprintf(w, "| %s | hugo | %s | | | | |\n", thousands(s.n), hugoMissing)
				continue
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", thousands(s.n), c.name, seconds(c.s.Wall), seconds(c.s.CPU),
				mib(c.s.PeakKiB), r.ratio(c.s.Wall, s.hugo.Wall, r.hugo), r.ratio(c.s.Wall, s.floor.Wall, true))
		}
	}
	fmt.Fprintf(w, "\nThe example site (the repository's own): %s wall, %s CPU, %s.\n\n", seconds(r.example.Wall), seconds(r.example.CPU), mib(r.example.PeakKiB))

	fmt.Fprintln(w, "### Warm rebuild after one edit (one article's note changed, then `scholia build` again)")
	fmt.Fprintln(w, "\n| articles | cold | warm | warm ÷ cold | `-no-cache` after one edit |\n|---:|---:|---:|---:|---:|")
	for _, s := range r.sizes {
		nc := "no -no-cache flag yet"
		if r.noCache {
			nc = seconds(s.noCache.Wall)
		}
		fmt.Fprintf(w, "| %s | %s | %s | %.0f%% | %s |\n", thousands(s.n), seconds(s.scholia.Wall), seconds(s.warm.Wall), percent(s.warm.Wall, s.scholia.Wall), nc)
	}

	fmt.Fprintln(w, "\n### Dev server\n\n| articles | `scholia serve` peak memory after its first build (VmHWM) |\n|---:|---:|")
	for _, s := range r.sizes {
		fmt.Fprintf(w, "| %s | %s |\n", thousands(s.n), orError(mib(s.serveKiB), s.serveErr))
	}
	if s := r.saveSize(); s != nil {
		fmt.Fprintf(w, "\nSave-to-screen at %s articles: from just before the article is written until its new text is in the open page, %d saves, headless Chromium.\n\n", thousands(s.n), saveCount)
		fmt.Fprintln(w, "| dev server | median | fastest | slowest |\n|---|---:|---:|---:|")
		saveRow(w, "scholia serve", s.saves, s.savesErr)
		saveRow(w, "hugo server", s.hugoSaves, s.hugoSavesErr)
	}
	fmt.Fprintln(w)
	r.writeGoals(w)
}

func saveRow(w io.Writer, name string, ds []time.Duration, err error) {
	if err != nil || len(ds) == 0 {
		fmt.Fprintf(w, "| %s | %s | | |\n", name, orError("", err))
		return
	}
	fmt.Fprintf(w, "| %s | %s | %s | %s |\n", name, millis(medianDuration(slices.Clone(ds))), millis(slices.Min(ds)), millis(slices.Max(ds)))
}

// saveSize is the size save-to-screen was measured at, or nil.
func (r *report) saveSize() *sizeResult {
	for _, s := range r.sizes {
		if len(s.saves) > 0 || s.savesErr != nil || len(s.hugoSaves) > 0 || s.hugoSavesErr != nil {
			return s
		}
	}
	return nil
}

// ratio is a ÷ b, or "–" when b was not measured.
func (r *report) ratio(a, b time.Duration, measured bool) string {
	if !measured || b <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", float64(a)/float64(b))
}

func percent(a, b time.Duration) float64 {
	if b <= 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func orError(s string, err error) string {
	if err != nil {
		return strings.ReplaceAll(strings.SplitN(err.Error(), "\n", 2)[0], "|", `\|`)
	}
	return s
}

// seconds is d to a reader's precision: ms below a second.
func seconds(d time.Duration) string {
	if d < time.Second {
		return millis(d)
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func millis(d time.Duration) string {
	if d < 10*time.Millisecond {
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%d ms", d.Round(time.Millisecond).Milliseconds())
}

func mib(kib int64) string { return fmt.Sprintf("%.0f MiB", float64(kib)/1024) }

// thousands writes n with commas: 10,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
