package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/scholia/scholia/generator/internal/testsite"
)

// writeSite writes files (slash paths) into a fresh folder.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := testsite.Write(dir, files); err != nil {
		t.Fatal(err)
	}
	return dir
}

func run(args ...string) (status int, stdout, stderr string) {
	var o, e bytes.Buffer
	status = Main(args, &o, &e)
	return status, o.String(), e.String()
}

const goodArticle = "---\ntitle: Moon\ndate: 2026-11-01\n---\n\nThe moon is made of cheese.\n"

var goodSite = map[string]string{
	"site.yaml":                     "title: Moon checks\n",
	"content/moon.md":               goodArticle,
	"content/moon.annotations.yaml": "claims:\n  - id: cheese\n    quote: made of cheese\n    rating: inaccurate\n",
}

var badSite = map[string]string{
	"site.yaml":                     "title: Moon checks\n",
	"content/moon.md":               goodArticle,
	"content/moon.annotations.yaml": "claims:\n  - id: cheese\n    quote: made of chalk\n    rating: inaccurate\n",
}

func TestExitStatus(t *testing.T) {
	good, bad := writeSite(t, goodSite), writeSite(t, badSite)
	for _, tc := range []struct {
		name   string
		args   []string
		status int
		stdout string // a substring of stdout
		stderr string // a substring of stderr
	}{
		{name: "no command", args: nil, status: ExitUsage, stdout: "Usage:"},
		{name: "unknown command", args: []string{"bulid"}, status: ExitUsage, stderr: `unknown command "bulid"`},
		{name: "help", args: []string{"-h"}, status: ExitOK, stdout: "scholia build"},
		{name: "build help", args: []string{"build", "-h"}, status: ExitOK, stdout: "-base-url"},
		{name: "check help", args: []string{"check", "-h"}, status: ExitOK, stdout: "-format"},
		{name: "serve help", args: []string{"serve", "-h"}, status: ExitOK, stdout: "-addr"},
		{name: "new help", args: []string{"new", "-h"}, status: ExitOK, stdout: "PATH"},
		{name: "version help", args: []string{"version", "-h"}, status: ExitOK, stdout: "version"},
		{name: "bad flag", args: []string{"build", "-nope"}, status: ExitUsage, stderr: "-nope"},
		{name: "bad format", args: []string{"check", "-src", good, "-format", "xml"}, status: ExitUsage, stderr: "-format"},
		{name: "missing src", args: []string{"build", "-src", filepath.Join(good, "nope")}, status: ExitUsage, stderr: "no such folder"},
		{name: "out holds the site", args: []string{"build", "-src", good, "-out", good}, status: ExitUsage, stderr: "holds the site"},
		{name: "build", args: []string{"build", "-src", good}, status: ExitOK, stdout: "built "},
		{name: "build with errors", args: []string{"build", "-src", bad}, status: ExitContent, stderr: "content/moon.annotations.yaml:3:12: claim \"cheese\""},
		{name: "check", args: []string{"check", "-src", good}, status: ExitOK, stdout: "no problems"},
		{name: "check with errors", args: []string{"check", "-src", bad}, status: ExitContent, stderr: "content/moon.annotations.yaml:3:12:"},
		{name: "check github", args: []string{"check", "-src", bad, "-format", "github"}, status: ExitContent, stdout: "::error file=content/moon.annotations.yaml,line=3,col=12::"},
		{name: "version", args: []string{"version"}, status: ExitOK, stdout: "scholia "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, stdout, stderr := run(tc.args...)
			if status != tc.status || !strings.Contains(stdout, tc.stdout) || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("scholia %q: status %d, want %d\nstdout: %s\nstderr: %s\nwant stdout ~ %q, stderr ~ %q",
					tc.args, status, tc.status, stdout, stderr, tc.stdout, tc.stderr)
			}
		})
	}
}

