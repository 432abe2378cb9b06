package cli

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCheckStrict checks that check -strict fails a site that builds but
// breaks the publishing rules, at the sidecar's lines and in every format,
// and that check without -strict passes it.
func TestCheckStrict(t *testing.T) {
	// goodSite builds, but its claim is rated on the scale with no source,
	// has no note, and its sidecar has no review.
	unreviewed := writeSite(t, goodSite)
	reviewed := writeSite(t, map[string]string{
		"site.yaml":       "title: Moon checks\n",
		"content/moon.md": goodArticle,
		"content/moon.annotations.yaml": "review:\n  rating: low\n  reviewers: [Review desk]\n  date: 2026-11-20\n" +
			"claims:\n  - id: cheese\n    quote: made of cheese\n    rating: inaccurate\n    note: The samples are rock.\n" +
			"    sources:\n      - url: https://example.org/apollo\n",
	})
	tests := []struct {
		name   string
		args   []string
		status int
		stdout []string // lines of stdout, when the format prints there
		stderr []string // lines of stderr
	}{
		{
			name:   "without -strict",
			args:   []string{"check", "-src", unreviewed},
			status: ExitOK,
			stdout: []string{"no problems found"},
		},
		{
			name:   "strict",
			args:   []string{"check", "-strict", "-src", unreviewed},
			status: ExitContent,
			stderr: []string{
				`content/moon.annotations.yaml:1:1: the sidecar has no review: add a review: with reviewers and date`,
				`content/moon.annotations.yaml:2:5: claim "cheese" has no note: add note: saying why it is rated inaccurate`,
				`content/moon.annotations.yaml:4:5: claim "cheese" is rated inaccurate, on the scale, but has no sources: cite one with a url or archived copy, or rate it unsupported`,
			},
		},
		{
			name:   "strict github",
			args:   []string{"check", "-strict", "-format", "github", "-src", unreviewed},
			status: ExitContent,
			stdout: []string{
				`::error file=content/moon.annotations.yaml,line=1,col=1::the sidecar has no review: add a review: with reviewers and date`,
				`::error file=content/moon.annotations.yaml,line=2,col=5::claim "cheese" has no note: add note: saying why it is rated inaccurate`,
				`::error file=content/moon.annotations.yaml,line=4,col=5::claim "cheese" is rated inaccurate, on the scale, but has no sources: cite one with a url or archived copy, or rate it unsupported`,
			},
		},
		{
			name:   "strict, with anchoring errors too",
			args:   []string{"check", "-strict", "-src", writeSite(t, badSite)},
			status: ExitContent,
			stderr: []string{
				`content/moon.annotations.yaml:1:1: the sidecar has no review: add a review: with reviewers and date`,
				`content/moon.annotations.yaml:2:5: claim "cheese" has no note: add note: saying why it is rated inaccurate`,
				`content/moon.annotations.yaml:3:12: claim "cheese": quote not found in content/moon.md; did you mean: "made of cheese" (content/moon.md:6:13)?`,
				`content/moon.annotations.yaml:4:5: claim "cheese" is rated inaccurate, on the scale, but has no sources: cite one with a url or archived copy, or rate it unsupported`,
			},
		},
		{
			name:   "strict, a site that keeps the rules",
			args:   []string{"check", "-strict", "-src", reviewed},
			status: ExitOK,
			stdout: []string{"no problems found"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, stdout, stderr := run(tt.args...)
			if status != tt.status {
				t.Errorf("scholia %q: status %d, want %d\nstdout: %s\nstderr: %s", tt.args, status, tt.status, stdout, stderr)
			}
			if diff := cmp.Diff(tt.stdout, splitLines(stdout)); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.stderr, splitLines(stderr)); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}
