package content

import (
	"path"
	"strconv"
	"strings"
)

// Dir is the folder of a site that holds its content.
const Dir = "content"

// StaticDir is the folder under Dir whose files land at the site's root.
const StaticDir = Dir + "/static"

// SidecarSuffix ends the name of a sidecar: NAME.annotations.yaml is the
// review of NAME.md.
const SidecarSuffix = ".annotations.yaml"

// Skip reports whether the walk leaves out a file or folder name outside
// content/static/: hidden names (starting with ".") and Scratch.
func Skip(name string) bool {
	return strings.HasPrefix(name, ".") || Scratch(name)
}

// Scratch reports whether a file or folder name is scratch that editors,
// version control or the operating system leave beside real files, which
// is never published and never triggers a rebuild: .git, .DS_Store, vim's
// .x.swp and 4913 probe files, emacs's .#x lock links and #x# auto-saves,
// ~ backups, JetBrains' ___jb_tmp___/___jb_old___ safe-write files and
// *.swp, *.swx, *.swo and *.tmp (in any case).
//
// Temporary files with other names (sed -i, many atomic writers) need no
// rule: the dev server's watcher reports only files that exist when a
// batch ends or existed before it, so a temp file created and renamed
// away in between is never seen.
func Scratch(name string) bool {
	switch {
	case name == ".git", name == ".DS_Store", strings.HasPrefix(name, ".#"):
		return true
	case strings.HasPrefix(name, "#"), strings.HasSuffix(name, "~"):
		return true
	case strings.Contains(name, "___jb_tmp___"), strings.Contains(name, "___jb_old___"):
		return true
	case vimProbe(name):
		return true
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".swp", ".swx", ".swo", ".tmp":
		return true
	}
	return false
}

// vimProbe reports whether name is one of the files vim creates to test
// whether it may write in a folder: 4913, then 4913+123, 4913+246, ... when
// the first is taken (vim's fileio.c).
func vimProbe(name string) bool {
	n, err := strconv.Atoi(name)
	return err == nil && n >= 4913 && (n-4913)%123 == 0 && strconv.Itoa(n) == name
}

// Skipped reports whether the walk leaves out the file at p, a slash path
// from the site root under content/: any of its names is Skip (SkipStatic
// under content/static/). The dev server watches what it keeps.
func Skipped(p string) bool {
	skip := Skip
	if isStatic(p) {
		skip = SkipStatic
	}
	for _, elem := range strings.Split(strings.TrimPrefix(p, Dir+"/"), "/") {
		if elem == "" || skip(elem) {
			return true
		}
	}
	return false
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
// is left out: only Scratch. Hidden names are published there
// (.nojekyll, .well-known/).
func SkipStatic(name string) bool { return Scratch(name) }

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
