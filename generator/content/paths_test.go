package content

import "testing"

func TestSkip(t *testing.T) {
	tests := []struct {
		name         string
		skip, static bool // Skip, and SkipStatic (under content/static/)
	}{
		{name: "a.md"}, {name: "style.css"}, {name: "CNAME"}, {name: "2024"}, {name: "4914"}, {name: "04913"}, {name: "c#"},
		{name: ".nojekyll", skip: true}, {name: ".well-known", skip: true}, {name: ".hidden", skip: true},
		{name: ".git", skip: true, static: true}, {name: ".DS_Store", skip: true, static: true},
		{name: ".a.md.swp", skip: true, static: true}, {name: "a.md.swp", skip: true, static: true},
		{name: ".a.md.swx", skip: true, static: true}, {name: "a.swo", skip: true, static: true},
		{name: "x.tmp", skip: true, static: true}, {name: "X.TMP", skip: true, static: true},
		{name: "4913", skip: true, static: true}, {name: "5036", skip: true, static: true},
		{name: "#a.md#", skip: true, static: true}, {name: "#x", skip: true, static: true},
		{name: ".#a.md", skip: true, static: true}, {name: "a.md~", skip: true, static: true},
		{name: "a.md___jb_tmp___", skip: true, static: true}, {name: "a.md___jb_old___", skip: true, static: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Skip(tt.name); got != tt.skip {
				t.Errorf("Skip = %v, want %v", got, tt.skip)
			}
			if got := SkipStatic(tt.name); got != tt.static {
				t.Errorf("SkipStatic = %v, want %v", got, tt.static)
			}
		})
	}
}

func TestSkipped(t *testing.T) {
	for p, want := range map[string]bool{
		"content/a.md": false, "content/c#/intro.md": false, "content/static/.nojekyll": false,
		"content/static/.well-known/security.txt": false, "content/static/notes.SWO": true,
		"content/.hidden/a.md": true, "content/static/.git/HEAD": true, "content//a.md": true,
	} {
		if got := Skipped(p); got != want {
			t.Errorf("Skipped(%q) = %v, want %v", p, got, want)
		}
	}
}
