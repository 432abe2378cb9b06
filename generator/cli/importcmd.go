package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/fix"
	"github.com/scholia/scholia/generator/importer"
)

// runImport adds annotations made elsewhere to an article's sidecar as
// claims (package importer), printing the change as a diff.
func runImport(e *env, args []string) error {
	fs := e.flags("import")
	src := fs.String("src", ".", "the site `folder`")
	article := fs.String("article", "", "the article the annotations are about: content/PATH.md")
	dryRun := fs.Bool("dry-run", false, "print what would change, and change nothing")
	// Flags may come before or after KIND FILE.
	var pos []string
	for rest := args; ; {
		if err := e.parse(fs, rest); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		pos, rest = append(pos, fs.Arg(0)), fs.Args()[1:]
	}
	if len(pos) != 2 || pos[0] != "hypothesis" && pos[0] != "w3c" {
		return fmt.Errorf("%w: import takes hypothesis FILE.json or w3c FILE.jsonld, and -article content/PATH.md", errUsage)
	}
	if !content.IsArticle(filepath.ToSlash(*article)) {
		return fmt.Errorf("%w: import: -article names the article, such as content/articles/x.md", errUsage)
	}
	data, err := os.ReadFile(pos[1])
	if err != nil {
		return fmt.Errorf("%w: import: %v", errUsage, err)
	}
	read := importer.W3C
	if pos[0] == "hypothesis" {
		read = importer.Hypothesis
	}
	anns, skips, err := read(data)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[1], err)
	}
	root, err := os.OpenRoot(*src)
	if err != nil {
		return fmt.Errorf("%w: -src %s: no such folder", errUsage, *src)
	}
	defer root.Close()
	res, sidecar, old, err := importInto(root.FS(), filepath.ToSlash(*article), anns)
	if err != nil {
		return err
	}
	if d := (&fix.Result{Path: sidecar, Old: old, New: res.New}).Diff(); d != "" {
		fmt.Fprint(e.stdout, d)
		if !*dryRun {
			if err := root.WriteFile(filepath.FromSlash(sidecar), res.New, 0o644); err != nil {
				return err
			}
		}
	}
	fmt.Fprintf(e.stderr, "%s: %d %s added, %d already there\n", sidecar, len(res.Added), plural(len(res.Added), "claim", "claims"), len(res.Duplicates))
	for _, s := range skips {
		fmt.Fprintf(e.stderr, "%s: skipped %s: %s\n", pos[1], s.ID, s.Why)
	}
	for _, m := range res.Misses {
		closest := ", nor anything close to it"
		if m.Closest != "" {
			closest = fmt.Sprintf("; closest %q, score %.2f", m.Closest, m.Score)
		}
		fmt.Fprintf(e.stderr, "%s: not imported %s: quote %q not found in %s%s\n", pos[1], m.Annotation.ID, m.Annotation.Exact, *article, closest)
	}
	if len(res.Misses) > 0 {
		return errSilent
	}
	return nil
}

// importInto merges anns into the sidecar of the article at p (which may
// not exist yet), returning the result, the sidecar's path and its text.
func importInto(fsys fs.FS, p string, anns []importer.Annotation) (*importer.Result, string, []byte, error) {
	cfg, err := config.Load(fsys)
	if err != nil {
		return nil, "", nil, err
	}
	sidecar := content.SidecarPath(p)
	old, err := fs.ReadFile(fsys, sidecar)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, "", nil, err
	}
	text, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, "", nil, fmt.Errorf("%w: -article %s: %v", errUsage, p, err)
	}
	a, _, err := content.Parse(cfg, p, text, func() ([]byte, bool, error) { return nil, false, nil }, &content.Options{Drafts: true, Future: true, Now: time.Now()})
	if err != nil {
		return nil, "", nil, err
	}
	md := textRenderer(cfg)
	r, err := md.Article(a.Path, a.Body, nil)
	if err != nil {
		return nil, "", nil, fmt.Errorf("%s: %w", p, err)
	}
	res, err := importer.Merge(r.Doc, cfg, sidecar, old, anns)
	if err != nil {
		return nil, "", nil, fmt.Errorf("%s: %w", sidecar, err)
	}
	return res, sidecar, old, nil
}
