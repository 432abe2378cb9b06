package benchmark

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func sample(wall time.Duration, mib int64) Sample {
	return Sample{Wall: wall, CPU: 2 * wall, PeakKiB: mib << 10}
}

// TestReportJudgesEachGoal writes a report with every goal's figure on one
// side of it or the other, and reads the verdicts.
func TestReportJudgesEachGoal(t *testing.T) {
	r := &report{runs: 3, cores: 2, seed: 1, hugo: true, example: sample(40*time.Millisecond, 20),
		sizes: []*sizeResult{
			{n: 1000, scholia: sample(time.Second, 50), hugo: sample(2*time.Second, 90), floor: sample(900*time.Millisecond, 30),
				warm: sample(300*time.Millisecond, 50), serveKiB: 80 << 10,
				saves: []time.Duration{30 * time.Millisecond, 40 * time.Millisecond, 45 * time.Millisecond}, hugoSavesErr: errors.New("boom | bang")},
			{n: 10000, scholia: sample(10*time.Second, 200), hugo: sample(20*time.Second, 400), floor: sample(5*time.Second, 60),
				warm: sample(500*time.Millisecond, 190), serveKiB: 600 << 10},
		}}
	var b strings.Builder
	r.write(&b)
	out := b.String()
	for _, want := range []string{
		"| 10,000 | scholia build | 10.00 s | 20.00 s | 200 MiB | 0.50× | 2.00× |",
		"| 1,000 | 1.00 s | 300 ms | 30% | no -no-cache flag yet |",
		"| scholia serve | 40 ms | 30 ms | 45 ms |",
		`| hugo server | boom \| bang | | |`,
		"| 10,000 articles: wall ≤ 0.6× Hugo | 0.50× | met |",
		"| 10,000 articles: wall ≤ 1.2× the floor | 2.00× | not met |",
		"| 10,000 articles: `build` peak memory < 150 MiB | 200 MiB | not met |",
		"| 10,000 articles: `serve` peak memory after its first build < 500 MiB | 600 MiB | not met |",
		"| 10,000 articles: warm build after one edit ≤ 10% of cold | 5% | met |",
		"| save-to-screen at 1,000 articles: median < 50 ms | 40 ms | met |",
		"| example site: cold build < 100 ms | 40 ms | met |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

// TestReportWithoutHugo says plainly that Hugo is missing, judges no goal
// against it, and names the size the 10,000-article goals fell back to.
func TestReportWithoutHugo(t *testing.T) {
	r := &report{runs: 1, cores: 2, seed: 1, sizes: []*sizeResult{
		{n: 200, scholia: sample(time.Second, 50), floor: sample(time.Second, 30), warm: sample(time.Second, 50)}}}
	var b strings.Builder
	r.write(&b)
	out := b.String()
	for _, want := range []string{
		"| 200 | hugo | " + hugoMissing + " |",
		"| 200 | scholia build | 1.00 s | 2.00 s | 50 MiB | – | 1.00× |",
		"| 200 articles (10,000 not run): wall ≤ 0.6× Hugo | not measured | – |",
		"| save-to-screen at 1,000 articles: median < 50 ms | not measured | – |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestNumbersRead(t *testing.T) {
	for got, want := range map[string]string{
		thousands(7): "7", thousands(1000): "1,000", thousands(1234567): "1,234,567",
		seconds(1500 * time.Millisecond): "1.50 s", seconds(42 * time.Millisecond): "42 ms", millis(2500 * time.Microsecond): "2.5 ms",
		mib(150 << 10): "150 MiB",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
