package cli

import (
	"errors"
	"flag"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/google/go-cmp/cmp"
	"github.com/rhysd/actionlint"
	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/internal/testsite"
	"github.com/scholia/scholia/generator/site"
	"golang.org/x/tools/txtar"
)

// newSite runs new site into a fresh folder and returns it.
func newSite(t *testing.T, flags ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "my-reviews")
	status, stdout, stderr := run(append(append([]string{"new", "site"}, flags...), dir)...)
	if status != ExitOK {
		t.Fatalf("new site: status %d: %s", status, stderr)
	}
	for _, want := range []string{"created " + filepath.Join(dir, "site.yaml"), "created " + filepath.Join(dir, ".github", "workflows", "pages.yml"),
		"Next:", "scholia serve -src " + dir, "scholia new -src " + dir + " articles/"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("new site's output lacks %q:\n%s", want, stdout)
		}
	}
	return dir
}

// TestNewSite builds a new site and checks what it shows: the scales
// that its site.yaml spells out, which are the defaults, on its
// methodology page as on /ratings/, and that the scale follows site.yaml
// when an editor changes it.
func TestNewSite(t *testing.T) {
	dir := newSite(t)
	cfg, err := config.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	claim, article, err := site.DefaultScales(nil, cfg.Language)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(config.Scales{Claim: claim, Article: article, ClaimGiven: true, ArticleGiven: true}, cfg.Scales); diff != "" {
		t.Errorf("site.yaml's scales are not the defaults (-want +got):\n%s", diff)
	}
	if cfg.Title != "My reviews" || cfg.BaseURL != "https://example.org/" || cfg.Publisher.Name != "My reviews" {
		t.Errorf("title %q, base_url %q, publisher %q", cfg.Title, cfg.BaseURL, cfg.Publisher.Name)
	}
	p := filepath.Join(dir, "site.yaml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), claim[0].Description, "Our own words for it.", 1)
	for _, tc := range []struct {
		name     string
		siteYAML string
	}{
		{name: "as made", siteYAML: string(b)},
		{name: "a description edited", siteYAML: edited},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := os.WriteFile(p, []byte(tc.siteYAML), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, err := config.Load(os.DirFS(dir))
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "public")
			if _, err := site.Build(site.Options{FS: os.DirFS(dir), Out: out}); err != nil {
				t.Fatalf("build: %v", err)
			}
			files, err := testsite.Read(out)
			if err != nil {
				t.Fatal(err)
			}
			page := files["methodology/index.html"]
			for _, g := range append(append(config.Scale{}, cfg.Scales.Claim...), cfg.Scales.Article...) {
				for _, s := range []string{g.Label, g.Description} {
					if !strings.Contains(page, html.EscapeString(s)) {
						t.Errorf("the methodology page lacks %q", s)
					}
				}
			}
			for _, rel := range []string{"about/index.html", "corrections/index.html", "ratings/index.html"} {
				if files[rel] == "" {
					t.Errorf("no %s", rel)
				}
			}
		})
	}
	if status, stdout, stderr := run("check", "-strict", "-src", dir); status != ExitOK {
		t.Errorf("check -strict: status %d\n%s%s", status, stdout, stderr)
	}
}

// TestNewSiteRefuses runs new site where it must not write: nothing in
// the folder changes, and the error says why.
func TestNewSiteRefuses(t *testing.T) {
	dir := newSite(t)
	before, err := testsite.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	status, stdout, stderr := run("new", "site", dir)
	if status != ExitContent || stdout != "" || !strings.Contains(stderr, "not empty") {
		t.Errorf("new site twice: status %d, stdout %q, stderr %q; want 1 and not empty", status, stdout, stderr)
	}
	after, err := testsite.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("new site twice changed the site (-before +after):\n%s", diff)
	}
	// A fresh clone, .git alone, is empty enough.
	clone := filepath.Join(t.TempDir(), "clone")
	if err := os.MkdirAll(filepath.Join(clone, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if status, _, stderr := run("new", "site", clone); status != ExitOK {
		t.Errorf("new site in a fresh clone: status %d: %s", status, stderr)
	}
}

// TestNewSiteUsage checks the calls of new site that are the caller's
// mistake.
func TestNewSiteUsage(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{name: "no DIR", args: []string{"new", "site"}, want: "new site takes one DIR"},
		{name: "two DIRs", args: []string{"new", "site", "a", "b"}, want: "new site takes one DIR"},
		{name: "with -src", args: []string{"new", "-src", dir, "site", "x"}, want: "it takes no -src"},
		{name: "bad -base-url", args: []string{"new", "site", "-base-url", "ftp://x/", filepath.Join(dir, "s")}, want: "-base-url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, _, stderr := run(tt.args...)
			if status != ExitUsage || !strings.Contains(stderr, tt.want) {
				t.Errorf("status %d, stderr %q; want %d and %q", status, stderr, ExitUsage, tt.want)
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("a usage error wrote %s", entries[0].Name())
	}
}

// TestWriteNewSiteUndoes makes writing fail halfway and checks that what
// was made is gone, and only that.
func TestWriteNewSiteUndoes(t *testing.T) {
	files := []siteFile{{rel: "a/b.md", data: []byte("b")}, {rel: "a/b.md/c.md", data: []byte("c")}}
	tests := []struct {
		name   string
		exists bool // the folder is there, empty, before
	}{{name: "new folder"}, {name: "empty folder", exists: true}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "x", "site")
			if tt.exists {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if err := writeNewSite(dir, files); err == nil {
				t.Fatal("no error")
			}
			entries, err := os.ReadDir(dir)
			switch {
			case tt.exists && (err != nil || len(entries) > 0):
				t.Errorf("the folder is not as it was: %v, %d entries", err, len(entries))
			case !tt.exists && !errors.Is(err, os.ErrNotExist):
				t.Errorf("the folder made is still there: %v", err)
			}
			if _, err := os.Stat(filepath.Dir(dir)); tt.exists == errors.Is(err, os.ErrNotExist) {
				t.Errorf("its parent: %v", err)
			}
		})
	}
}

