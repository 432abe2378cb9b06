package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/fix"
	"github.com/scholia/scholia/generator/i18n"
	"github.com/scholia/scholia/generator/markup"
	"github.com/scholia/scholia/generator/site"
	"github.com/scholia/scholia/templates"
)

// runFix re-anchors the claims whose quotes no longer match their edited
// articles (package fix), printing each change as a diff.
func runFix(e *env, args []string) error {
	fs := e.flags("fix")
	src := fs.String("src", ".", "the site `folder`")
	minScore := fs.Float64("min-score", fix.DefaultMinScore, "the `score` (0 to 1) a passage needs to replace a quote")
	dryRun := fs.Bool("dry-run", false, "print what would change, and change nothing")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *minScore <= 0 || *minScore > 1 {
		return fmt.Errorf("%w: -min-score %v: want a score above 0, at most 1", errUsage, *minScore)
	}
	root, err := os.OpenRoot(*src)
	if err != nil {
		return fmt.Errorf("%w: -src %s: no such folder", errUsage, *src)
	}
	defer root.Close()
	fsys := root.FS()
	cfg, err := config.Load(fsys)
	if err != nil {
		return err
	}
	// Drafts and future articles are reviewed too: fix works before they
	// are published.
	site, loadErr := content.Load(fsys, cfg, content.Options{Drafts: true, Future: true, Now: time.Now()})
	want, err := fixTargets(fs.Args())
	if err != nil {
		return err
	}
	md := textRenderer(cfg)
	cat, err := i18n.Load(templates.FS, fsys, cfg.Language)
	if err != nil {
		return err
	}
	misses := 0
	for _, a := range site.Articles {
		if a.Sidecar == nil || want != nil && !want[a.Path] {
			continue
		}
		opts := fix.Options{MinScore: *minScore, Today: time.Now(), Note: logNote(cat)}
		if a.Front.Draft {
			opts.Note = nil // readers have not seen the review: nothing to log
		}
		res, err := fixArticle(fsys, md, cfg, a, opts)
		if err != nil {
			return err
		}
		if d := res.Diff(); d != "" {
			fmt.Fprint(e.stdout, d)
			if !*dryRun {
				if err := root.WriteFile(filepath.FromSlash(res.Path), res.New, 0o644); err != nil {
					return err
				}
			}
		}
		for _, c := range res.Changes {
			fmt.Fprintf(e.stderr, "%s: %s\n", res.Path, c.Summary())
		}
		if res.Recorded {
			fmt.Fprintf(e.stderr, "%s: the review now stands for the article's text (review.text)\n", res.Path)
		}
		for _, m := range res.Misses {
			misses++
			best := ""
			if m.Closest != "" {
				best = fmt.Sprintf("; closest %q, score %.2f", m.Closest, m.Score)
			}
			fmt.Fprintf(e.stderr, "%s:%d: claim %q not re-anchored: %s%s\n", res.Path, m.Line, m.ID, m.Why, best)
		}
	}
	if loadErr != nil {
		printContentErrors(e.stderr, loadErr, "text", nil)
		return errSilent
	}
	if misses > 0 {
		return errSilent
	}
	return nil
}

// fixTargets are the articles the command line names (an article or its
// sidecar, under content/), or nil for all.
func fixTargets(args []string) (map[string]bool, error) {
	if len(args) == 0 {
		return nil, nil
	}
	want := map[string]bool{}
	for _, a := range args {
		p := filepath.ToSlash(filepath.Clean(a))
		if s, ok := strings.CutSuffix(p, ".annotations.yaml"); ok {
			p = s + ".md"
		}
		if !content.IsArticle(p) {
			return nil, fmt.Errorf("%w: fix %s: name an article or its sidecar, such as content/articles/x.md", errUsage, a)
		}
		want[p] = true
	}
	return want, nil
}

// fixArticle re-anchors one article's claims, and checks that what it
// writes reads back as a sidecar whose changed quotes anchor.
func fixArticle(fsys fs.FS, md *markup.Renderer, cfg *config.Config, a *content.Article, opts fix.Options) (*fix.Result, error) {
	src, err := fs.ReadFile(fsys, a.Sidecar.Path)
	if err != nil {
		return nil, err
	}
	r, err := md.Article(a.Path, a.Body, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Path, err)
	}
	// The last build's positions, when its output is where build puts it.
	if b, err := fs.ReadFile(fsys, path.Join("public", site.AnnotationsPath(a.OutPath))); err == nil {
		opts.Old = fix.OldPositions(b)
	}
	res, err := fix.Sidecar(r.Doc, a.Sidecar, src, opts)
	if err != nil || len(res.Changes) == 0 {
		return res, err
	}
	sc, err := content.DecodeSidecar(a.Sidecar.Path, res.New, cfg)
	if err != nil && !isDiag(err) {
		return nil, err
	}
	for _, c := range res.Changes {
		i := slices.IndexFunc(sc.Claims, func(x content.Claim) bool { return x.ID == c.ID })
		if i < 0 || sc.Claims[i].Quote != c.New {
			return nil, fmt.Errorf("%s: fix wrote a sidecar that does not read back (claim %q): please report it", a.Sidecar.Path, c.ID)
		}
		if _, err := r.Doc.Find(sc.Claims[i].Quote); err != nil {
			return nil, fmt.Errorf("%s: claim %q does not anchor after fix: %v", a.Sidecar.Path, c.ID, err)
		}
	}
	return res, nil
}

// logNote words the log entry of a text that changed, in the site's
// language: which quotes moved, or that none did.
func logNote(cat *i18n.Catalog) func([]fix.Change) string {
	return func(cs []fix.Change) string {
		if len(cs) == 0 {
			s, _ := cat.String("log_text_changed_none_moved")
			return s
		}
		var moved []string
		for _, c := range cs {
			s, _ := cat.String("log_quote_moved", "id", c.ID, "quote", c.New.Exact)
			moved = append(moved, s)
		}
		s, _ := cat.String("log_text_changed", "moved", cat.Join(moved))
		return s
	}
}

// textFingerprint is the fingerprint of the article text, at name in the
// site, that a review of it reads (review.text), as fix records it.
func textFingerprint(site fs.FS, name, text string) (string, error) {
	cfg, err := config.Load(site)
	if err != nil {
		cfg = config.Default()
	}
	a, _, err := content.Parse(cfg, name, []byte(text), func() ([]byte, bool, error) { return nil, false, nil }, nil)
	if err != nil {
		return "", err
	}
	r, err := textRenderer(cfg).Article(a.Path, a.Body, nil)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return r.Doc.Fingerprint(), nil
}

func isDiag(err error) bool {
	var l diag.List
	return errors.As(err, &l)
}

// textRenderer renders articles as a build does, for the commands that
// need only their text (fix, import) to anchor quotes in.
func textRenderer(cfg *config.Config) *markup.Renderer {
	return markup.New(markup.Options{Unsafe: cfg.UnsafeHTML, Limits: cfg.Limits.Markdown, SearchWork: cfg.Limits.SearchWork})
}
