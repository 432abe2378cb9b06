package site

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhysd/actionlint"
)

// pagesWorkflow is the GitHub Pages workflow (DESIGN section 10).
var pagesWorkflow = filepath.Join("..", "..", ".github", "workflows", "pages.yml")

// TestPagesWorkflowLint runs actionlint on the workflow: syntax, expressions,
// job needs, and the inputs of the well-known actions it uses. The broken
// copies show that the linter catches what matters here.
func TestPagesWorkflowLint(t *testing.T) {
	src, err := os.ReadFile(pagesWorkflow)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		old, new  string // a change to the workflow
		wantError bool
	}{
		{name: "as shipped"},
		{name: "misspelt input", old: "go-version-file:", new: "go-versoin-file:", wantError: true},
		{name: "unknown step id", old: "steps.pages.outputs", new: "steps.page.outputs", wantError: true},
		{name: "unknown job in needs", old: "needs: build", new: "needs: bulid", wantError: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wf := src
			if tt.old != "" {
				if !strings.Contains(string(src), tt.old) {
					t.Fatalf("the workflow has no %q", tt.old)
				}
				wf = []byte(strings.ReplaceAll(string(src), tt.old, tt.new))
			}
			// No shellcheck or pyflakes: the test must not depend on what
			// is on PATH.
			l, err := actionlint.NewLinter(io.Discard, &actionlint.LinterOptions{Shellcheck: "", Pyflakes: ""})
			if err != nil {
				t.Fatal(err)
			}
			errs, err := l.Lint(pagesWorkflow, wf, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantError && len(errs) == 0 {
				t.Error("actionlint finds nothing wrong")
			}
			if !tt.wantError {
				for _, e := range errs {
					t.Error(e)
				}
			}
		})
	}
}

// TestPagesWorkflowFacts checks what the deployment depends on and a linter
// cannot know: what triggers it, its permissions, that it builds with the
// Pages URL (ending in "/") and uploads public/.
func TestPagesWorkflowFacts(t *testing.T) {
	src, err := os.ReadFile(pagesWorkflow)
	if err != nil {
		t.Fatal(err)
	}
	w, errs := actionlint.Parse(src)
	if len(errs) > 0 {
		t.Fatalf("parsing %s: %v", pagesWorkflow, errs[0])
	}
	got := workflowFacts(w)
	want := map[string]string{
		"on":                 "push:main pull_request: workflow_dispatch",
		"check run":          `make check ARGS="-format github"`,
		"build needs":        "check",
		"build if":           "github.event_name != 'pull_request'",
		"permissions":        "contents=read id-token=write pages=write",
		"concurrency":        "pages cancel-in-progress=false",
		"build uses":         "actions/checkout@v4 actions/setup-go@v5 actions/configure-pages@v5 actions/upload-pages-artifact@v3",
		"setup-go":           "go-version-file=go.mod cache=true",
		"build checkout":     "fetch-depth=0", // every commit: lastmod comes from the history
		"configure-pages id": "pages",
		"build run":          `make build BASE_URL="${{ steps.pages.outputs.base_url }}/"`,
		"upload path":        "public",
		"deploy needs":       "build",
		"deploy environment": "github-pages ${{ steps.deployment.outputs.page_url }}",
		"deploy uses":        "deployment actions/deploy-pages@v4",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("workflow (-want +got):\n%s", diff)
	}
	// make build passes BASE_URL on as -base-url.
	mk, err := os.ReadFile(filepath.Join("..", "..", "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mk), "build $(if $(BASE_URL),-base-url '$(BASE_URL)')") {
		t.Error("the Makefile's build target does not pass BASE_URL as -base-url")
	}
}

// workflowFacts flattens the parts of the workflow that TestPagesWorkflowFacts
// checks into strings, so that one diff shows every difference.
func workflowFacts(w *actionlint.Workflow) map[string]string {
	f := map[string]string{}
	var on []string
	for _, e := range w.On {
		switch e := e.(type) {
		case *actionlint.WebhookEvent:
			on = append(on, e.Hook.Value+":"+strings.Join(values(e.Branches), ","))
		default:
			on = append(on, e.EventName())
		}
	}
	f["on"] = strings.Join(on, " ")
	if p := w.Permissions; p != nil {
		var scopes []string
		for name, s := range p.Scopes {
			scopes = append(scopes, name+"="+s.Value.Value)
		}
		slices.Sort(scopes)
		f["permissions"] = strings.Join(scopes, " ")
	}
	if c := w.Concurrency; c != nil && c.Group != nil && c.CancelInProgress != nil {
		f["concurrency"] = c.Group.Value + " cancel-in-progress=" + c.CancelInProgress.String()
	}
	if c := w.Jobs["check"]; c != nil {
		for _, s := range c.Steps {
			if e, ok := s.Exec.(*actionlint.ExecRun); ok {
				f["check run"] = strings.TrimSpace(e.Run.Value)
			}
		}
	}
	if b := w.Jobs["build"]; b != nil {
		f["build needs"] = strings.Join(strs(b.Needs), ",")
		if b.If != nil {
			f["build if"] = b.If.Value
		}
		var uses []string
		for _, s := range b.Steps {
			switch e := s.Exec.(type) {
			case *actionlint.ExecAction:
				uses = append(uses, e.Uses.Value)
				name, _, _ := strings.Cut(e.Uses.Value, "@")
				switch name {
				case "actions/checkout":
					f["build checkout"] = "fetch-depth=" + input(e, "fetch-depth")
				case "actions/setup-go":
					f["setup-go"] = "go-version-file=" + input(e, "go-version-file") + " cache=" + input(e, "cache")
				case "actions/configure-pages":
					if s.ID != nil {
						f["configure-pages id"] = s.ID.Value
					}
				case "actions/upload-pages-artifact":
					f["upload path"] = input(e, "path")
				}
			case *actionlint.ExecRun:
				f["build run"] = strings.TrimSpace(e.Run.Value)
			}
		}
		f["build uses"] = strings.Join(uses, " ")
	}
	if d := w.Jobs["deploy"]; d != nil {
		f["deploy needs"] = strings.Join(strs(d.Needs), ",")
		if env := d.Environment; env != nil && env.Name != nil && env.URL != nil {
			f["deploy environment"] = env.Name.Value + " " + env.URL.Value
		}
		for _, s := range d.Steps {
			if e, ok := s.Exec.(*actionlint.ExecAction); ok && s.ID != nil {
				f["deploy uses"] = s.ID.Value + " " + e.Uses.Value
			}
		}
	}
	return f
}

func input(e *actionlint.ExecAction, name string) string {
	if in := e.Inputs[name]; in != nil && in.Value != nil {
		return in.Value.Value
	}
	return ""
}

func values(f *actionlint.WebhookEventFilter) []string {
	if f == nil {
		return nil
	}
	return strs(f.Values)
}

func strs(ss []*actionlint.String) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Value)
	}
	return out
}
