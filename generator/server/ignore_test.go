package server

import "testing"

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"a.md": false, "a.annotations.yaml": false, "style.css": false, "CNAME": false, "2024": false, "4914": false,
		".a.md.swp": true, "a.md.swp": true, ".a.md.swx": true, "a.swo": true, "x.tmp": true, "X.TMP": true,
		"4913": true, "5036": true, "04913": false,
		"#a.md#": true, ".#a.md": true, "a.md~": true, "#x": true,
		"a.md___jb_tmp___": true, "a.md___jb_old___": true,
		".DS_Store": true, ".git": true, ".hidden": true,
	} {
		if got := ignored(name); got != want {
			t.Errorf("ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestWatched(t *testing.T) {
	for rel, want := range map[string]bool{
		"site.yaml": true, "content": true, "templates": true,
		"content/a.md": true, "content/x/y/z.md": true, "templates/assets/style.css": true,
		"public/index.html": false, "README.md": false, "site.yml": false, "contents/a.md": false,
		"content/.git/HEAD": false, "content/x/.a.md.swp": false, "content/a.md~": false,
		"content/.hidden/a.md": false, "content//a.md": false,
		"content/static/.nojekyll": true, "content/static/.well-known/security.txt": true,
		"content/static/.git/HEAD": false, "content/static/.DS_Store": false, "content/static/.#a.txt": false, "content/static/.a.txt.swp": false,
	} {
		if got := watched(rel); got != want {
			t.Errorf("watched(%q) = %v, want %v", rel, got, want)
		}
	}
}
