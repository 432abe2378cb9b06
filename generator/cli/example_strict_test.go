package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestExamplePassesStrict: the example review meets the publishing rules,
// and stands for the text it reviews.
func TestExamplePassesStrict(t *testing.T) {
	status, stdout, stderr := run("check", "-strict", "-src", filepath.Join("..", ".."))
	if status != ExitOK || strings.Contains(stderr, "changed since") {
		t.Errorf("check -strict of the example: status %d\n%s%s", status, stdout, stderr)
	}
}
