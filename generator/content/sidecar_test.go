package content

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/scholia/scholia/generator/anchor"
	"github.com/scholia/scholia/generator/config"
)

const designSidecar = `review:
  rating: low
  summary: |
    The piece relays two groups' account without corroboration.
  reviewers: [Review desk]
  date: 2026-11-20
claims:
  - id: guns-from-russia
    quote: their guns originally came from Russian government sources
    prefix: "video exclusive that "
    suffix: "."
    occurrence: 1
    claim: Taliban groups got guns from Russian government sources
    claimant: Two Taliban groups, via CNN
    rating: unsupported
    note: |
      The footage shows at least one Kalashnikov but no markings.
    sources:
      - title: CNN video report (as cited in the article)
        url: https://edition.cnn.com/videos/x
        publisher: CNN
        date: 2017-07-25
        archived: https://web.archive.org/web/2017/x
        excerpt: "..."
`

func TestDecodeSidecarDesignExample(t *testing.T) {
	got, err := DecodeSidecar("content/a.annotations.yaml", []byte(designSidecar), config.Default())
	if err != nil {
		t.Fatal(err)
	}
	want := &Sidecar{
		Path: "content/a.annotations.yaml",
		Review: &Review{
			Rating:    "low",
			Summary:   "The piece relays two groups' account without corroboration.\n",
			Reviewers: []Reviewer{{Name: "Review desk"}},
			Date:      time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC),
			TextPos:   Pos{Line: 2, Col: 3}, // where text: would go: an old sidecar has none
			Pos:       Pos{Line: 2, Col: 3},
		},
		Claims: []Claim{{
			ID: "guns-from-russia",
			Quote: anchor.Quote{
				Exact:      "their guns originally came from Russian government sources",
				Prefix:     "video exclusive that ",
				Suffix:     ".",
				Occurrence: 1,
			},
			Claim:    "Taliban groups got guns from Russian government sources",
			Claimant: Claimant{Name: "Two Taliban groups, via CNN"},
			Rating:   "unsupported",
			Note:     "The footage shows at least one Kalashnikov but no markings.\n",
			Sources: []Source{{
				Title:     "CNN video report (as cited in the article)",
				URL:       "https://edition.cnn.com/videos/x",
				Publisher: "CNN",
				Date:      time.Date(2017, 7, 25, 0, 0, 0, 0, time.UTC),
				Archived:  "https://web.archive.org/web/2017/x",
				Excerpt:   "...",
			}},
			Pos:      Pos{Line: 8, Col: 5},
			QuotePos: Pos{Line: 9, Col: 12},
		}},
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(Claim{}, "Keys")); diff != "" {
		t.Errorf("sidecar (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]Pos{"id": {8, 5}, "quote": {9, 5}, "prefix": {10, 5}, "suffix": {11, 5}, "occurrence": {12, 5}, "claim": {13, 5}, "claimant": {14, 5}, "rating": {15, 5}, "note": {16, 5}, "sources": {18, 5}}, got.Claims[0].Keys); diff != "" {
		t.Errorf("key positions (-want +got):\n%s", diff)
	}
}

func TestDecodeSidecarQuoteForms(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		want     anchor.Quote
		wantPos  Pos
		wantText string // Claim.Claim
	}{
		{
			name:     "text",
			src:      "claims:\n  - id: a\n    rating: mixed\n    quote: big   numbers\n",
			want:     anchor.Quote{Exact: "big   numbers"},
			wantPos:  Pos{Line: 4, Col: 12},
			wantText: "big numbers",
		},
		{
			name:     "text with selectors beside it",
			src:      "claims:\n  - id: a\n    quote: big\n    prefix: \"the \"\n    suffix: \" one\"\n    occurrence: 2\n    rating: mixed\n",
			want:     anchor.Quote{Exact: "big", Prefix: "the ", Suffix: " one", Occurrence: 2},
			wantPos:  Pos{Line: 3, Col: 12},
			wantText: "big",
		},
		{
			name:     "mapping",
			src:      "claims:\n  - id: a\n    rating: mixed\n    quote:\n      prefix: \"the \"\n      exact: big\n      suffix: \" one\"\n      occurrence: 3\n",
			want:     anchor.Quote{Exact: "big", Prefix: "the ", Suffix: " one", Occurrence: 3},
			wantPos:  Pos{Line: 6, Col: 14},
			wantText: "big",
		},
		{
			name:     "flow mapping with a suffix beside it",
			src:      "claims:\n  - id: a\n    rating: mixed\n    quote: {exact: big, prefix: \"the \"}\n    suffix: \" one\"\n    claim: Big is big\n",
			want:     anchor.Quote{Exact: "big", Prefix: "the ", Suffix: " one"},
			wantPos:  Pos{Line: 4, Col: 20},
			wantText: "Big is big",
		},
		{
			name:     "block scalar",
			src:      "claims:\n  - id: a\n    rating: mixed\n    quote: >\n      big\n      numbers\n",
			want:     anchor.Quote{Exact: "big numbers\n"},
			wantPos:  Pos{Line: 4, Col: 12},
			wantText: "big numbers",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, err := DecodeSidecar("s.yaml", []byte(tt.src), config.Default())
			if err != nil {
				t.Fatal(err)
			}
			c := sc.Claims[0]
			if diff := cmp.Diff(tt.want, c.Quote); diff != "" {
				t.Errorf("quote (-want +got):\n%s", diff)
			}
			if c.QuotePos != tt.wantPos {
				t.Errorf("QuotePos = %v, want %v", c.QuotePos, tt.wantPos)
			}
			if c.Claim != tt.wantText {
				t.Errorf("Claim = %q, want %q", c.Claim, tt.wantText)
			}
		})
	}
}

func TestDecodeSidecarErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "unknown key with suggestion",
			src:  "claims:\n  - id: a\n    quote: q\n    ratng: mixed\n    rating: mixed\n",
			want: []string{`s.yaml:4:5: unknown key "ratng" in claim; did you mean "rating"?`},
		},
		{
			name: "unknown top-level key",
			src:  "claim:\n  - id: a\n",
			want: []string{`s.yaml:1:1: unknown key "claim" in the sidecar; did you mean "claims"?`},
		},
		{
			name: "wrong types",
			src:  "review: low\nclaims:\n  - id: a\n    quote: [q]\n    rating: mixed\n    occurrence: first\n    sources: {title: T}\n",
			want: []string{
				`s.yaml:1:9: review must be a mapping of "key: value" lines, not the text "low"`,
				`s.yaml:4:12: quote must be text, not a list`,
				`s.yaml:6:17: occurrence must be a whole number, not the text "first"`,
				`s.yaml:7:14: sources must be a list ("- item" lines or [a, b]), not a mapping`,
			},
		},
		{
			name: "not a fingerprint",
			src:  "review:\n  rating: low\n  text: 9f2c\n",
			want: []string{`s.yaml:3:9: text "9f2c" is not a fingerprint: it is sha256: and 64 hex digits, which scholia new and scholia fix write (delete the line and run scholia fix to make it)`},
		},
		{
			name: "rated_by not a reviewer",
			src:  "review:\n  rating: low\n  reviewers: [{name: Ann Lee}, Bob]\nclaims:\n  - id: a\n    quote: q\n    rating: mixed\n    rated_by: Ann Le\n",
			want: []string{`s.yaml:8:15: rated_by names "Ann Le", who is not among the review's reviewers (Ann Lee, Bob); did you mean "Ann Lee"?`},
		},
		{
			name: "rated_by without reviewers",
			src:  "claims:\n  - id: a\n    quote: q\n    rating: mixed\n    rated_by: Ann\n",
			want: []string{`s.yaml:5:15: rated_by names "Ann", but the review lists no reviewers: add them to review.reviewers`},
		},
		{
			name: "reviewer without a name",
			src:  "review:\n  rating: low\n  reviewers:\n    - {role: Editor}\n",
			want: []string{`s.yaml:4:7: the reviewer has no name: add name:`},
		},
		{
			name: "update of an unknown claim and grade",
			src:  "updates:\n  - date: 2026-11-25\n    note: Re-rated.\n    claim: b\n    from: true-ish\n  - date: 2026-11-26\n    note: Re-rated the review.\n    from: mixed\nclaims:\n  - id: a\n    quote: q\n    rating: mixed\n",
			want: []string{
				`s.yaml:4:12: the update names claim "b", which the sidecar does not have: use the id of one of its claims`,
				`s.yaml:5:11: from "true-ish" is not a grade of the claim scale (accurate, mostly-accurate, mixed, misleading, inaccurate, unsupported, not-checkable): give the grade the update replaced`,
				`s.yaml:8:11: from "mixed" is not a grade of the article scale (very-high, high, neutral, low, very-low): give the grade the update replaced`,
			},
		},
		{
			name: "claims not a list of mappings",
			src:  "claims:\n  - just text\n",
			want: []string{`s.yaml:2:5: each item of claims must be a mapping with id, quote and rating, not text`},
		},
		{
			name: "duplicate claim id",
			src:  "claims:\n  - id: a\n    quote: q\n    rating: mixed\n  - id: a\n    quote: r\n    rating: mixed\n",
			want: []string{`s.yaml:5:9: duplicate claim id "a" (first at line 2): ids must be unique in the file`},
		},
		{
			name: "duplicate key",
			src:  "claims:\n  - id: a\n    quote: q\n    rating: mixed\n    rating: accurate\n",
			want: []string{`s.yaml:5:5: duplicate key "rating" in claim (first at line 4): keep one`},
		},
		{
			name: "bad and missing ids",
			src:  "claims:\n  - id: Guns_From Russia\n    quote: q\n    rating: mixed\n  - quote: r\n    rating: mixed\n",
			want: []string{
				`s.yaml:2:9: claim id "Guns_From Russia" may use only lowercase letters, digits and -, like "guns-from-russia"`,
				`s.yaml:5:5: the claim has no id: add id: with a short name of lowercase letters, digits and - (it becomes #claim-ID)`,
			},
		},
		{
			name: "unknown grades",
			src:  "review:\n  rating: accurate\nclaims:\n  - id: a\n    quote: q\n    rating: mostly-acurate\n",
			want: []string{
				`s.yaml:2:11: unknown rating "accurate": use a grade of the article scale (very-high, high, neutral, low, very-low)`,
				`s.yaml:6:13: unknown rating "mostly-acurate": use a grade of the claim scale (accurate, mostly-accurate, mixed, misleading, inaccurate, unsupported, not-checkable); did you mean "mostly-accurate"?`,
			},
		},
		{
			name: "missing quote, rating and review rating",
			src:  "review:\n  summary: s\nclaims:\n  - id: a\n  - id: b\n    quote:\n    rating:\n",
			want: []string{
				`s.yaml:2:3: the review has no rating: add rating: with a grade of the article scale (very-high, high, neutral, low, very-low)`,
				`s.yaml:4:5: claim "a" has no quote: add quote: with the article's words that it reviews`,
				`s.yaml:4:5: claim "a" has no rating: add rating: with a grade of the claim scale (accurate, mostly-accurate, mixed, misleading, inaccurate, unsupported, not-checkable)`,
				`s.yaml:6:5: claim "b" has no quote: add quote: with the article's words that it reviews`,
				`s.yaml:7:5: claim "b" has no rating: add rating: with a grade of the claim scale (accurate, mostly-accurate, mixed, misleading, inaccurate, unsupported, not-checkable)`,
			},
		},
		{
			name: "empty quote and empty exact",
			src:  "claims:\n  - id: a\n    quote: \"\"\n    rating: mixed\n  - id: b\n    quote: {prefix: x}\n    rating: mixed\n",
			want: []string{
				`s.yaml:3:12: the quote of claim "a" is empty: give the article's words that it reviews`,
				`s.yaml:6:12: the quote of claim "b" has no exact text: add exact: with the article's words`,
			},
		},
		{
			name: "both forms of a selector",
			src:  "claims:\n  - id: a\n    quote:\n      exact: q\n      prefix: p\n      occurrence: 1\n    prefix: p\n    occurrence: 2\n    rating: mixed\n",
			want: []string{
				`s.yaml:7:5: prefix is given twice, here and in quote: keep one`,
				`s.yaml:8:5: occurrence is given twice, here and in quote: keep one`,
			},
		},
		{
			name: "occurrence below 1",
			src:  "claims:\n  - id: a\n    quote: {exact: q, occurrence: 0}\n    rating: mixed\n",
			want: []string{`s.yaml:3:35: occurrence counts matches from 1, not 0: write 1 for the first match, 2 for the second, ...`},
		},
		{
			name: "claim longer than 75 characters",
			src:  "claims:\n  - id: a\n    quote: q\n    rating: mixed\n    claim: " + strings.Repeat("é", 76) + "\n",
			want: []string{`s.yaml:5:12: claim is 76 characters long: shorten it to 75 or fewer (it is the claimReviewed that search engines show)`},
		},
		{
			name: "sources: non-http URLs, impossible date, no title or url",
			src: `claims:
  - id: a
    quote: q
    rating: mixed
    sources:
      - url: ftp://example.org/report.pdf
        archived: web.archive.org/x
        date: 2017-02-29
      - publisher: CNN
`,
			want: []string{
				`s.yaml:6:14: url "ftp://example.org/report.pdf" must be an http(s) URL, not ftp: like https://example.org/page`,
				`s.yaml:7:19: archived "web.archive.org/x" is not a full URL: start it with https:// (or http://)`,
				`s.yaml:8:15: date "2017-02-29" is not a real date (day out of range); write YYYY-MM-DD (2026-11-20) or RFC 3339 (2026-11-20T09:30:00Z)`,
				`s.yaml:9:9: the source has neither title nor url: add at least one`,
			},
		},
		{
			name: "impossible review date",
			src:  "review:\n  rating: low\n  date: 2026-11-31\n",
			want: []string{`s.yaml:3:9: date "2026-11-31" is not a real date (day out of range); write YYYY-MM-DD (2026-11-20) or RFC 3339 (2026-11-20T09:30:00Z)`},
		},
		{
			name: "claimant, media and appearance",
			src: "claims:\n  - id: a\n    quote: q\n    rating: mixed\n    claimant: {name: CNN, type: company}\n    media: {type: film, rating: Fake, url: \"javascript:x\"}\n" +
				"    appearance: {url: https://a.example/, dated: 2020-01-01}\n  - id: b\n    quote: r\n    rating: mixed\n    claimant: {type: person}\n    media: {url: \"https://a.example/v.mp4\"}\n    date: 2020-13-01\n",
			want: []string{
				`s.yaml:5:33: unknown claimant type "company": use one of person, organization`,
				`s.yaml:6:19: unknown media type "film": use one of video, image, audio`,
				`s.yaml:6:33: unknown media rating "Fake": use one of OriginalMediaContent, DecontextualizedContent, EditedOrCroppedContent, TransformedContent, StagedContent, SatireOrParodyContent`,
				`s.yaml:6:44: url "javascript:x" must be an http(s) URL, not javascript: like https://example.org/page`,
				`s.yaml:7:43: unknown key "dated" in appearance; did you mean "date"?`,
				`s.yaml:11:15: the claimant has no name: add name:, or write the claimant as plain text`,
				`s.yaml:12:12: media has no type: add type: (video, image, audio)`,
				`s.yaml:13:11: date "2020-13-01" is not a real date (month out of range); write YYYY-MM-DD (2026-11-20) or RFC 3339 (2026-11-20T09:30:00Z)`,
			},
		},
		{
			name: "updates",
			src:  "updates:\n  - {date: 2026-11-25, note: Fixed.}\n  - {date: 2026-11-26}\n  - just text\nclaims: []\n",
			want: []string{
				`s.yaml:3:5: an update needs a date and a note: say when the review changed and what changed`,
				`s.yaml:4:5: each item of updates must be a mapping with date and note, not text`,
			},
		},
		{
			name: "syntax error stops the file",
			src:  "claims:\n  - id: a\n    quote: \"unclosed\n    rating: mixed\n",
			want: []string{`s.yaml:3:12: YAML syntax error: could not find end character of double-quoted text; close the quote`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeSidecar("s.yaml", []byte(tt.src), config.Default())
			if diff := cmp.Diff(tt.want, errLines(t, err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDecodeSidecarKeepsGoodClaims: beside the errors of one claim, the
// sidecar holds the other claims, so that their quotes are still checked.
func TestDecodeSidecarKeepsGoodClaims(t *testing.T) {
	src := "claims:\n  - id: a\n    quote: one\n    rating: [oops]\n  - id: b\n    quote: two\n    rating: mixed\n  - id: c\n    rating: mixed\n"
	sc, err := DecodeSidecar("s.yaml", []byte(src), config.Default())
	if err == nil || sc == nil {
		t.Fatalf("sidecar %v, error %v: want both", sc, err)
	}
	var ids []string
	for _, c := range sc.Claims {
		ids = append(ids, c.ID)
	}
	if diff := cmp.Diff([]string{"b"}, ids); diff != "" {
		t.Errorf("claims kept (-want +got):\n%s", diff)
	}
}

func TestDecodeSidecarUsesTheSiteScales(t *testing.T) {
	cfg := config.Default()
	cfg.Scales = config.Scales{
		Claim:   config.Scale{{ID: "true"}, {ID: "false"}},
		Article: config.Scale{{ID: "good"}},
	}
	src := "review:\n  rating: good\nclaims:\n  - id: a\n    quote: q\n    rating: false\n  - id: b\n    quote: q\n    rating: mixed\n"
	_, err := DecodeSidecar("s.yaml", []byte(src), cfg)
	want := []string{`s.yaml:9:13: unknown rating "mixed": use a grade of the claim scale (true, false)`}
	if diff := cmp.Diff(want, errLines(t, err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestDecodeSidecarEmpty(t *testing.T) {
	for _, src := range []string{"", "# nothing yet\n", "claims: []\n"} {
		sc, err := DecodeSidecar("s.yaml", []byte(src), config.Default())
		if err != nil || sc == nil || sc.Review != nil || len(sc.Claims) != 0 {
			t.Errorf("DecodeSidecar(%q) = %+v, %v; want an empty sidecar", src, sc, err)
		}
	}
}

// TestDecodeSidecarRecoversFromSyntaxErrors: a YAML syntax error in one
// claim stops that claim, not the others, at either indentation of the
// list, and the list ends where the sidecar's next key starts.
func TestDecodeSidecarRecoversFromSyntaxErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // the ids kept
	}{
		{name: "indented list", want: []string{"a", "c"},
			src: "claims:\n  - id: a\n    quote: one\n    rating: mixed\n  - id: b\n    quote: \"unclosed\n    rating: mixed\n  - id: c\n    quote: three\n    rating: mixed\n"},
		{name: "list at the key's column, then a key", want: []string{"a"},
			src: "claims:\n- id: a\n  quote: one\n  rating: mixed\n- id: b\n  note: \"unclosed\n  rating: mixed\nreview:\n  rating: low\n"},
		{name: "a block note with dashes inside", want: []string{"a"},
			src: "claims:\n  - id: a\n    quote: one\n    rating: mixed\n    note: |\n      - not an item\n  - id: b\n    quote: [unclosed\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := DecodeSidecar("s.yaml", []byte(tc.src), config.Default())
			if err == nil || !strings.Contains(err.Error(), "YAML syntax error") {
				t.Fatalf("err = %v, want the syntax error", err)
			}
			var ids []string
			for _, c := range sc.Claims {
				ids = append(ids, c.ID)
			}
			if diff := cmp.Diff(tc.want, ids); diff != "" {
				t.Errorf("claims kept (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDecodeSidecarRicherForms reads the optional forms: a claimant as a
// mapping, a claim's own appearance and date, its media, and the update
// log.
func TestDecodeSidecarRicherForms(t *testing.T) {
	src := `review:
  rating: low
  text: sha256:9f2c000000000000000000000000000000000000000000000000000000000000
  reviewers:
    - Review desk
    - {name: A. Reviewer, role: Fact-checker, url: "https://desk.example/a", affiliation: Review desk}
updates:
  - date: 2026-11-25
    note: Re-rated a claim.
    claim: footage-shows
    from: mostly-accurate
claims:
  - id: footage-shows
    quote: q
    rating: unsupported
    rated_by: A. Reviewer
    claimant: {name: CNN, type: organization, url: "https://cnn.example/"}
    appearance: {url: "https://cnn.example/v", title: Exclusive, publisher: CNN, date: 2017-07-25}
    date: 2017-07-24
    media: {type: video, url: "https://cnn.example/v.mp4", rating: OriginalMediaContent}
`
	sc, err := DecodeSidecar("s.yaml", []byte(src), config.Default())
	if err != nil {
		t.Fatal(err)
	}
	c := sc.Claims[0]
	day := func(m time.Month, d int, y int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name      string
		got, want any
	}{
		{name: "claimant", got: c.Claimant, want: Claimant{Name: "CNN", Type: "organization", URL: "https://cnn.example/"}},
		{name: "appearance", got: c.Appearance, want: &Original{URL: "https://cnn.example/v", Title: "Exclusive", Publisher: "CNN", Date: day(7, 25, 2017)}},
		{name: "date", got: c.Date, want: day(7, 24, 2017)},
		{name: "media", got: c.Media, want: &Media{Type: "video", URL: "https://cnn.example/v.mp4", Rating: "OriginalMediaContent"}},
		{name: "updates", got: sc.Updates, want: []Update{{Date: day(11, 25, 2026), Note: "Re-rated a claim.", Claim: "footage-shows", From: "mostly-accurate", Pos: Pos{Line: 8, Col: 5}}}},
		{name: "text", got: []any{sc.Review.Text, sc.Review.TextPos}, want: []any{"sha256:9f2c" + strings.Repeat("0", 60), Pos{Line: 3, Col: 3}}},
		{name: "reviewers", got: sc.Review.Reviewers, want: []Reviewer{{Name: "Review desk"},
			{Name: "A. Reviewer", Role: "Fact-checker", URL: "https://desk.example/a", Affiliation: "Review desk", Person: true}}},
		{name: "rated_by", got: c.RatedBy, want: "A. Reviewer"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}
