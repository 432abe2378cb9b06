package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Marker is the hidden file beside an output folder by which Scholia knows
// the folder as its own: for public, .public.scholia-output in the same
// parent. A build replaces a non-empty folder only when it has one, so a
// mistyped -out never wipes someone's documents. The marker stands beside
// the folder, not in it, so that it is never published with the site.
//
// The marker names the folder it stands for by its inode, which no file in
// a repository can know: a cloned site that ships a marker beside a link
// public -> .git does not get its .git replaced.
func Marker(dir string) string {
	dir = filepath.Clean(dir)
	return filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+markerSuffix)
}

const (
	markerSuffix = ".scholia-output"
	markerText   = "The folder beside this file is written by scholia build and replaced on every build.\n"
	// legacyMarker is the marker that builds before this one left inside
	// the output; it is removed from a folder that is swapped out.
	legacyMarker = ".scholia-output"
)

// ID returns the build id in the marker of the output folder dir, "" when
// it has none, its id is not known or it stands for another folder.
func ID(dir string) string {
	id, ok := readMarker(dir)
	if !ok {
		return ""
	}
	return id
}

// readMarker reads the marker of dir: ok when it stands for dir.
func readMarker(dir string) (id string, ok bool) {
	b, err := os.ReadFile(Marker(dir))
	if err != nil || !strings.HasPrefix(string(b), markerText) {
		return "", false
	}
	info, err := os.Stat(dir)
	if err != nil {
		return "", false
	}
	var folders []string
	for _, line := range strings.Split(strings.TrimPrefix(string(b), markerText), "\n") {
		if v, found := strings.CutPrefix(line, "build: "); found {
			id = v
		} else if v, found := strings.CutPrefix(line, "folder: "); found {
			folders = strings.Fields(v)
		}
	}
	return id, slices.Contains(folders, strconv.FormatUint(inode(info), 10))
}

// writeID writes the marker of dir with id ("" while what dir holds is
// not known), naming dir by its inode, and also the folders in also (a
// folder about to be swapped in for dir). It writes by a rename, so that
// the marker is never half-written.
func writeID(dir, id string, also ...string) error {
	var inodes []string
	for _, d := range append([]string{dir}, also...) {
		if info, err := os.Stat(d); err == nil {
			inodes = append(inodes, strconv.FormatUint(inode(info), 10))
		}
	}
	m := Marker(dir)
	tmp := m + ".new"
	text := markerText + "build: " + id + "\nfolder: " + strings.Join(inodes, " ") + "\n"
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, m)
}

// removeID removes the marker of dir, if any.
func removeID(dir string) error {
	if err := os.Remove(Marker(dir)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// checkReplaceable refuses a dir that is not empty and has no marker.
func checkReplaceable(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, ok := readMarker(dir); ok {
		return nil
	}
	return errors.New("refusing to replace " + dir + ": it is not empty and was not written by scholia (no " + filepath.Base(Marker(dir)) + " beside it that names this folder); remove it or choose another -out")
}

// Resolve returns the folder a build should write for the output dir: dir
// itself, or where it leads when it is a symbolic link. A link is then
// kept and its target's contents replaced, rather than the link being
// replaced by a folder while its target keeps stale output.
func Resolve(dir string) (string, error) {
	info, err := os.Lstat(dir)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return dir, nil
	}
	target, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", fmt.Errorf("the output folder %s is a symbolic link that leads nowhere (%w): fix or remove the link", dir, err)
	}
	return target, nil
}
