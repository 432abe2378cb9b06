package server

import (
	"path"
	"strconv"
	"strings"

	"github.com/scholia/scholia/generator/content"
)

// ignored reports whether a file or folder name (one path element) is
// scratch that editors, version control or the operating system leave
// beside real files, which must never trigger a rebuild: hidden names
// (.git, .DS_Store, vim's .x.swp, emacs's .#x lock links), emacs's #x#
// auto-saves, ~ backups, vim's 4913 probe files, JetBrains'
// ___jb_tmp___/___jb_old___ safe-write files and *.swp, *.swx, *.swo and
// *.tmp.
//
// Temporary files with other names (sed -i, many atomic writers) need no
// rule: the watcher reports only files that exist when a batch ends or
// existed before it, so a temp file created and renamed away in between is
// never seen.
func ignored(name string) bool {
	switch {
	case name == "":
		return false
	case strings.HasPrefix(name, "."): // hidden, .#x, .x.swp, .DS_Store
		return true
	case strings.HasPrefix(name, "#"), strings.HasSuffix(name, "#"):
		return true
	case strings.HasSuffix(name, "~"):
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

// watched reports whether rel, a slash path relative to the site root, is
// one the dev server watches: site.yaml, or content/ or templates/ and
// anything under them whose path has no ignored element.
func watched(rel string) bool {
	if rel == "site.yaml" {
		return true
	}
	top, rest, _ := strings.Cut(rel, "/")
	if top != "content" && top != "templates" {
		return false
	}
	static := strings.HasPrefix(rel, content.StaticDir+"/")
	for rest != "" {
		var elem string
		elem, rest, _ = strings.Cut(rest, "/")
		// Hidden files under content/static/ are published, so their
		// edits must rebuild; the walk's own rule says which.
		published := static && strings.HasPrefix(elem, ".") && !content.SkipStatic(elem)
		if elem == "" || ignored(elem) && !published {
			return false
		}
	}
	return true
}