// TestContentErrorsOnePerLine checks the text format: every error on its
// own line, PATH:LINE:COL: first.
func TestContentErrorsOnePerLine(t *testing.T) {
	site := writeSite(t, map[string]string{
		"site.yaml":                     "title: Moon checks\n",
		"content/moon.md":               goodArticle,
		"content/moon.annotations.yaml": "claims:\n  - id: cheese\n    quote: made of chalk\n    rating: inaccurate\n  - id: Bad_ID\n    quote: moon\n    rating: inaccurate\n",
		"content/sun.md":                "---\ntitel: Sun\n---\n",
	})
	status, _, stderr := run("check", "-src", site)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if status != ExitContent || len(lines) < 3 {
		t.Fatalf("status %d, stderr:\n%s\nwant 1 and at least 3 errors", status, stderr)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "content/") || strings.Count(strings.SplitN(l, " ", 2)[0], ":") < 3 {
			t.Errorf("line %q is not PATH:LINE:COL: message", l)
		}
	}
}

func TestCheckJSON(t *testing.T) {
	status, stdout, _ := run("check", "-src", writeSite(t, badSite), "-format", "json")
	var got []struct {
		Path      string
		Line, Col int
		Message   string
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	if status != ExitContent || len(got) != 1 || got[0].Path != "content/moon.annotations.yaml" || got[0].Line != 3 || got[0].Col != 12 {
		t.Errorf("status %d, errors %+v", status, got)
	}
}

// TestSiteWithoutSiteYAML checks the default of a site without site.yaml:
// titled after its folder, with a warning that says so.
func TestSiteWithoutSiteYAML(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "moon-desk")
	files := map[string]string{}
	for k, v := range goodSite {
		if k != "site.yaml" {
			files[k] = v
		}
	}
	if err := testsite.Write(dir, files); err != nil {
		t.Fatal(err)
	}
	status, stdout, stderr := run("check", "-src", dir)
	want := `site.yaml: warning: the site has no site.yaml, so it is titled "moon-desk": add one with a title and base_url`
	if status != ExitOK || !strings.Contains(stderr, want) || !strings.Contains(stdout, "no errors found, 1 warning") {
		t.Errorf("check: status %d, stdout %q, stderr %q; want 0 and the warning", status, stdout, stderr)
	}
	if status, _, stderr := run("build", "-src", dir, "-no-cache"); status != ExitOK {
		t.Fatalf("build: %d %s", status, stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	if err != nil || !strings.Contains(string(b), "moon-desk</title>") {
		t.Errorf("home page title: %v\n%s", err, b)
	}
}

func TestNew(t *testing.T) {
	site := writeSite(t, map[string]string{"site.yaml": "title: New\n"})
	if status, _, stderr := run("new", "-src", site, "articles/first-review"); status != ExitOK {
		t.Fatalf("new: status %d: %s", status, stderr)
	}
	for _, name := range []string{"content/articles/first-review.md", "content/articles/first-review.annotations.yaml"} {
		if _, err := os.Stat(filepath.Join(site, filepath.FromSlash(name))); err != nil {
			t.Errorf("new did not create %s: %v", name, err)
		}
	}
	// What new creates must check clean, and say what comes next.
	if status, _, stderr := run("check", "-src", site); status != ExitOK {
		t.Errorf("check of a new article: status %d: %s", status, stderr)
	}
	if status, _, stderr := run("new", "-src", site, "articles/first-review"); status != ExitContent || !strings.Contains(stderr, "already exists") {
		t.Errorf("new over an existing article: status %d: %s", status, stderr)
	}
	for _, bad := range []string{"../escape", "/abs", "Upper/Case", "a//b"} {
		if status, _, _ := run("new", "-src", site, bad); status != ExitUsage {
			t.Errorf("new %q: status %d, want %d", bad, status, ExitUsage)
		}
	}
}

// TestServe checks serve's failures; serving itself is tested in package
// server (and in a browser there).
func TestServe(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	good := writeSite(t, goodSite)
	for _, tc := range []struct {
		name   string
		args   []string
		status int
		stderr string
	}{
		{"address in use", []string{"serve", "-src", good, "-addr", taken.Addr().String()}, ExitContent, "cannot listen on " + taken.Addr().String() + ": the address is in use"},
		{"bad address", []string{"serve", "-src", good, "-addr", "1313"}, ExitUsage, "want HOST:PORT"},
		{"negative poll", []string{"serve", "-src", good, "-poll", "-1s"}, ExitUsage, "-poll"},
		{"arguments", []string{"serve", "-src", good, "extra"}, ExitUsage, "no arguments"},
		{"missing src", []string{"serve", "-src", filepath.Join(good, "nope")}, ExitUsage, "no such folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, _, stderr := run(tc.args...)
			if status != tc.status || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("scholia %q: status %d, want %d; stderr %q, want %q in it", tc.args, status, tc.status, stderr, tc.stderr)
			}
		})
	}
}

