package benchmark

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/internal/testsite"
)

// Config says what to measure.
type Config struct {
	Root  string // the repository: where the binaries are built from, and the example site
	Sizes []int  // archive sizes, in articles
	Runs  int    // runs of each build; the table has their medians
	Seed  int64  // the archives' seed
	Serve bool   // measure save-to-screen in headless Chromium too
	Hugo  string // the hugo command; "" looks for hugo on PATH
	Log   io.Writer
}

// tools are the programs under test.
type tools struct {
	scholia, floor, hugo string
	noCache              bool // scholia build has -no-cache
}

// Run measures everything cfg asks for and writes the report to w as
// Markdown. Archives, outputs and binaries live in one folder under the
// system's temporary folder, removed at the end.
func Run(cfg Config, w io.Writer) error {
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	tmp, err := os.MkdirTemp("", "scholia-bench-")
	if err != nil {
		return fmt.Errorf("benchmark: %w", err)
	}
	defer os.RemoveAll(tmp)
	t, err := buildTools(cfg, tmp)
	if err != nil {
		return err
	}
	rep := &report{runs: cfg.Runs, seed: cfg.Seed, cores: runtime.NumCPU(), hugo: t.hugo != "", noCache: t.noCache}
	if rep.example, err = exampleBuild(cfg, t, tmp); err != nil {
		return err
	}
	for _, n := range cfg.Sizes {
		r, err := runSize(cfg, t, tmp, n)
		if err != nil {
			return err
		}
		rep.sizes = append(rep.sizes, r)
	}
	rep.write(w)
	return nil
}

// buildTools builds scholia and the floor into tmp, once, and finds hugo.
func buildTools(cfg Config, tmp string) (tools, error) {
	t := tools{scholia: filepath.Join(tmp, "scholia"), floor: filepath.Join(tmp, "floor"), hugo: findHugo(cfg.Hugo)}
	for out, pkg := range map[string]string{t.scholia: ".", t.floor: "./generator/internal/benchmark/cmd/floor"} {
		cmd := exec.Command("go", "build", "-o", out, pkg)
		cmd.Dir = cfg.Root
		if msg, err := cmd.CombinedOutput(); err != nil {
			return t, fmt.Errorf("benchmark: go build %s: %w\n%s", pkg, err, msg)
		}
	}
	// The flag is new: ask the binary rather than assume.
	help, _ := exec.Command(t.scholia, "build", "-h").CombinedOutput()
	t.noCache = bytes.Contains(help, []byte("-no-cache"))
	fmt.Fprintf(cfg.Log, "built scholia and the floor; hugo: %s; -no-cache: %v\n", orDefault(t.hugo, "not installed"), t.noCache)
	return t, nil
}

// orDefault is a, or b when a is empty.
func orDefault(a, b string) string {
	if a == "" {
		return b
	}
	return a
}

// cold prepares a cold run: no earlier output, no cache.
func cold(paths ...string) error {
	for _, p := range paths {
		if err := os.RemoveAll(p); err != nil {
			return fmt.Errorf("benchmark: %w", err)
		}
	}
	return nil
}

// runs measures cmd n times, each after prepare (which readies a cold
// run, or makes an edit) and after the disk has caught up with the runs
// before, and gives the median.
func runs(cfg Config, what string, n int, prepare func() error, cmd func() *exec.Cmd) (Sample, error) {
	var samples []Sample
	for i := range n {
		if err := prepare(); err != nil {
			return Sample{}, err
		}
		settle()
		s, err := measure(cmd())
		if err != nil {
			return Sample{}, fmt.Errorf("benchmark: %s: %w", what, err)
		}
		fmt.Fprintf(cfg.Log, "%s, run %d/%d: %s wall, %s CPU, %s\n", what, i+1, n, seconds(s.Wall), seconds(s.CPU), mib(s.PeakKiB))
		samples = append(samples, s)
	}
	return median(samples), nil
}

// exampleBuild builds a copy of the repository's own site (so that its
// cache lands in the copy, not in the work tree).
func exampleBuild(cfg Config, t tools, tmp string) (Sample, error) {
	dir := filepath.Join(tmp, "example")
	for _, name := range []string{"content", "templates"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join(cfg.Root, name))); err != nil {
			return Sample{}, fmt.Errorf("benchmark: copying the example site: %w", err)
		}
	}
	data, err := os.ReadFile(filepath.Join(cfg.Root, "site.yaml"))
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644)
	}
	if err != nil {
		return Sample{}, fmt.Errorf("benchmark: copying the example site: %w", err)
	}
	out := filepath.Join(tmp, "example-out")
	return runs(cfg, "example site", cfg.Runs,
		func() error { return cold(out, filepath.Join(dir, ".scholia-cache")) },
		func() *exec.Cmd { return exec.Command(t.scholia, "build", "-src", dir, "-out", out) })
}

