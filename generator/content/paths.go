package content

import (
	"path"
	"strings"
)

// Dir is the folder of a site that holds its content.
const Dir = "content"

// StaticDir is the folder under Dir whose files land at the site's root.
const StaticDir = Dir + "/static"

// SidecarSuffix ends the name of a sidecar: NAME.annotations.yaml is the
// review of NAME.md.
const SidecarSuffix = ".annotations.yaml"

// Skip reports whether a file or folder name is hidden or an editor's
// temporary file, which Load leaves out: names starting with "." or "#" and
// names ending with "~", ".swp" or ".tmp".
func Skip(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".tmp")
}

// IsSidecar reports whether p names a sidecar (outside content/static/).
func IsSidecar(p string) bool {
	return strings.HasSuffix(p, SidecarSuffix) && !isStatic(p)
}

// IsArticle reports whether p names an article: a .md file under content/
// but not under content/static/.
func IsArticle(p string) bool {
	return strings.HasPrefix(p, Dir+"/") && strings.HasSuffix(p, ".md") && !isStatic(p)
}

// skipPath reports whether the walk leaves out the file or folder at p
// named name: SkipStatic decides under content/static/, Skip elsewhere.
func skipPath(p, name string) bool {
	if isStatic(p) {
		return SkipStatic(name)
	}
	return Skip(name)
}

// SkipStatic reports whether a file or folder name under content/static/
// is left out. Hidden names there are published (.nojekyll, .well-known/),
// all but version control, the Finder's .DS_Store and editors' temporary
// files.
func SkipStatic(name string) bool {
	switch {
	case name == ".git", name == ".DS_Store", strings.HasPrefix(name, ".#"):
		return true
	case strings.HasPrefix(name, "."):
		return strings.HasSuffix(name, ".swp")
	}
	return Skip(name)
}

func isStatic(p string) bool { return strings.HasPrefix(p, StaticDir+"/") }

// SidecarPath returns the path of the sidecar of the article at p:
// "content/a/x.md" -> "content/a/x.annotations.yaml".
func SidecarPath(p string) string {
	return strings.TrimSuffix(p, ".md") + SidecarSuffix
}

// ArticlePath returns the path of the article that the sidecar at p
// reviews: "content/a/x.annotations.yaml" -> "content/a/x.md".
func ArticlePath(p string) string {
	return strings.TrimSuffix(p, SidecarSuffix) + ".md"
}

// FileOut returns where a file under content/ that is not an article or a
// sidecar is copied, relative to the output folder: files under
// content/static/ land at the root ("content/static/CNAME" -> "CNAME"), any
// other at the same place below content/ ("content/a/img.png" ->
// "a/img.png").
func FileOut(p string) string {
	if isStatic(p) {
		return strings.TrimPrefix(p, StaticDir+"/")
	}
	return strings.TrimPrefix(p, Dir+"/")
}

// pages computes where the article at p is published: its last URL
// segment, its URL path relative to base_url and its output file. slug,
// when not empty, replaces the last segment. home is true for
// content/index.md.
func pages(p, slug string) (seg, urlPath, outPath string, home bool) {
	rel := strings.TrimSuffix(strings.TrimPrefix(p, Dir+"/"), ".md")
	dir, name := path.Split(rel)
	if name == "index" {
		if dir == "" {
			return "", "", "index.html", true
		}
		dir, name = path.Split(strings.TrimSuffix(dir, "/"))
	}
	if slug != "" {
		name = slug
	}
	urlPath = dir + name + "/"
	return name, urlPath, urlPath + "index.html", false
}
