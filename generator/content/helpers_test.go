package content

import (
	"errors"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/scholia/scholia/generator/diag"
)

// siteFS turns a txtar archive (file names relative to the site root) into
// a file system.
func siteFS(archive string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// errLines returns the errors of err as text lines; err must be a
// diag.List.
func errLines(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("error %v (%T) is not a diag.List", err, err)
	}
	var lines []string
	for _, e := range list {
		lines = append(lines, e.Error())
	}
	return lines
}