// TestNewSiteWorkflow lints the workflow that new site writes and holds
// it to the repository's own: the same triggers, permissions, jobs and
// actions, step for step, but for what a site without this repository's
// Makefile and go.mod must do otherwise (install scholia and run it).
func TestNewSiteWorkflow(t *testing.T) {
	dir := newSite(t)
	name := filepath.Join(dir, ".github", "workflows", "pages.yml")
	scaffold, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	l, err := actionlint.NewLinter(io.Discard, &actionlint.LinterOptions{Shellcheck: "", Pyflakes: ""})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.Lint(name, scaffold, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Error(e)
	}
	repo, err := os.ReadFile(filepath.Join("..", "..", ".github", "workflows", "pages.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(workflowShape(t, repo, false), workflowShape(t, scaffold, true)); diff != "" {
		t.Errorf("the workflows differ (-repository +new site):\n%s", diff)
	}
	for _, want := range []string{"fetch-depth: 0", "run: go install " + modulePath + "@", "\n        # run: scholia check -strict -format github\n"} {
		if !strings.Contains(string(scaffold), want) {
			t.Errorf("the workflow lacks %q", want)
		}
	}
}

// makeTarget is a make command of the repository's workflow.
var makeTarget = regexp.MustCompile(`^make (check|build)((?: [A-Z_]+="[^"]*")*)$`)

// workflowShape is a workflow's YAML with the differences by design put
// alike: setup-go's inputs (a site has no go.mod), the new site's install
// step, and make targets as the scholia commands they run (Makefile:
// ARGS are passed on, BASE_URL as -base-url).
func workflowShape(t *testing.T, src []byte, scaffold bool) map[string]any {
	t.Helper()
	var w map[string]any
	if err := yaml.Unmarshal(src, &w); err != nil {
		t.Fatal(err)
	}
	jobs, _ := w["jobs"].(map[string]any)
	for _, j := range jobs {
		job, _ := j.(map[string]any)
		steps, _ := job["steps"].([]any)
		var kept []any
		for _, s := range steps {
			step, _ := s.(map[string]any)
			if scaffold && step["name"] == "Install scholia" {
				continue
			}
			if uses, _ := step["uses"].(string); strings.HasPrefix(uses, "actions/setup-go@") {
				step["with"] = "the Go to run scholia with"
			}
			if cmd, ok := step["run"].(string); ok && !scaffold {
				m := makeTarget.FindStringSubmatch(strings.TrimSpace(cmd))
				if m == nil {
					t.Fatalf("the repository's workflow runs %q, which the test cannot compare", cmd)
				}
				args := regexp.MustCompile(` ([A-Z_]+)="([^"]*)"`).ReplaceAllStringFunc(m[2], func(v string) string {
					name, val, _ := strings.Cut(strings.TrimSpace(v), "=")
					if name == "BASE_URL" {
						return " -base-url " + val
					}
					return " " + strings.Trim(val, `"`)
				})
				step["run"] = "scholia " + m[1] + args
			}
			kept = append(kept, step)
		}
		job["steps"] = kept
	}
	return w
}

// TestInstallVersion: a new site's workflow installs the release it was
// made with, and the latest otherwise.
func TestInstallVersion(t *testing.T) {
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		ok   bool
		want string
	}{
		{name: "a release", bi: &debug.BuildInfo{Main: debug.Module{Version: "v1.4.2"}}, ok: true, want: "v1.4.2"},
		{name: "go run in the repository", bi: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, ok: true, want: "latest"},
		{name: "a pseudo-version", bi: &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202072912-99317b3915d5+dirty"}}, ok: true, want: "latest"},
		{name: "no build info", ok: false, want: "latest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := installVersion(tt.bi, tt.ok); got != tt.want {
				t.Errorf("installVersion = %q, want %q", got, tt.want)
			}
		})
	}
	mod, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(string(mod), "\n"); first != "module "+modulePath {
		t.Errorf("go.mod starts %q, not module %s", first, modulePath)
	}
}

var update = flag.Bool("update", false, "rewrite testdata/new-site.txtar")

// TestNewSiteGolden compares every file that new site writes with
// testdata/new-site.txtar, so that a change to the scaffold shows in its
// diff; -update rewrites it.
func TestNewSiteGolden(t *testing.T) {
	d, err := newSiteData("my-reviews", "", "https://example.org/", "latest")
	if err != nil {
		t.Fatal(err)
	}
	files, err := siteFiles(d)
	if err != nil {
		t.Fatal(err)
	}
	ar := &txtar.Archive{Comment: []byte("What scholia new site my-reviews writes (go test -run TestNewSiteGolden -update rewrites it).\n")}
	for _, f := range files {
		ar.Files = append(ar.Files, txtar.File{Name: f.rel, Data: f.data})
	}
	golden := filepath.Join("testdata", "new-site.txtar")
	if *update {
		if err := os.WriteFile(golden, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(txtar.Format(ar))); diff != "" {
		t.Errorf("new site (-%s +got):\n%s", golden, diff)
	}
}
