package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"
	"time"

	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/templates"
)

var newPathRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*$`)

func runNew(e *env, args []string) error {
	if len(args) > 0 && args[0] == "site" {
		return runNewSite(e, args[1:])
	}
	flags := e.flags("new")
	src := flags.String("src", ".", "the site `folder`")
	if err := e.parse(flags, args); err != nil {
		return err
	}
	if flags.Arg(0) == "site" {
		return fmt.Errorf("%w: new site DIR makes DIR the site; it takes no -src", errUsage)
	}
	if flags.NArg() != 1 {
		return fmt.Errorf("%w: new takes one PATH, such as articles/my-review, or site DIR", errUsage)
	}
	rel := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(flags.Arg(0)), "content/"), ".md")
	if !newPathRE.MatchString(rel) {
		return fmt.Errorf("%w: new %s: PATH is lowercase words joined by '-', in folders, such as articles/my-review", errUsage, flags.Arg(0))
	}
	md := filepath.Join(*src, "content", filepath.FromSlash(rel)+".md")
	sidecar := strings.TrimSuffix(md, ".md") + ".annotations.yaml"
	data := newData(os.DirFS(*src), rel, time.Now())
	article, err := newFile(os.DirFS(*src), "article.md", data)
	if err != nil {
		return err
	}
	if data.Text, err = textFingerprint(os.DirFS(*src), "content/"+rel+".md", article); err != nil {
		return err
	}
	review, err := newFile(os.DirFS(*src), "annotations.yaml", data)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(md), 0o755); err != nil {
		return err
	}
	if err := createNew(md, article); err != nil {
		return err
	}
	if err := createNew(sidecar, review); err != nil {
		os.Remove(md) // leave nothing half made
		return err
	}
	at := ""
	if *src != "." {
		at = " -src " + *src
	}
	fmt.Fprintf(e.stdout, `created %s
created %s

Next:
  1. Paste the text under review into %s, below its front matter.
  2. Review its claims in %s: uncomment the example and copy it for each claim.
  3. Preview it with live reload (serve shows drafts): scholia serve%s
     and open http://127.0.0.1:1313/%s/
  4. Check every review at once: scholia check%s
  5. Publish: delete draft: true from the front matter, then scholia build%s (or push to main).
`, md, sidecar, md, sidecar, at, rel, at, at)
	return nil
}

// newFields are what the templates of new see.
type newFields struct {
	Title, Slug, Date, Article  string
	ClaimGrade, ClaimGrades     string // an example grade, and every grade id
	ArticleGrade, ArticleGrades string
	Text                        string // the new article's fingerprint, for review.text
}

// newData fills the templates' fields from the site's scales (the default
// ones when site.yaml is broken: check says what is wrong with it).
func newData(site fs.FS, rel string, now time.Time) newFields {
	cfg, err := config.Load(site)
	if err != nil {
		cfg = config.Default()
	}
	name := path.Base(rel)
	title := strings.ReplaceAll(name, "-", " ")
	ids := func(s config.Scale) (example, all string) {
		var list []string
		for _, g := range s {
			list = append(list, g.ID)
			if g.Value == nil && example == "" {
				example = g.ID
			}
		}
		// An example that takes no side: off the scale, or in its middle.
		if example == "" {
			example = list[len(list)/2]
		}
		return example, strings.Join(list, ", ")
	}
	d := newFields{Title: strings.ToUpper(title[:1]) + title[1:], Slug: name, Date: now.Format("2006-01-02"), Article: "content/" + rel + ".md"}
	d.ClaimGrade, d.ClaimGrades = ids(cfg.Scales.Claim)
	d.ArticleGrade, d.ArticleGrades = ids(cfg.Scales.Article)
	return d
}

// newFile executes the template name of new: the site's
// templates/new/NAME, else the default theme's.
func newFile(site fs.FS, name string, d newFields) (string, error) {
	src, err := fs.ReadFile(site, "templates/new/"+name)
	file := "templates/new/" + name
	if errors.Is(err, fs.ErrNotExist) {
		src, err = fs.ReadFile(templates.FS, "new/"+name)
	}
	if err != nil {
		return "", err
	}
	t, err := template.New(name).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return "", fmt.Errorf("%s: %w", file, err)
	}
	var b strings.Builder
	if err := t.Execute(&b, d); err != nil {
		return "", fmt.Errorf("%s: %w", file, err)
	}
	return b.String(), nil
}

// createNew writes a file that must not exist yet; O_EXCL makes the check
// and the creation one step, so nothing is ever overwritten.
func createNew(name, text string) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; not overwriting it", name)
	}
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
