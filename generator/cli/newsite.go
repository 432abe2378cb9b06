package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"

	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/site"
	"github.com/scholia/scholia/templates"
)

// modulePath is what a new site's workflow installs scholia from; a test
// holds it to go.mod's module line.
const modulePath = "github.com/scholia/scholia"

// newSiteDir is the folder of the default theme that new site writes out.
const newSiteDir = "new/site"

// siteFields are what the templates of new site see.
type siteFields struct {
	Title, BaseURL, Language, Publisher string
	// Scales are the default scales in the site's language, written out
	// in full so that an editor changes them in place.
	Scales   struct{ Claim, Article config.Scale }
	Install  string // the workflow's go install target: MODULE@VERSION
	CacheDir string // the build cache, which .gitignore leaves out
}

// siteFile is a file that new site writes.
type siteFile struct {
	rel  string // slash path in the site
	data []byte
}

// runNewSite is `scholia new site DIR`.
func runNewSite(e *env, args []string) error {
	flags := e.flags("new")
	title := flags.String("title", "", "the site's `title` (default: DIR's name)")
	baseURL := flags.String("base-url", "https://example.org/", "the `URL` the site will be served at, for site.yaml")
	if err := e.parse(flags, args); err != nil {
		return err
	}
	if flags.NArg() != 1 {
		return fmt.Errorf("%w: new site takes one DIR, the folder of the new site, such as my-reviews (flags go before it; an article named site is new content/site)", errUsage)
	}
	dir := flags.Arg(0)
	base, err := config.NormalizeBaseURL(*baseURL)
	if err != nil {
		return fmt.Errorf("%w: new site -base-url: %s", errUsage, err)
	}
	d, err := newSiteData(dir, *title, base, installVersion(debug.ReadBuildInfo()))
	if err != nil {
		return err
	}
	files, err := siteFiles(d)
	if err != nil {
		return err
	}
	if err := writeNewSite(dir, files); err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintf(e.stdout, "created %s\n", filepath.Join(dir, filepath.FromSlash(f.rel)))
	}
	at := ""
	if dir != "." {
		at = " -src " + dir
	}
	in := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	fmt.Fprintf(e.stdout, `
Next:
  1. Make the pages say what you do (the corrections address is an example):
       %s: who you are
       %s: how you choose, rate and source claims
       %s: how readers report mistakes, and how you correct them
  2. Set title, base_url and publisher in %s. Its scales are
     the default ones, written out for you to change: the methodology page
     and /ratings/ show them as they are there.
  3. Preview with live reload: scholia serve%s
     and open http://127.0.0.1:1313/methodology/
  4. Start a review: scholia new%s articles/my-first-review
  5. Publish on GitHub Pages: push the site to a GitHub repository's main
     branch and set Settings > Pages > Source to "GitHub Actions". Its
     workflow, .github/workflows/pages.yml, checks and builds every push.
`, in("content/about.md"), in("content/methodology.md"), in("content/corrections.md"), in("site.yaml"), at, at)
	return nil
}

// newSiteData fills the fields of new site's templates for a site in
// dir; title "" is dir's name.
func newSiteData(dir, title, base, version string) (siteFields, error) {
	d := siteFields{Title: title, BaseURL: base, Language: config.Default().Language,
		Install: modulePath + "@" + version, CacheDir: site.CacheDir}
	if d.Title == "" {
		d.Title = titleOf(dir)
	}
	d.Publisher = d.Title
	var err error
	d.Scales.Claim, d.Scales.Article, err = site.DefaultScales(nil, d.Language)
	return d, err
}

// titleOf is the title of a site in dir by default: its folder's name,
// capitalised, with "-" and "_" as spaces ("my-reviews" is "My reviews").
func titleOf(dir string) string {
	name := filepath.Base(dir)
	if abs, err := filepath.Abs(dir); err == nil {
		name = filepath.Base(abs)
	}
	name = strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(name))
	r, n := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(r)) + name[n:]
}

// releaseRE is a released version, which go install can fetch.
var releaseRE = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+$`)

// installVersion is the version of scholia a new site's workflow installs:
// this binary's when it is a release, so that the site builds as it did
// here, else the latest.
func installVersion(bi *debug.BuildInfo, ok bool) string {
	if ok && releaseRE.MatchString(bi.Main.Version) {
		return bi.Main.Version
	}
	return "latest"
}

// siteFiles executes every template under new/site of the default theme.
// They are text/template files with the delimiters [[ and ]], since the
// files hold {{< scale >}} shortcodes and GitHub's ${{ }} expressions;
// [[yaml .X]] quotes a string for YAML. A path segment "dot-NAME" is
// written ".NAME", since the theme cannot embed hidden files.
func siteFiles(d siteFields) ([]siteFile, error) {
	var files []siteFile
	err := fs.WalkDir(templates.FS, newSiteDir, func(p string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		src, err := fs.ReadFile(templates.FS, p)
		if err != nil {
			return err
		}
		t, err := template.New(path.Base(p)).Delims("[[", "]]").Option("missingkey=error").
			Funcs(template.FuncMap{"yaml": strconv.Quote}).Parse(string(src))
		if err != nil {
			return fmt.Errorf("templates/%s: %w", p, err)
		}
		var b bytes.Buffer
		if err := t.Execute(&b, d); err != nil {
			return fmt.Errorf("templates/%s: %w", p, err)
		}
		files = append(files, siteFile{rel: outName(strings.TrimPrefix(p, newSiteDir+"/")), data: b.Bytes()})
		return nil
	})
	return files, err
}

// outName is where the template at rel (under new/site) is written.
func outName(rel string) string {
	segs := strings.Split(rel, "/")
	for i, s := range segs {
		if name, ok := strings.CutPrefix(s, "dot-"); ok {
			segs[i] = "." + name
		}
	}
	return strings.Join(segs, "/")
}

// writeNewSite writes files into dir, which must not exist or be empty (a
// Git repository's .git aside, so that a fresh clone can become a site).
// On any error it removes what it made, and only that, and leaves dir as
// it found it.
func writeNewSite(dir string, files []siteFile) (err error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("new site %s: %w", dir, err)
	case len(entries) > 1 || len(entries) == 1 && entries[0].Name() != ".git":
		return fmt.Errorf("new site %s: the folder is not empty (it has %s); new site writes only into a new or empty folder", dir, entries[0].Name())
	}
	var made []string // files and folders, in the order made
	defer func() {
		if err != nil {
			for i := len(made) - 1; i >= 0; i-- {
				os.Remove(made[i])
			}
		}
	}()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.rel))
		if err := mkdirs(filepath.Dir(p), &made); err != nil {
			return err
		}
		if err := createNew(p, string(f.data)); err != nil {
			return err
		}
		made = append(made, p)
	}
	return nil
}

// mkdirs makes dir and its missing parents, adding each to made.
func mkdirs(dir string, made *[]string) error {
	if fi, err := os.Stat(dir); err == nil {
		if !fi.IsDir() {
			return fmt.Errorf("%s is not a folder", dir)
		}
		return nil
	}
	if parent := filepath.Dir(dir); parent != dir {
		if err := mkdirs(parent, made); err != nil {
			return err
		}
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	*made = append(*made, dir)
	return nil
}
