package site

import (
	"path"
	"strings"

	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/diag"
)

// owner is what makes an output: an article, a file of the site copied
// as it is, or scholia (a list page, annotations, an asset).
type owner struct {
	kind ownerKind
	path string // the content file it comes from, if any
	name string // how errors name it; "" names it of+path
	of   string // what of path it is, when name is "": "the annotations of "
}

// describe is how errors name o. Names made of a path are made only for
// an error: every output of every article is claimed on every run.
func (o owner) describe() string {
	if o.name != "" {
		return o.name
	}
	return o.of + o.path
}

type ownerKind int

const (
	ownerPage   ownerKind = iota // an article's page
	ownerStatic                  // a file of content/ copied as it is
	ownerMade                    // a list page, annotations, an asset, the code stylesheet
)

// claim plans the output at rel for o: false when another owner has it
// already. content.CheckOutputs reports two articles, or an article and a
// copied file, at one path, with the place of the slug; every other clash
// is reported by clashErrors.
func (r *run) claim(rel string, o owner) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	first, ok := r.plan[rel]
	if !ok {
		if r.folderClash(rel, o) || r.caseClash(rel, o) || r.longName(rel, o) {
			return false
		}
		r.plan[rel] = o
		for d := path.Dir(rel); d != "."; d = path.Dir(d) {
			if _, known := r.dirs[d]; known {
				break // and so are the folders above it
			}
			r.dirs[d] = rel
		}
		return true
	}
	if first == o {
		return true
	}
	// Two articles whose annotations clash make one page too, which
	// CheckOutputs reports.
	bothArticles := content.IsArticle(first.path) && content.IsArticle(o.path)
	if (first.kind == ownerMade || o.kind == ownerMade) && !bothArticles {
		r.clashes[rel] = clash{first, o, rel, samePath}
	}
	return false
}

// clash is two owners of one output, or of a file and a folder at one
// path, or of two paths that differ only in case: at is the path that
// first has.
type clash struct {
	first, second owner
	at            string
	why           clashKind
}

type clashKind int

const (
	samePath   clashKind = iota
	fileFolder           // a file where another output needs a folder
	caseOnly             // paths that differ only in case or Unicode form
	tooLong              // a name longer than a file system takes
)

// maxName is the longest file or folder name, in bytes, that common file
// systems take (ext4, APFS and NTFS: 255).
const maxName = 255

// caseClash records a clash when rel, or one of its folders, differs from
// a planned output only in case or Unicode form: macOS and Windows would
// write the two into one file or folder.
func (r *run) caseClash(rel string, o owner) bool {
	for p := rel; p != "."; p = path.Dir(p) {
		other, ok := r.folds[content.Fold(p)]
		if ok && other == p {
			break // p was checked, with the folders above it
		}
		if ok {
			under := other
			if _, isFile := r.plan[other]; !isFile {
				under = r.dirs[other]
			}
			r.clashes[rel] = clash{r.plan[under], o, other, caseOnly}
			return true
		}
	}
	for p := rel; p != "."; p = path.Dir(p) {
		k := content.Fold(p)
		if r.folds[k] == p {
			break
		}
		r.folds[k] = p
	}
	return false
}

// shorten keeps a message about a very long path readable.
func shorten(p string) string {
	if len(p) <= 80 {
		return p
	}
	return p[:40] + "..." + p[len(p)-30:]
}

// longName records the clash of an output whose path has a name no file
// system takes, so that check reports it as build would.
func (r *run) longName(rel string, o owner) bool {
	for _, seg := range strings.Split(rel, "/") {
		if len(seg) > maxName {
			r.clashes[rel] = clash{o, o, rel, tooLong}
			return true
		}
	}
	return false
}

// folderClash records a clash when rel is a folder of a planned output, or
// a planned output is one of rel's folders, as when an article's slug is
// feed.xml.
func (r *run) folderClash(rel string, o owner) bool {
	if under, ok := r.dirs[rel]; ok {
		r.clashes[rel] = clash{r.plan[under], o, under, fileFolder}
		return true
	}
	for d := path.Dir(rel); d != "."; d = path.Dir(d) {
		if first, ok := r.plan[d]; ok {
			r.clashes[rel] = clash{first, o, d, fileFolder}
			return true
		}
	}
	return false
}

// clashErrors says which two sources make one output, for each clash.
func (r *run) clashErrors() diag.List {
	var errs diag.List
	for _, rel := range sortedKeys(r.clashes) {
		c := r.clashes[rel]
		a, b, aRel, bRel := c.second, c.first, rel, c.at
		if a.path == "" || b.path != "" && b.path < a.path {
			// Name a file of the site first, and in a stable order.
			a, b, aRel, bRel = b, a, bRel, aRel
		}
		switch c.why {
		case samePath:
			errs.Add(diag.Errorf(a.path, 0, 0, "%s would make %s, which is %s: rename or move %s", a.path, rel, b.describe(), a.path))
		case fileFolder:
			errs.Add(diag.Errorf(a.path, 0, 0, "%s would make %s, and %s is taken (by %s): one path cannot be both a file and a folder; rename or move %s",
				a.path, aRel, bRel, b.describe(), a.path))
		case caseOnly:
			errs.Add(diag.Errorf(a.path, 0, 0, "%s would make %s, which differs from %s (made by %s) only in case or Unicode form: macOS and Windows take the two for one; rename or move %s",
				a.path, aRel, bRel, b.describe(), a.path))
		case tooLong:
			errs.Add(diag.Errorf(a.path, 0, 0, "%s would make %s, with a name longer than the %d bytes file systems take: shorten its slug, tag or file name",
				a.describe(), shorten(rel), maxName))
		}
	}
	return errs
}
