package schemaorg

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func vocabulary(t *testing.T) *Vocabulary {
	t.Helper()
	v, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func decode(t *testing.T, doc string) any {
	t.Helper()
	var x any
	if err := json.Unmarshal([]byte(doc), &x); err != nil {
		t.Fatalf("bad test JSON: %v\n%s", err, doc)
	}
	return x
}

func TestLoad(t *testing.T) {
	v := vocabulary(t)
	if v.Version() != "30.0" || len(v.Commit()) != 40 {
		t.Errorf("release %q, commit %q", v.Version(), v.Commit())
	}
	if len(v.types) <= 700 || len(v.props) <= 1400 || len(v.members) <= 300 {
		t.Errorf("%d types, %d properties, %d members: too few for schema.org", len(v.types), len(v.props), len(v.members))
	}
	if len(data) >= 1<<20 {
		t.Errorf("vocabulary.tsv is %d bytes; it is meant to be well under 1 MB", len(data))
	}
	// The release names DeliveryTimeSettings, from the attic, in the
	// domain of properties it keeps. Anything else missing means gen
	// dropped a term.
	missing := map[string]bool{}
	check := func(names []string) {
		for _, n := range names {
			if !v.HasType(n) && n != "DeliveryTimeSettings" {
				missing[n] = true
			}
		}
	}
	for _, c := range v.types {
		check(c.supers)
	}
	for _, p := range v.props {
		check(p.domain)
		check(p.rng)
	}
	for _, types := range v.members {
		check(types)
	}
	if len(missing) > 0 {
		t.Errorf("types named but not defined: %v", missing)
	}
}

func TestLoadShared(t *testing.T) {
	a, b := vocabulary(t), vocabulary(t)
	if a != b {
		t.Error("Load parsed the data twice")
	}
}

func TestParseMalformed(t *testing.T) {
	for _, tc := range []struct {
		name, text string
	}{
		{name: "unknown record", text: "# version\t1\nX\tThing\t\n"},
		{name: "short type", text: "# version\t1\nT\tThing\n"},
		{name: "empty", text: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := parse(tc.text); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestSubClassOf(t *testing.T) {
	v := vocabulary(t)
	for _, tc := range []struct {
		typ, super string
		want       bool
	}{
		{typ: "ClaimReview", super: "ClaimReview", want: true},
		{typ: "ClaimReview", super: "Thing", want: true},
		{typ: "MediaReview", super: "CreativeWork", want: true},
		{typ: "Claim", super: "CreativeWork", want: true},
		// LocalBusiness has two parents; both count.
		{typ: "LocalBusiness", super: "Organization", want: true},
		{typ: "LocalBusiness", super: "Place", want: true},
		{typ: "URL", super: "Text", want: true},
		{typ: "Integer", super: "Number", want: true},
		{typ: "Person", super: "Organization", want: false},
		{typ: "Text", super: "Thing", want: false},
		{typ: "NoSuchType", super: "Thing", want: false},
	} {
		t.Run(tc.typ+"<"+tc.super, func(t *testing.T) {
			if got := v.SubClassOf(tc.typ, tc.super); got != tc.want {
				t.Errorf("SubClassOf = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestTerms(t *testing.T) {
	v := vocabulary(t)
	if !v.MemberOf("OriginalMediaContent", "MediaManipulationRatingEnumeration") || !v.MemberOf("InStock", "Enumeration") {
		t.Error("MemberOf misses a member")
	}
	if v.MemberOf("InStock", "MediaManipulationRatingEnumeration") {
		t.Error("MemberOf takes a member of another enumeration")
	}
	for _, typ := range []string{"Text", "URL", "Date", "DateTime", "Time", "Number", "Integer", "Float", "Boolean", "Duration"} {
		if !v.isDataType(typ) {
			t.Errorf("%s is not a data type", typ)
		}
	}
	if v.isDataType("Thing") || v.isDataType("Rating") {
		t.Error("a Thing is a data type")
	}
	domain, rng, ok := v.Property("itemReviewed")
	if !ok || !slices.Contains(domain, "Review") || !slices.Equal(rng, []string{"Thing"}) {
		t.Errorf("itemReviewed: domain %v, range %v, %v", domain, rng, ok)
	}
}

func TestDateForms(t *testing.T) {
	for _, tc := range []struct {
		s                    string
		date, dateTime, time bool
	}{
		{s: "2024-02-29", date: true},
		{s: "2024-02", date: true},
		{s: "2024", date: true},
		{s: "2023-02-29"},
		{s: "2024-13-01"},
		{s: "24-01-01"},
		{s: "2024-01-02T10:30:00Z", dateTime: true},
		{s: "2024-01-02T10:30:00.123+02:00", dateTime: true},
		{s: "2024-01-02T10:30-0500", dateTime: true},
		{s: "2024-01-02T10:30", dateTime: true},
		{s: "2024-01-02T25:00:00Z"},
		{s: "2024-01T10:00"},
		{s: "2024-01-02 10:30:00"},
		{s: "10:30", time: true},
		{s: "23:59:60Z", time: true},
		{s: "10:61"},
	} {
		t.Run(tc.s, func(t *testing.T) {
			if got := isDate(tc.s); got != tc.date {
				t.Errorf("isDate = %v", got)
			}
			if got := isDateTime(tc.s); got != tc.dateTime {
				t.Errorf("isDateTime = %v", got)
			}
			if got := isTime(tc.s); got != tc.time {
				t.Errorf("isTime = %v", got)
			}
		})
	}
}

func TestErrorText(t *testing.T) {
	for _, tc := range []struct {
		err  Error
		want string
	}{
		{err: Error{Path: "@graph[3].author", Msg: "m"}, want: "@graph[3].author: m"},
		{err: Error{Msg: "m"}, want: "(root): m"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			if got := tc.err.Error(); got != tc.want {
				t.Errorf("got %q", got)
			}
		})
	}
}

func ExampleVocabulary_Validate() {
	voc, err := Load()
	if err != nil {
		panic(err)
	}
	var doc any
	err = json.Unmarshal([]byte(`{"@context": "https://schema.org", "@graph": [
	  {"@type": "ClaimReview", "claimReviewed": "The moon is cheese",
	   "reviewRating": {"@type": "Person", "name": "A. Reviewer"},
	   "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "nmae": "B"}}},
	  {"@type": "WebPage", "url": "/a/", "datePublished": "2024-02-30"}]}`), &doc)
	if err != nil {
		panic(err)
	}
	for _, err := range voc.Validate(doc, AbsoluteURLs) {
		fmt.Println(err)
	}
	// Output:
	// @graph[0].itemReviewed.author: unknown property "nmae"
	// @graph[0].reviewRating: want Rating, not Person
	// @graph[1].datePublished: "2024-02-30" is not an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm:ssZ)
	// @graph[1].url: "/a/" is a relative URL; want an absolute one
}

// errorTexts is what a test compares.
func errorTexts(errs []error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

func lines(l []string) string { return "\t" + strings.Join(l, "\n\t") }
