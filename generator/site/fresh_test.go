package site

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/scholia/scholia/generator/outdir"
)

// The invariant behind the pipeline: whatever the edits, a site kept up to
// date by Live, or built with a warm cache, equals a fresh build byte for
// byte. The tests below apply random sequences of edits to a generated
// site and compare after each one.

// model is a site the tests can edit field by field and write out whole.
type model struct {
	title    string
	paginate int
	theme    bool   // a claims.html override that shows more than the default
	style    bool   // a stylesheet override
	home     string // the home page's own text, "" for none
	articles map[string]*mArticle
	static   map[string]string
	n        int // names made so far
}

type mArticle struct {
	title, desc string
	date        time.Time
	lastmod     time.Time
	slug        string
	tags        []string
	draft       bool
	sidecar     bool
	words       []string // one word per paragraph that edits change
	review      string
	claims      []*mClaim
}

type mClaim struct {
	id, rating, claimant, note string
	para                       int
}

var (
	ratings  = []string{"accurate", "mostly-accurate", "mixed", "misleading", "inaccurate", "unsupported", "not-checkable"}
	reviews  = []string{"very-high", "high", "neutral", "low", "very-low"}
	tagPool  = []string{"moon", "cheese", "Space Policy", "économie", "mice"}
	namePool = []string{"Minister", "The committee", "A spokesperson", ""}
	wordPool = []string{"quietly", "loudly", "often", "never", "twice"}
)

func newModel(rng *rand.Rand, n int) *model {
	m := &model{title: "Fresh", paginate: 2, articles: map[string]*mArticle{}, static: map[string]string{"content/static/CNAME": "fresh.example\n"}}
	for range n {
		m.addArticle(rng, true)
	}
	m.articles["content/about.md"] = &mArticle{title: "About", words: []string{"us"}}
	return m
}

func (m *model) name(rng *rand.Rand) string {
	m.n++
	dirs := []string{"content/", "content/articles/", "content/articles/2026/"}
	return fmt.Sprintf("%sa%d.md", dirs[rng.IntN(len(dirs))], m.n)
}