// TestProgressQuietOffTerminal checks that a build's progress is shown only
// on a terminal: CI logs and pipes stay clean.
func TestProgressQuietOffTerminal(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var buf bytes.Buffer
	for _, out := range []io.Writer{&buf, w} {
		p := newProgress(out)
		p.start = p.start.Add(-time.Hour) // as if the build were long
		for i := range 100 {
			p.update(i, 100)
		}
		p.done()
	}
	w.Close()
	piped, _ := io.ReadAll(r)
	if buf.Len() != 0 || len(piped) != 0 {
		t.Errorf("progress written off a terminal: %q, %q", buf.String(), piped)
	}
}

// TestUsageErrorOnce checks that a bad flag is reported once, with where to
// look, not once by the flag package and again by scholia.
func TestUsageErrorOnce(t *testing.T) {
	for _, args := range [][]string{{"build", "-nope"}, {"serve", "-poll", "abc"}, {"check", "-format"}} {
		status, _, stderr := run(args...)
		if status != ExitUsage || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "-h'") {
			t.Errorf("scholia %q: status %d, stderr %q; want one line pointing at -h", args, status, stderr)
		}
	}
}

// TestNewLeavesNothingHalfMade checks that new stops, writing nothing, when
// the sidecar it would create is already there.
func TestNewLeavesNothingHalfMade(t *testing.T) {
	site := writeSite(t, map[string]string{"content/articles/x.annotations.yaml": "claims: []\n"})
	status, _, stderr := run("new", "-src", site, "articles/x")
	if status != ExitContent || !strings.Contains(stderr, "already exists") {
		t.Errorf("new over an existing sidecar: status %d, %s", status, stderr)
	}
	if _, err := os.Stat(filepath.Join(site, "content/articles/x.md")); err == nil {
		t.Error("new left the article behind after failing on its sidecar")
	}
}

