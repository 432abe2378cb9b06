package server

import "testing"

func TestWatched(t *testing.T) {
	for rel, want := range map[string]bool{
		"site.yaml": true, "content": true, "templates": true,
		"content/a.md": true, "content/x/y/z.md": true, "templates/assets/style.css": true,
		"public/index.html": false, "README.md": false, "site.yml": false, "contents/a.md": false,
		"content/.git/HEAD": false, "content/x/.a.md.swp": false, "content/a.md~": false,
		"content/.hidden/a.md": false, "content//a.md": false,
		"content/static/.nojekyll": true, "content/static/.well-known/security.txt": true,
		"content/static/.git/HEAD": false, "content/c#/intro.md": true, "content/static/notes.SWO": false,
		"content/4913": false, "templates/page.html~": false, "templates/.x.swp": false, "content/static/.DS_Store": false, "content/static/.#a.txt": false, "content/static/.a.txt.swp": false,
	} {
		if got := watched(rel); got != want {
			t.Errorf("watched(%q) = %v, want %v", rel, got, want)
		}
	}
}
