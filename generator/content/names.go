package content

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/scholia/scholia/generator/diag"
)

// The rules for the names of files under content/, which become URLs and
// the paths of the output:
//
//   - A name may hold any character that can be written in a URL once
//     percent-encoded (spaces, "#", "?", "%", any script): page.Site.URL
//     encodes it.
//   - A backslash is refused: browsers read it as "/" in a URL, and Windows
//     as a folder separator. So are control characters and bytes that are
//     not UTF-8, which no URL or terminal shows faithfully.
//   - Two names in one folder that differ only in case or in Unicode form
//     (é as one code point or as e and a combining accent) are refused:
//     macOS and Windows take them for one file.

// checkName returns an error when the file or folder at p has a name that
// cannot make a clean URL.
func checkName(p, name string) *diag.Error {
	switch {
	case !utf8.ValidString(name):
		return &diag.Error{Path: p, Msg: "the name is not valid UTF-8: rename it"}
	case strings.ContainsRune(name, '\\'):
		return &diag.Error{Path: p, Msg: `the name holds a backslash (\), which browsers read as "/" in a URL: rename it`}
	case strings.ContainsFunc(name, func(r rune) bool { return diag.Escape(string(r)) != string(r) }):
		return &diag.Error{Path: p, Msg: "the name holds a control character (shown escaped here): rename it"}
	}
	return nil
}

// nameSet finds names that differ only in case or Unicode form, by folder.
type nameSet map[string]string // folded path -> the path first seen

// Fold is the form in which two names that macOS or Windows take for one
// are equal: case-folded, in Unicode NFC. It is safe for concurrent use
// (a cases.Caser is not, so each call makes its own). An ASCII name, as
// nearly every output path is, folds to its lower case without the cost
// of either.
func Fold(name string) string {
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			return cases.Fold().String(norm.NFC.String(name))
		}
	}
	return strings.ToLower(name)
}

// add records p, adding an error to errs when it clashes with a name seen
// before.
func (s nameSet) add(p string, errs *diag.List) {
	dir, name := path.Split(p)
	k := dir + Fold(name)
	first, ok := s[k]
	if !ok {
		s[k] = p
		return
	}
	how := "in case"
	if norm.NFC.String(first) == norm.NFC.String(p) {
		how = "in Unicode form (NFC and NFD)"
	}
	errs.Add(&diag.Error{Path: p, Msg: fmt.Sprintf("the name differs from %s only %s, and macOS and Windows take the two for one file: rename or remove one", diag.Escape(first), how)})
}

// followLink decides what the walk does with the symbolic link at p: it is
// followed (ok) only to a file inside the site. The site's file system
// (an os.Root) refuses links that lead out of it; any other is left out
// with a warning that names it, never silently.
func followLink(fsys fs.FS, p string) (warn *diag.Error, ok bool) {
	info, err := fs.Stat(fsys, p)
	switch {
	case err == nil && info.Mode().IsRegular() && linkStaysIn(fsys, p):
		return nil, true
	case err == nil && info.IsDir():
		return &diag.Error{Path: p, Msg: "a symbolic link to a folder: skipped; copy the folder, or link each file", Warning: true}, false
	}
	return &diag.Error{Path: p, Msg: "a symbolic link that leads out of the site, or nowhere: skipped (scholia reads only files inside the site's folder)", Warning: true}, false
}

// linkStaysIn checks the link's own target as text, for file systems that
// would follow it anywhere (os.DirFS): an absolute target, or one that
// climbs out of the site's root, is out.
func linkStaysIn(fsys fs.FS, p string) bool {
	target, err := fs.ReadLink(fsys, p)
	if err != nil {
		return true // the file system resolved it, within itself
	}
	if path.IsAbs(target) || strings.HasPrefix(target, "/") {
		return false
	}
	return fs.ValidPath(path.Join(path.Dir(p), target))
}