// TestCheckValidatesDrafts: check validates drafts and articles dated in
// the future, fails on a broken one, and says which valid ones a build
// would leave out.
func TestCheckValidatesDrafts(t *testing.T) {
	draft := "---\ntitle: Moon\ndate: 2026-11-01\ndraft: true\n---\n\nThe moon is made of cheese.\n"
	future := "---\ntitle: Sun\ndate: 2999-01-01\n---\n\nThe sun is hot.\n"
	for _, tc := range []struct {
		name   string
		files  map[string]string
		args   []string
		status int
		want   []string // in stdout and stderr together
	}{{
		name: "a broken draft fails",
		files: map[string]string{"content/moon.md": draft,
			"content/moon.annotations.yaml": "claims:\n  - id: c\n    quote: made of chalk\n    rating: inaccurate\n"},
		status: ExitContent,
		want:   []string{"content/moon.annotations.yaml:3:12:"},
	}, {
		name:   "a valid draft and a future article are named",
		files:  map[string]string{"content/moon.md": draft, "content/sun.md": future},
		status: ExitOK,
		want: []string{"content/moon.md: validated, not published: a draft",
			"content/sun.md: validated, not published until 2999-01-01", "no problems found"},
	}, {
		name:   "with -drafts a draft is published, and not named",
		files:  map[string]string{"content/moon.md": draft},
		args:   []string{"-drafts"},
		status: ExitOK,
		want:   []string{"no problems found"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			tc.files["site.yaml"] = "title: T\n"
			status, stdout, stderr := run(append([]string{"check", "-src", writeSite(t, tc.files)}, tc.args...)...)
			out := stdout + stderr
			if status != tc.status {
				t.Errorf("status %d, want %d\n%s", status, tc.status, out)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if len(tc.args) > 0 && strings.Contains(out, "not published") {
				t.Errorf("with %v, output names the article as unpublished:\n%s", tc.args, out)
			}
		})
	}
}

// TestCheckGitHubToStdout: GitHub reads workflow commands from standard
// output.
func TestCheckGitHubToStdout(t *testing.T) {
	status, stdout, stderr := run("check", "-src", writeSite(t, badSite), "-format", "github")
	if status != ExitContent || !strings.HasPrefix(stdout, "::error file=content/moon.annotations.yaml,line=3,col=12") || stderr != "" {
		t.Errorf("status %d, stdout %q, stderr %q: want the ::error line on stdout", status, stdout, stderr)
	}
}

// TestServeShowsDrafts: serve includes drafts unless -drafts=false.
func TestServeShowsDrafts(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{{nil, true}, {[]string{"-drafts=false"}, false}} {
		e := &env{stdout: io.Discard, stderr: io.Discard}
		fs, sf, _, _ := serveFlags(e)
		if err := e.parse(fs, tc.args); err != nil {
			t.Fatal(err)
		}
		if sf.drafts != tc.want {
			t.Errorf("serve %v: drafts %v, want %v", tc.args, sf.drafts, tc.want)
		}
	}
}

// TestVersionOf: the module version, and the VCS revision when the build
// recorded it.
func TestVersionOf(t *testing.T) {
	for _, tc := range []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{name: "go run in the repository", bi: debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, want: "devel"},
		{name: "go install of a release", bi: debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, want: "v1.2.0"},
		{name: "go build in a checkout", bi: debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202072912-99317b3915d5+dirty"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "99317b3915d5a1b2c3d4"}, {Key: "vcs.time", Value: "2026-12-02T07:29:12Z"}, {Key: "vcs.modified", Value: "true"}}},
			want: "v0.0.0-20261202072912-99317b3915d5+dirty (99317b3915d5, 2026-12-02T07:29:12Z, with uncommitted changes)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := versionOf(&tc.bi); got != tc.want {
				t.Errorf("versionOf = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestNewExamplesValidate: every commented example that new writes, once
// uncommented, still checks clean, and new prints the next steps.
func TestNewExamplesValidate(t *testing.T) {
	site := writeSite(t, map[string]string{"site.yaml": "title: New\n"})
	status, stdout, stderr := run("new", "-src", site, "articles/first-review")
	if status != ExitOK {
		t.Fatalf("new: status %d: %s", status, stderr)
	}
	for _, want := range []string{"Next:", "scholia serve -src " + site, "http://127.0.0.1:1313/articles/first-review/", "scholia check -src " + site, "draft: true"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("new's output lacks %q:\n%s", want, stdout)
		}
	}
	uncommented := 0
	for _, name := range []string{"content/articles/first-review.md", "content/articles/first-review.annotations.yaml"} {
		p := filepath.Join(site, filepath.FromSlash(name))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// The file names its schema for editors, and the schema exists.
		m := schemaLine.FindStringSubmatch(string(b))
		if m == nil {
			t.Errorf("%s has no yaml-language-server schema comment", name)
		} else if _, err := os.Stat(filepath.Join("..", "..", "docs", "schema", m[1])); err != nil {
			t.Errorf("%s names the schema %s, which is not in docs/schema: %v", name, m[1], err)
		}
		lines := strings.Split(string(b), "\n")
		for i, l := range lines {
			if rest, ok := strings.CutPrefix(l, "# "); ok && exampleLine.MatchString(rest) {
				lines[i] = rest
				uncommented++
			}
		}
		if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if uncommented < 30 {
		t.Fatalf("only %d example lines to uncomment", uncommented)
	}
	status, stdout, stderr = run("check", "-src", site)
	if status != ExitOK {
		t.Errorf("check after uncommenting every example: status %d\n%s%s", status, stdout, stderr)
	}
	// The example claim is anchored and has its note, sources and grade.
	status, _, stderr = run("build", "-src", site, "-drafts", "-no-cache")
	page, err := os.ReadFile(filepath.Join(site, "public", "articles", "first-review", "index.html"))
	if status != ExitOK || err != nil || !strings.Contains(string(page), `id="claim-text-under-review"`) {
		t.Errorf("build -drafts: status %d, %v: %s", status, err, stderr)
	}
}

// schemaLine is the comment that tells the YAML language server a file's
// schema.
var schemaLine = regexp.MustCompile(`(?m)^# yaml-language-server: \$schema=https://raw\.githubusercontent\.com/scholia/scholia/main/docs/schema/([a-z-]+\.schema\.json)$`)

// exampleLine is a commented line of an example: a key, a list item, or
// the indented text of a block.
var exampleLine = regexp.MustCompile(`^(\s|[a-z_]+:|- )`)

// TestNewTemplates: a site's templates/new/ replaces what new writes.
func TestNewTemplates(t *testing.T) {
	site := writeSite(t, map[string]string{
		"site.yaml":                "title: New\n",
		"templates/new/article.md": "---\ntitle: {{printf \"%q\" .Title}}\ndraft: true\n---\n\nOur house template for {{.Slug}}.\n",
	})
	if status, _, stderr := run("new", "-src", site, "articles/house"); status != ExitOK {
		t.Fatalf("new: status %d: %s", status, stderr)
	}
	b, err := os.ReadFile(filepath.Join(site, "content", "articles", "house.md"))
	if err != nil || !strings.Contains(string(b), "Our house template for house.") {
		t.Errorf("the site's template was not used: %v\n%s", err, b)
	}
	if status, _, stderr := run("check", "-src", site); status != ExitOK {
		t.Errorf("check: status %d: %s", status, stderr)
	}
}

// TestEveryErrorAtOnce: a claim whose YAML is wrong, in its values or in
// its syntax, does not hide the quote errors of the other claims of its
// file, and is reported once.
func TestEveryErrorAtOnce(t *testing.T) {
	const claimB = "  - id: b\n    quote: made of chalk\n    rating: inaccurate\n"
	for _, tc := range []struct {
		name, sidecar string
		want          []string // the lines of stderr start so
	}{{
		name:    "a value of the wrong type",
		sidecar: "claims:\n  - id: a\n    quote: made of cheese\n    rating: [oops]\n" + claimB,
		want:    []string{"content/moon.annotations.yaml:4:13: rating must be text", `content/moon.annotations.yaml:6:12: claim "b": quote not found`},
	}, {
		name:    "a syntax error",
		sidecar: "claims:\n  - id: a\n    quote: made of cheese\n    note: \"unclosed\n" + claimB,
		want:    []string{"content/moon.annotations.yaml:4:11: YAML syntax error", `content/moon.annotations.yaml:6:12: claim "b": quote not found`},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			site := writeSite(t, map[string]string{"site.yaml": "title: T\n", "content/moon.md": goodArticle, "content/moon.annotations.yaml": tc.sidecar})
			status, _, stderr := run("check", "-src", site)
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if status != ExitContent || len(lines) != len(tc.want) {
				t.Fatalf("status %d, %d lines, want %d:\n%s", status, len(lines), len(tc.want), stderr)
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(lines[i], w) {
					t.Errorf("line %d: %q, want it to start %q", i+1, lines[i], w)
				}
			}
		})
	}
}

// TestFix: after an edit of the article, fix -dry-run prints the change
// and writes nothing; fix writes it, and the site builds; a claim it cannot
// re-anchor is listed and fails the command.
func TestFix(t *testing.T) {
	edited := "---\ntitle: Moon\ndate: 2026-11-01\n---\n\nThe moon is made of blue cheese.\n"
	sidecar := "# Our review.\nclaims:\n  - id: cheese   # the claim\n    quote: made of green cheese\n    rating: inaccurate\n"
	site := writeSite(t, map[string]string{"site.yaml": "title: T\n", "content/moon.md": edited, "content/moon.annotations.yaml": sidecar})
	path := filepath.Join(site, "content", "moon.annotations.yaml")

	status, stdout, stderr := run("fix", "-src", site, "-min-score", "0.8", "-dry-run")
	if status != ExitOK || !strings.Contains(stdout, "-    quote: made of green cheese\n+    quote: made of blue cheese\n") {
		t.Errorf("fix -dry-run: status %d\n%s%s", status, stdout, stderr)
	}
	if b, _ := os.ReadFile(path); string(b) != sidecar {
		t.Fatalf("fix -dry-run changed the sidecar:\n%s", b)
	}
	if status, _, stderr := run("check", "-src", site); status != ExitContent {
		t.Fatalf("check before fix: status %d: %s", status, stderr)
	}
	if status, _, stderr := run("fix", "-src", site, "-min-score", "0.8", "content/moon.md"); status != ExitOK {
		t.Fatalf("fix: status %d: %s", status, stderr)
	}
	b, _ := os.ReadFile(path)
	if want := strings.Replace(sidecar, "green", "blue", 1); string(b) != want {
		t.Errorf("fix wrote\n%s\nwant\n%s", b, want)
	}
	if status, _, stderr := run("check", "-src", site); status != ExitOK {
		t.Errorf("check after fix: status %d: %s", status, stderr)
	}
	// Under the default threshold the same edit is listed, not fixed.
	os.WriteFile(path, []byte(sidecar), 0o644)
	status, _, stderr = run("fix", "-src", site)
	if status != ExitContent || !strings.Contains(stderr, `content/moon.annotations.yaml:4: claim "cheese" not re-anchored`) || !strings.Contains(stderr, `closest "made of blue cheese", score 0.80`) {
		t.Errorf("fix under the threshold: status %d: %s", status, stderr)
	}
}

// TestImport: import adds a Hypothesis export's claims to a new sidecar,
// lists what it skipped and could not place, and a second import adds
// nothing; flags may follow KIND FILE.
func TestImport(t *testing.T) {
	article := "---\ntitle: Moon\ndate: 2026-11-01\n---\n\nThe moon is made of green cheese, said the mouse.\n"
	site := writeSite(t, map[string]string{"site.yaml": "title: T\n", "content/moon.md": article})
	export := filepath.Join("..", "importer", "testdata", "hypothesis.json")
	status, stdout, stderr := run("import", "hypothesis", export, "-src", site, "-article", "content/moon.md")
	if status != ExitContent || !strings.Contains(stdout, "@@ -0,0 +1,11 @@\n+claims:\n") ||
		!strings.Contains(stderr, "2 claims added") || !strings.Contains(stderr, "skipped hyp-reply") || !strings.Contains(stderr, "not imported hyp-gone") {
		t.Fatalf("import: status %d\n%s%s", status, stdout, stderr)
	}
	first, err := os.ReadFile(filepath.Join(site, "content", "moon.annotations.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// The ungraded claim is what check reports until someone grades it.
	if status, _, stderr := run("check", "-src", site); status != ExitContent || !strings.Contains(stderr, `unknown rating "ungraded"`) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("check after import: status %d: %s", status, stderr)
	}
	_, stdout, stderr = run("import", "hypothesis", export, "-src", site, "-article", "content/moon.md")
	again, _ := os.ReadFile(filepath.Join(site, "content", "moon.annotations.yaml"))
	if stdout != "" || string(again) != string(first) || !strings.Contains(stderr, "0 claims added, 2 already there") {
		t.Errorf("a second import changed the sidecar:\n%s%s", stdout, stderr)
	}
}

// TestPathOnlyBaseURL checks that a build with a path-only base_url warns
// once, naming the outputs that want an absolute one, and that -base-url
// and check (which publishes nothing) are quiet.
func TestPathOnlyBaseURL(t *testing.T) {
	dir := writeSite(t, goodSite)
	const warning = `site.yaml: warning: base_url "/" has no scheme and host, so the sitemap, robots.txt`
	tests := []struct {
		name string
		args []string
		want int // how many times the warning is printed
	}{
		{name: "build", args: []string{"build", "-src", dir}, want: 1},
		{name: "build -base-url", args: []string{"build", "-src", dir, "-base-url", "https://moon.example/"}},
		{name: "check", args: []string{"check", "-src", dir}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, _, stderr := run(tt.args...)
			if status != ExitOK || strings.Count(stderr, warning) != tt.want {
				t.Errorf("status %d, stderr:\n%s\nwant 0 and the warning %d times", status, stderr, tt.want)
			}
		})
	}
}