// sizeResult is what one archive size measured.
type sizeResult struct {
	n                      int
	scholia, hugo, floor   Sample
	warm, noCache          Sample
	serveKiB               int64
	serveErr               error
	saves, hugoSaves       []time.Duration
	savesErr, hugoSavesErr error
}

// runSize measures the archive of n articles: cold builds, then a warm
// rebuild after one edit, serve's memory and, for the size that
// save-to-screen is measured at, that.
func runSize(cfg Config, t tools, tmp string, n int) (*sizeResult, error) {
	dir := filepath.Join(tmp, fmt.Sprint(n))
	defer os.RemoveAll(dir)
	src, hugoSrc := filepath.Join(dir, "site"), filepath.Join(dir, "hugo")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return nil, fmt.Errorf("benchmark: %w", err)
	}
	start := time.Now()
	if err := testsite.Archive(src, n, cfg.Seed); err != nil {
		return nil, fmt.Errorf("benchmark: %w", err)
	}
	fmt.Fprintf(cfg.Log, "wrote the archive of %s articles in %s\n", thousands(n), seconds(time.Since(start)))
	r := &sizeResult{n: n}
	out := func(name string) string { return filepath.Join(dir, "out-"+name) }
	cache := filepath.Join(src, ".scholia-cache")
	var err error
	label := fmt.Sprintf("%s articles", thousands(n))
	if r.scholia, err = runs(cfg, label+", scholia build", cfg.Runs,
		func() error { return cold(out("scholia"), cache) },
		func() *exec.Cmd { return exec.Command(t.scholia, "build", "-src", src, "-out", out("scholia")) }); err != nil {
		return nil, err
	}
	if t.hugo != "" {
		if err := hugoSite(src, hugoSrc); err != nil {
			return nil, err
		}
		if r.hugo, err = runs(cfg, label+", hugo", cfg.Runs,
			func() error { return cold(out("hugo"), filepath.Join(hugoSrc, "resources")) },
			func() *exec.Cmd { return exec.Command(t.hugo, "--quiet", "-s", hugoSrc, "-d", out("hugo")) }); err != nil {
			return nil, err
		}
	}
	if r.floor, err = runs(cfg, label+", floor", cfg.Runs,
		func() error { return cold(out("floor")) },
		func() *exec.Cmd { return exec.Command(t.floor, "-src", src, "-out", out("floor")) }); err != nil {
		return nil, err
	}
	if err := warmBuilds(cfg, t, r, src, out("scholia")); err != nil {
		return nil, err
	}
	r.serveKiB, r.serveErr = serveMemory(t, src)
	fmt.Fprintf(cfg.Log, "%s, scholia serve after its first build: %s (%v)\n", label, mib(r.serveKiB), r.serveErr)
	if cfg.Serve && n == saveSize(cfg.Sizes) {
		saves(cfg, t, r, src, hugoSrc)
	}
	return r, nil
}

// saveSize is the size save-to-screen is measured at: 1,000 articles, or
// the smallest size when 1,000 is not among them.
func saveSize(sizes []int) int {
	if slices.Contains(sizes, 1000) || len(sizes) == 0 {
		return 1000
	}
	return slices.Min(sizes)
}

// warmBuilds edits one article's note and builds again, cfg.Runs times,
// keeping the output and cache of the cold builds; and, when scholia has
// -no-cache, does the same with it.
func warmBuilds(cfg Config, t tools, r *sizeResult, src, out string) error {
	sidecar := filepath.Join(src, filepath.FromSlash(strings.TrimSuffix(testsite.ArchivePath(0), ".md")+".annotations.yaml"))
	base, err := os.ReadFile(sidecar)
	if err != nil {
		return fmt.Errorf("benchmark: %w", err)
	}
	edit := 0
	editNote := func() error {
		edit++
		text := strings.Replace(string(base), `note: "`, fmt.Sprintf(`note: "Edited %d times. `, edit), 1)
		return os.WriteFile(sidecar, []byte(text), 0o644)
	}
	label := fmt.Sprintf("%s articles, ", thousands(r.n))
	build := func(extra ...string) func() *exec.Cmd {
		return func() *exec.Cmd {
			return exec.Command(t.scholia, append([]string{"build", "-src", src, "-out", out}, extra...)...)
		}
	}
	if r.warm, err = runs(cfg, label+"warm build after one edit", cfg.Runs, editNote, build()); err != nil {
		return err
	}
	if t.noCache {
		if r.noCache, err = runs(cfg, label+"build -no-cache after one edit", cfg.Runs, editNote, build("-no-cache")); err != nil {
			return err
		}
	}
	return nil
}
