package server

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/scholia/scholia/generator/internal/testsite"
	"github.com/scholia/scholia/generator/site"
)

// generateSite writes a site of n annotated articles into dir.
func generateSite(t testing.TB, dir string, n int) {
	writeFiles(t, dir, testsite.Generated(n))
}

// timedSite records when each Update starts and ends, to split the
// latency into watching, rebuilding and telling the page.
type timedSite struct {
	Site
	mu         sync.Mutex
	start, end time.Time
}

func (s *timedSite) Update(paths []string) (*site.Update, error) {
	start := time.Now()
	up, err := s.Site.Update(paths)
	s.mu.Lock()
	s.start, s.end = start, time.Now()
	s.mu.Unlock()
	return up, err
}

// benchSites are the sites the save benchmarks edit: the example site and
// a generated 1,000-article site, each with the article to edit and the
// page that shows it.
var benchSites = []struct {
	name          string
	setup         func(testing.TB, string)
	article, page string
}{
	{"example", func(t testing.TB, dir string) {
		t.Helper()
		src := exampleSite(t)
		if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}, "content/articles/russia-taliban-arms.md", "articles/russia-taliban-arms/"},
	{"generated1000", func(t testing.TB, dir string) { generateSite(t, dir, 1000) }, "content/articles/a0500.md", "articles/a0500/"},
}

// BenchmarkSaveToReload measures what an editor waits for: the time from
// writing an article file to the reload event reaching a connected page,
// on the example site and on a generated 1,000-article site. It reports the
// median and 95th percentile (ms), and the medians of the three parts:
// watch (write to the start of the rebuild: the events and the quiet
// period), rebuild (site.Live.Update) and notify (the end of the rebuild to
// the event's arrival).
func BenchmarkSaveToReload(b *testing.B) {
	for _, tc := range benchSites {
		b.Run(tc.name, func(b *testing.B) {
			dir := b.TempDir()
			tc.setup(b, dir)
			var timed *timedSite
			srv, err := newServer(Options{
				Root: dir, Addr: "127.0.0.1:0",
				Open: func(string) (Site, error) {
					live, err := site.NewLive(site.Options{FS: os.DirFS(dir), BaseURL: "/"})
					if err != nil {
						return nil, err
					}
					timed = &timedSite{Site: live}
					return timed, nil
				},
			})
			if err != nil {
				b.Fatal(err)
			}
			ctx := start(b, srv)
			events := sseClient(b, ctx, srv.URL()+strings.TrimPrefix(eventsPath, "/"))
			nextEvent(b, events) // hello

			p := filepath.Join(dir, filepath.FromSlash(tc.article))
			orig, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			var total, watch, rebuild, notify []time.Duration
			i := 0
			for b.Loop() {
				i++
				data := fmt.Appendf(slices.Clip(orig), "\nEdit number %d.\n", i)
				start := time.Now()
				if err := os.WriteFile(p, data, 0o644); err != nil {
					b.Fatal(err)
				}
				for {
					ev := nextEvent(b, events)
					if ev.Name == "errors" {
						b.Fatalf("rebuild failed: %s", ev.Data)
					}
					if ev.Name == "reload" {
						timed.mu.Lock()
						total = append(total, ev.At.Sub(start))
						watch = append(watch, timed.start.Sub(start))
						rebuild = append(rebuild, timed.end.Sub(timed.start))
						notify = append(notify, ev.At.Sub(timed.end))
						timed.mu.Unlock()
						break
					}
				}
			}
			b.ReportMetric(ms(percentile(total, 50)), "median-ms")
			b.ReportMetric(ms(percentile(total, 95)), "p95-ms")
			b.ReportMetric(ms(percentile(watch, 50)), "watch-ms")
			b.ReportMetric(ms(percentile(rebuild, 50)), "rebuild-ms")
			b.ReportMetric(ms(percentile(notify, 50)), "notify-ms")
			b.ReportMetric(0, "ns/op") // the loop's own timing says nothing here
		})
	}
}

// percentile returns the p-th percentile of ds (nearest rank).
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[min(max(i-1, 0), len(s)-1)]
}

// BenchmarkSaveToScreen measures what an editor sees: the time from writing
// an article file to its new text being in the DOM of the page open in
// headless Chromium, whether the page morphs or reloads. It reports the
// median and 95th percentile (ms). Between saves it waits for the page's
// event stream, so that a save never lands while a reloaded page connects.
func BenchmarkSaveToScreen(b *testing.B) {
	for _, tc := range benchSites {
		b.Run(tc.name, func(b *testing.B) {
			br := openTab(b, 10*time.Minute)
			dir := b.TempDir()
			tc.setup(b, dir)
			srv := liveServer(b, dir)
			br.run(chromedp.Navigate(srv.URL() + tc.page))
			p := filepath.Join(dir, filepath.FromSlash(tc.article))
			orig, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			var total []time.Duration
			i := 0
			for b.Loop() {
				i++
				br.wait("the event stream", `window.__scholiaLive === "connected"`)
				text := fmt.Sprintf("Edit number %d.", i)
				start := time.Now()
				if err := os.WriteFile(p, fmt.Appendf(slices.Clip(orig), "\n%s\n", text), 0o644); err != nil {
					b.Fatal(err)
				}
				br.waitEvery("the new text", `document.body.textContent.includes(`+jsString(text)+`)`, time.Millisecond)
				total = append(total, time.Since(start))
			}
			b.ReportMetric(ms(percentile(total, 50)), "median-ms")
			b.ReportMetric(ms(percentile(total, 95)), "p95-ms")
			b.ReportMetric(0, "ns/op")
		})
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