func (m *model) addArticle(rng *rand.Rand, sidecar bool) {
	a := &mArticle{
		title: fmt.Sprintf("Article %d", m.n), desc: "About the moon.",
		date: time.Date(2026, time.Month(1+rng.IntN(10)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC),
		tags: []string{tagPool[rng.IntN(len(tagPool))]}, sidecar: sidecar, review: reviews[rng.IntN(len(reviews))],
	}
	for range 4 {
		a.words = append(a.words, wordPool[rng.IntN(len(wordPool))])
	}
	if sidecar {
		for i := range 1 + rng.IntN(3) {
			a.claims = append(a.claims, &mClaim{id: fmt.Sprintf("c%d", i), rating: ratings[rng.IntN(len(ratings))], claimant: namePool[rng.IntN(len(namePool))], note: "A note.", para: i})
		}
	}
	m.articles[m.name(rng)] = a
}

// files writes the model out as a site.
func (m *model) files() map[string]string {
	files := map[string]string{"site.yaml": fmt.Sprintf("title: %s\nbase_url: https://fresh.example/\npaginate: %d\n", m.title, m.paginate)}
	maps := func(src map[string]string) {
		for k, v := range src {
			files[k] = v
		}
	}
	maps(m.static)
	if m.theme {
		files["templates/claims.html"] = `{{define "title"}}All claims{{end}}{{define "main"}}<ul>{{range .Claims}}<li>{{.Claim.Claim}} | {{.Note}} | {{.Claimant}} | {{.Grade.Label}} | {{.ArticleTitle}} | {{.Date.Year}}</li>{{end}}</ul>{{end}}`
		files["templates/home.html"] = `{{define "main"}}{{.Body}}{{range .Articles}}<p>{{.Title}} {{.Description}} {{.Lastmod}} {{.Tags}} {{with .Review}}{{.Label}} {{with .Value}}v={{.}}{{else}}none{{end}}{{end}}</p>{{end}}{{template "pager" .Paginator}}{{end}}`
	}
	if m.style {
		files["templates/assets/style.css"] = "body { color: rebeccapurple }\n"
	}
	if m.home != "" {
		files["content/index.md"] = "---\ntitle: Home\n---\n\n" + m.home + "\n"
	}
	for p, a := range m.articles {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %q\n", a.title)
		if a.sidecar || a.title != "About" {
			fmt.Fprintf(&b, "date: %s\ndescription: %q\ntags: [%s]\n", a.date.Format(time.DateOnly), a.desc, strings.Join(quoteAll(a.tags), ", "))
		}
		if a.draft {
			b.WriteString("draft: true\n")
		}
		if !a.lastmod.IsZero() {
			fmt.Fprintf(&b, "lastmod: %s\n", a.lastmod.Format(time.DateOnly))
		}
		if a.slug != "" {
			fmt.Fprintf(&b, "slug: %s\n", a.slug)
		}
		b.WriteString("---\n\n")
		for i, w := range a.words {
			fmt.Fprintf(&b, "Paragraph %d says the moon is *made* of cheese %s.\n\n", i, w)
		}
		files[p] = b.String()
		if !a.sidecar {
			continue
		}
		var s strings.Builder
		fmt.Fprintf(&s, "review:\n  rating: %s\n  summary: Reviewed.\nclaims:\n", a.review)
		for _, c := range a.claims {
			fmt.Fprintf(&s, "  - id: %s\n    quote: \"Paragraph %d says the moon is made\"\n    rating: %s\n    note: %q\n", c.id, c.para, c.rating, c.note)
			if c.claimant != "" {
				fmt.Fprintf(&s, "    claimant: %q\n", c.claimant)
			}
		}
		files[strings.TrimSuffix(p, ".md")+".annotations.yaml"] = s.String()
	}
	return files
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}

// edit changes one thing of the model at random and says what.
func (m *model) edit(rng *rand.Rand) string {
	paths := slices.Sorted(func(yield func(string) bool) {
		for p := range m.articles {
			if !yield(p) {
				return
			}
		}
	})
	p := paths[rng.IntN(len(paths))]
	a := m.articles[p]
	claim := func() *mClaim {
		if len(a.claims) == 0 {
			return &mClaim{}
		}
		return a.claims[rng.IntN(len(a.claims))]
	}
	switch rng.IntN(26) {
	case 0, 16, 17, 18:
		claim().note = fmt.Sprintf("Edited note %d.", rng.IntN(1000))
		return "note of " + p
	case 1:
		claim().rating = ratings[rng.IntN(len(ratings))]
		return "rating of " + p
	case 2:
		a.title = fmt.Sprintf("Retitled %d", rng.IntN(1000))
		return "title of " + p
	case 3:
		a.tags = []string{tagPool[rng.IntN(len(tagPool))], tagPool[rng.IntN(len(tagPool))]}
		return "tags of " + p
	case 4:
		a.date = a.date.AddDate(0, 0, rng.IntN(60)-30)
		return "date of " + p
	case 5:
		claim().claimant = namePool[rng.IntN(len(namePool))]
		return "claimant of " + p
	case 6:
		a.draft = !a.draft
		return "draft of " + p
	case 7:
		m.addArticle(rng, rng.IntN(3) > 0)
		return "new article"
	case 8:
		if len(m.articles) > 2 {
			delete(m.articles, p)
			m.articles[m.name(rng)] = a
		}
		return "rename " + p
	case 9:
		if len(m.articles) > 3 {
			delete(m.articles, p)
		}
		return "delete " + p
	case 10:
		dir := path.Dir(p) + "/"
		for q := range m.articles {
			if strings.HasPrefix(q, dir) && len(m.articles) > 3 && dir != "content/" {
				delete(m.articles, q)
			}
		}
		return "delete folder " + dir
	case 11:
		m.title = fmt.Sprintf("Fresh %d", rng.IntN(100))
		m.paginate = 1 + rng.IntN(3)
		return "site.yaml"
	case 12:
		m.theme = !m.theme
		return "theme override"
	case 13:
		a.words[rng.IntN(len(a.words))] = wordPool[rng.IntN(len(wordPool))]
		return "text of " + p
	case 14:
		// Names that need encoding in URLs, and hidden files, which
		// content/static/ publishes.
		names := []string{"f0.txt", "f1.txt", "sp ace#1.txt", ".nojekyll", ".well-known/security.txt"}
		m.static["content/static/"+names[rng.IntN(len(names))]] = fmt.Sprintf("v%d\n", rng.IntN(9))
		return "static file"
	case 15:
		a.desc = fmt.Sprintf("Described %d.", rng.IntN(1000))
		return "description of " + p
	case 19:
		m.style = !m.style
		return "stylesheet override"
	case 20:
		m.home = []string{"", "Welcome.", "Welcome *back*."}[rng.IntN(3)]
		return "home page"
	case 21:
		for _, k := range slices.Sorted(maps.Keys(m.static)) {
			delete(m.static, k)
			break
		}
		return "delete a static file"
	case 22:
		if p != "content/about.md" {
			a.sidecar = !a.sidecar
		}
		return "sidecar of " + p
	case 23:
		if p != "content/about.md" {
			m.n++
			a.slug = []string{"", fmt.Sprintf("s%d", m.n)}[rng.IntN(2)]
		}
		return "slug of " + p
	case 24:
		a.lastmod = a.date.AddDate(0, 1, 0)
		return "lastmod of " + p
	default:
		claim().note = "A note with a [link](https://example.org/) and *emphasis*."
		return "note of " + p
	}
}

// apply writes files into fsys, removing what is gone, and returns the
// changed paths as a watcher reports them.
func apply(fsys fstest.MapFS, files map[string]string, tick time.Time) []string {
	var changed []string
	for name := range fsys {
		if _, ok := files[name]; !ok {
			delete(fsys, name)
			changed = append(changed, name)
		}
	}
	for name, data := range files {
		if f, ok := fsys[name]; !ok || string(f.Data) != data {
			fsys[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644, ModTime: tick}
			changed = append(changed, name)
		}
	}
	sort.Strings(changed)
	return changed
}

// liveFiles is every output Live serves.
func liveFiles(t *testing.T, l *Live) map[string]string {
	t.Helper()
	out := map[string]string{}
	for rel := range l.state.Load().tree.files {
		b, ok := l.File(rel)
		if !ok {
			t.Fatalf("Live lists %s but cannot serve it", rel)
		}
		out[rel] = string(b)
	}
	return out
}

// builtFiles is every file a build writes. The output marker stands
// beside the folder, never in it, so that it is not published.
func builtFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := readTree(t, dir)
	if _, err := os.Stat(outdir.Marker(dir)); err != nil {
		t.Errorf("no output marker beside %s: %v", dir, err)
	}
	return files
}

