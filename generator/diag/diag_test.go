package diag

import (
	"bytes"
	"errors"
	"io/fs"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFormat(t *testing.T) {
	l := List{
		{Path: "content/b.md", Line: 3, Col: 7, Msg: `unknown key "titel"; did you mean "title"?`},
		{Path: "content/a,b.md", Line: 1, Col: 1, Msg: "100% wrong\nsecond line"},
		{Path: "content/static/x\x1b[31m\ny.txt", Msg: "a symbolic link out of the site: skipped", Warning: true},
		{Path: "content/\u202egnp.md", Line: 2, Msg: "bidi"},
		{Path: "site.yaml", Msg: "whole file"},
	}
	for _, tc := range []struct {
		format, want string
	}{
		{format: "text", want: "content/b.md:3:7: unknown key \"titel\"; did you mean \"title\"?\n" +
			"content/a,b.md:1:1: 100% wrong second line\n" +
			"content/static/x\\x1b[31m\\ny.txt: warning: a symbolic link out of the site: skipped\n" +
			"content/\\u202egnp.md:2: bidi\n" +
			"site.yaml: whole file\n"},
		{format: "github", want: "::error file=content/b.md,line=3,col=7::unknown key \"titel\"; did you mean \"title\"?\n" +
			"::error file=content/a%2Cb.md,line=1,col=1::100%25 wrong second line\n" +
			"::warning file=content/static/x\\x1b[31m\\ny.txt,line=0,col=0::a symbolic link out of the site: skipped\n" +
			"::error file=content/\\u202egnp.md,line=2,col=0::bidi\n" +
			"::error file=site.yaml,line=0,col=0::whole file\n"},
		{format: "json", want: `[
  {
    "path": "content/b.md",
    "line": 3,
    "col": 7,
    "severity": "error",
    "message": "unknown key \"titel\"; did you mean \"title\"?"
  },
  {
    "path": "content/a,b.md",
    "line": 1,
    "col": 1,
    "severity": "error",
    "message": "100% wrong second line"
  },
  {
    "path": "content/static/x\\x1b[31m\\ny.txt",
    "line": 0,
    "col": 0,
    "severity": "warning",
    "message": "a symbolic link out of the site: skipped"
  },
  {
    "path": "content/\\u202egnp.md",
    "line": 2,
    "col": 0,
    "severity": "error",
    "message": "bidi"
  },
  {
    "path": "site.yaml",
    "line": 0,
    "col": 0,
    "severity": "error",
    "message": "whole file"
  }
]
`},
	} {
		t.Run(tc.format, func(t *testing.T) {
			var b bytes.Buffer
			if err := Format(&b, l, tc.format); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, b.String()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if err := Format(&bytes.Buffer{}, l, "xml"); err == nil {
		t.Error("Format accepted an unknown format")
	}
}

func TestList(t *testing.T) {
	var l List
	l.Add(nil)
	if l.Err() != nil {
		t.Fatal("an empty List is an error")
	}
	l.Add(List{{Path: "b", Line: 2}, {Path: "a", Line: 9}})
	l.Add(Errorf("a", 1, 5, "reading: %w", fs.ErrNotExist))
	l.Add(errors.New("plain"))
	l.Sort()
	var got []string
	for _, e := range l {
		got = append(got, e.Pos())
	}
	if diff := cmp.Diff([]string{"", "a:1:5", "a:9", "b:2"}, got); diff != "" {
		t.Errorf("sorted places (-want +got):\n%s", diff)
	}
	if got := l[0].Error(); got != "plain" {
		t.Errorf("an error without a place reads %q, want %q", got, "plain")
	}
	if !errors.Is(l.Err(), fs.ErrNotExist) {
		t.Error("errors.Is does not see through a List and a wrapped cause")
	}
}
