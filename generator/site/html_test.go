package site

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestNuHTMLChecker runs the Nu HTML checker (vnu.jar, from the npm package
// vnu-jar; `make tools` installs it) over every page of the example site and
// of the small test site. It says plainly when it cannot run.
func TestNuHTMLChecker(t *testing.T) {
	if os.Getenv("SCHOLIA_PAGE_CHECKS") == "" {
		t.Skip("run by make test-html, which sets SCHOLIA_PAGE_CHECKS=1")
	}
	java, err := exec.LookPath("java")
	if err != nil {
		t.Skip("SKIPPED the Nu HTML check: java is not installed")
	}
	jar := os.Getenv("VNU_JAR")
	if jar == "" {
		jar = "../../.tools/node_modules/vnu-jar/build/dist/vnu.jar"
	}
	if _, err := os.Stat(jar); err != nil {
		t.Skipf("SKIPPED the Nu HTML check: no vnu.jar at %s (run `make tools`)", jar)
	}
	dirs := []string{
		build(t, exampleFS, Options{}),
		build(t, exampleFS, Options{BaseURL: "https://example.github.io/proj/"}),
		build(t, archiveFS(t, "small-site.txtar"), Options{}),
	}
	pages := 0
	for _, d := range dirs {
		for name := range readTree(t, d) {
			if strings.HasSuffix(name, ".html") {
				pages++
			}
		}
	}
	args := append([]string{"-jar", jar, "--errors-only", "--skip-non-html", "--format", "gnu"}, dirs...)
	out, err := exec.Command(java, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("the Nu HTML checker found errors:\n%s", out)
	}
	t.Logf("the Nu HTML checker found no errors in %d sites, %d pages", len(dirs), pages)
}