// editSequence writes a generated site into fsys, calls start, then makes
// steps random edits, calling check after each with what it did and the
// paths it changed.
func editSequence(t *testing.T, seed uint64, steps int, start func(fsys fstest.MapFS), check func(fsys fstest.MapFS, what string, changed []string)) {
	rng := rand.New(rand.NewPCG(seed, 7))
	m := newModel(rng, 6)
	m.theme = seed%2 == 1
	fsys := fstest.MapFS{}
	tick := fixedNow.Add(-time.Hour)
	apply(fsys, m.files(), tick)
	start(fsys)
	for step := range steps {
		what := m.edit(rng)
		tick = tick.Add(time.Second)
		changed := apply(fsys, m.files(), tick)
		check(fsys, fmt.Sprintf("step %d (%s)", step, what), changed)
	}
}

func TestLiveEqualsFresh(t *testing.T) {
	steps := 40
	if testing.Short() {
		steps = 10
	}
	for seed := range uint64(3) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			var l *Live
			var before map[string]string // what Live served after the last update
			editSequence(t, seed, steps, func(fsys fstest.MapFS) {
				var err error
				if l, err = NewLive(Options{FS: fsys, Now: fixedNow}); err != nil {
					t.Fatal(err)
				}
				before = liveFiles(t, l)
			}, func(fsys fstest.MapFS, what string, changed []string) {
				up, err := l.Update(changed)
				if err != nil {
					t.Fatalf("%s: update: %v", what, err)
				}
				after := liveFiles(t, l)
				fresh := build(t, fsys, Options{})
				if diff := diffFiles(builtFiles(t, fresh), after); diff != "" {
					t.Fatalf("%s: live differs from a fresh build:\n%s", what, diff)
				}
				checkReported(t, what, up, before, after)
				before = after
			})
		})
	}
}

// checkReported checks that an update names exactly the outputs that
// changed and those that are gone: what the dev server tells open pages.
func checkReported(t *testing.T, what string, up *Update, before, after map[string]string) {
	t.Helper()
	var changed, removed []string
	for rel, b := range after {
		if old, ok := before[rel]; !ok || old != b {
			changed = append(changed, rel)
		}
	}
	for rel := range before {
		if _, ok := after[rel]; !ok {
			removed = append(removed, rel)
		}
	}
	sort.Strings(changed)
	sort.Strings(removed)
	if !slices.Equal(changed, up.Changed) || !slices.Equal(removed, up.Removed) {
		t.Errorf("%s: update reports changed %v, removed %v; the outputs changed %v, removed %v", what, up.Changed, up.Removed, changed, removed)
	}
}

// diffFiles names the files that differ, with the first difference of each.
func diffFiles(want, got map[string]string) string {
	var b strings.Builder
	for _, name := range slices.Sorted(mapKeys(want, got)) {
		w, wok := want[name]
		g, gok := got[name]
		switch {
		case !gok:
			fmt.Fprintf(&b, "missing %s\n", name)
		case !wok:
			fmt.Fprintf(&b, "extra %s\n", name)
		case w != g:
			i := 0
			for i < len(w) && i < len(g) && w[i] == g[i] {
				i++
			}
			lo := max(0, i-60)
			fmt.Fprintf(&b, "%s differs at byte %d:\n  want …%q\n  got  …%q\n", name, i, w[lo:min(len(w), i+60)], g[lo:min(len(g), i+60)])
		}
	}
	return b.String()
}

func mapKeys(ms ...map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		seen := map[string]bool{}
		for _, m := range ms {
			for k := range m {
				if !seen[k] {
					seen[k] = true
					if !yield(k) {
						return
					}
				}
			}
		}
	}
}
