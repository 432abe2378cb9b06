package schemaorg

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// claimReview is the ClaimReview a Scholia article page carries.
const claimReview = `{
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  "@id": "https://example.org/checks/moon/#review",
  "url": "https://example.org/checks/moon/",
  "claimReviewed": "The moon is made of cheese.",
  "datePublished": "2024-05-01",
  "dateModified": "2024-05-02T09:30:00+02:00",
  "inLanguage": "en",
  "author": {
    "@type": "Organization",
    "@id": "https://example.org/#org",
    "name": "Example Checks",
    "url": "https://example.org/",
    "sameAs": ["https://social.example/@checks"],
    "logo": {"@type": "ImageObject", "url": "https://example.org/logo.png", "width": 600, "height": 60}
  },
  "itemReviewed": {
    "@type": "Claim",
    "author": {"@type": "Person", "name": "A. Claimant", "jobTitle": "Senator"},
    "datePublished": "2024-04-20",
    "appearance": [{"@type": "CreativeWork", "url": "https://news.example/story", "headline": "Moon claim"}],
    "firstAppearance": {"@type": "VideoObject", "url": "https://video.example/v/1", "name": "Interview",
      "uploadDate": "2024-04-19T18:00:00Z", "thumbnailUrl": "https://video.example/v/1.jpg",
      "contentUrl": "https://video.example/v/1.mp4", "duration": "PT4M10S"}
  },
  "reviewRating": {
    "@type": "Rating",
    "name": "False",
    "alternateName": "Pants on fire",
    "ratingValue": 1,
    "bestRating": "5",
    "worstRating": 1,
    "ratingExplanation": "Samples show rock."
  }
}`

func TestValid(t *testing.T) {
	v := vocabulary(t)
	for _, tc := range []struct {
		name string
		doc  string
		opts []Option
	}{
		{name: "ClaimReview", doc: claimReview, opts: []Option{AbsoluteURLs}},
		{name: "MediaReview", opts: []Option{AbsoluteURLs}, doc: `{
		  "@context": "https://schema.org",
		  "@type": "MediaReview",
		  "datePublished": "2024-05-01",
		  "author": {"@type": "Organization", "name": "Example Checks"},
		  "mediaAuthenticityCategory": "https://schema.org/OriginalMediaContent",
		  "originalMediaContextDescription": "Aired on TV in 2019.",
		  "originalMediaLink": "https://video.example/original",
		  "itemReviewed": {"@type": "VideoObject", "contentUrl": "https://video.example/copy.mp4",
		    "name": "Copy", "uploadDate": "2024-04-30", "thumbnailUrl": "https://video.example/copy.jpg"},
		  "reviewRating": {"@type": "Rating", "ratingValue": 4, "bestRating": 5, "worstRating": 1}
		}`},
		{name: "enumeration member as a reference", doc: `{"@context": "https://schema.org", "@type": "MediaReview",
		  "mediaAuthenticityCategory": {"@id": "http://schema.org/OriginalMediaContent"}}`},
		{name: "Review of a CreativeWork", doc: `{
		  "@context": "https://schema.org/",
		  "@type": "Review",
		  "itemReviewed": {"@type": "Book", "name": "Moon Rocks", "isbn": "9780000000000"},
		  "reviewRating": {"@type": "Rating", "ratingValue": "4.5"},
		  "reviewBody": "Thorough.",
		  "author": {"@type": "Person", "name": "R. Eviewer"}
		}`},
		{name: "DataFeed of ClaimReviews", doc: `{
		  "@context": "https://schema.org",
		  "@type": "DataFeed",
		  "name": "Example Checks feed",
		  "dateModified": "2024-05-02T09:30:00Z",
		  "dataFeedElement": [
		    {"@type": "DataFeedItem", "dateCreated": "2024-05-01", "item": {"@type": "ClaimReview",
		      "claimReviewed": "A", "reviewRating": {"@type": "Rating", "alternateName": "False"}}},
		    {"@type": "ClaimReview", "claimReviewed": "B", "itemReviewed": {"@type": "Claim", "name": "B"}}
		  ]
		}`},
		{name: "graph, http context and IRIs", doc: `{
		  "@context": "http://schema.org",
		  "@graph": [
		    {"@type": "WebSite", "@id": "#site", "url": "https://example.org/", "name": "Example"},
		    {"@type": ["WebPage", "https://schema.org/CreativeWork"], "isPartOf": {"@id": "#site"},
		     "https://schema.org/name": "Page", "breadcrumb": {"@type": "BreadcrumbList",
		     "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Home", "item": "https://example.org/"}]}},
		    {"@type": "schema:Article", "headline": {"@value": "Titre", "@language": "fr"},
		     "image": "relative/photo.jpg", "isAccessibleForFree": true, "wordCount": 1200}
		  ]
		}`},
		{name: "array of documents", doc: `[
		  {"@context": "https://schema.org", "@type": "Organization", "name": "A"},
		  {"@context": ["https://schema.org", {"x": "https://example.org/x"}], "@type": "Person", "name": "B"}
		]`},
		{name: "data types", doc: `{"@context": {"@vocab": "https://schema.org/"}, "@type": "Event",
		  "startDate": "2024-05-01T19:00", "duration": "PT2H", "isAccessibleForFree": "https://schema.org/True",
		  "maximumAttendeeCapacity": 100, "location": {"@type": "Place", "name": "Hall", "latitude": 52.5}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if errs := v.Validate(decode(t, tc.doc), tc.opts...); len(errs) > 0 {
				t.Errorf("errors:\n%s", lines(errorTexts(errs)))
			}
		})
	}
}

func TestInvalid(t *testing.T) {
	v := vocabulary(t)
	for _, tc := range []struct {
		name string
		doc  string
		opts []Option
		want []string
	}{
		{name: "unknown type",
			doc:  `{"@context": "https://schema.org", "@graph": [{"@type": "Thing"}, {"@type": "claimReview"}]}`,
			want: []string{`@graph[1]: unknown type "claimReview"; did you mean "ClaimReview"?`}},
		{name: "unknown property",
			doc: `{"@context": "https://schema.org", "@type": "ClaimReview",
			  "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "foo": 1}}}`,
			want: []string{`itemReviewed.author: unknown property "foo"`}},
		{name: "property not on the type",
			doc:  `{"@context": "https://schema.org", "@type": "Review", "claimReviewed": "A"}`,
			want: []string{`(root): property "claimReviewed" is not defined for Review (it is for ClaimReview)`}},
		{name: "wrong type in range",
			doc:  `{"@context": "https://schema.org", "@type": "ClaimReview", "reviewRating": {"@type": "Person"}}`,
			want: []string{`reviewRating: want Rating, not Person`}},
		{name: "string where only nodes fit",
			doc:  `{"@context": "https://schema.org", "@type": "Review", "author": "A. Person"}`,
			want: []string{`author: want Organization or Person, not a string`}},
		{name: "relative URL where a node fits",
			doc:  `{"@context": "https://schema.org", "@type": "ListItem", "position": 1, "item": "/books/"}`,
			want: []string{`item: want Thing, not a string`}},
		{name: "unknown enumeration member",
			doc: `{"@context": "https://schema.org", "@type": "MediaReview",
			  "mediaAuthenticityCategory": "https://schema.org/InStock"}`,
			want: []string{`mediaAuthenticityCategory: "https://schema.org/InStock" is not a member of MediaManipulationRatingEnumeration`}},
		{name: "enumeration member by name",
			doc: `{"@context": "https://schema.org", "@type": "MediaReview",
			  "mediaAuthenticityCategory": "OriginalMediaContent"}`,
			want: []string{`mediaAuthenticityCategory: "OriginalMediaContent" is not a member of MediaManipulationRatingEnumeration; did you mean "https://schema.org/OriginalMediaContent"?`}},
		{name: "relative URL", opts: []Option{AbsoluteURLs},
			doc: `{"@context": "https://schema.org", "@graph": [{"@type": "ClaimReview", "url": "/checks/moon/",
			  "author": {"@type": "Organization", "logo": {"@type": "ImageObject", "url": "logo.png"}}}]}`,
			want: []string{
				`@graph[0].author.logo.url: "logo.png" is a relative URL; want an absolute one`,
				`@graph[0].url: "/checks/moon/" is a relative URL; want an absolute one`,
			}},
		{name: "URL without a host", opts: []Option{AbsoluteURLs},
			doc:  `{"@context": "https://schema.org", "@type": "Thing", "sameAs": ["https://a.example/", "https:/b"]}`,
			want: []string{`sameAs[1]: "https:/b" has no host`}},
		{name: "malformed date",
			doc: `{"@context": "https://schema.org", "@type": "ClaimReview", "datePublished": "01/05/2024",
			  "itemReviewed": {"@type": "MediaObject", "uploadDate": "2024-05-01T9:00"}}`,
			want: []string{
				`datePublished: "01/05/2024" is not an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm:ssZ)`,
				`itemReviewed.uploadDate: "2024-05-01T9:00" is not an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm:ssZ)`,
			}},
		{name: "date-time where a date is wanted",
			doc:  `{"@context": "https://schema.org", "@type": "Person", "birthDate": "1970-01-01T00:00:00Z"}`,
			want: []string{`birthDate: "1970-01-01T00:00:00Z" is not an ISO 8601 date (YYYY-MM-DD)`}},
		{name: "literals of the wrong kind",
			doc: `{"@context": "https://schema.org", "@type": "Event", "url": 3, "isAccessibleForFree": "yes",
			  "maximumAttendeeCapacity": 2.5, "name": true, "startDate": {"@id": "#d"}}`,
			want: []string{
				`isAccessibleForFree: want Boolean, not a string; a member is written as its IRI`,
				`maximumAttendeeCapacity: 2.5 is not an integer`,
				`name: want Text, not a boolean`,
				`startDate: want Date or DateTime, not a reference to a node`,
				`url: want URL, not a number`,
			}},
		{name: "null, empty and nested arrays",
			doc:  `{"@context": "https://schema.org", "@type": "Thing", "name": null, "alternateName": "", "sameAs": [["https://a.example/"]]}`,
			want: []string{`alternateName: empty string: leave the property out instead`, `name: null: leave the property out instead`, `sameAs[0]: an array in an array: JSON-LD has no such value`}},
		{name: "no context",
			doc:  `[{"@type": "Thing"}, {"@context": "https://example.org/ns", "@type": "Thing"}]`,
			want: []string{`[0]: no "@context": "https://schema.org"`, `[1].@context: want "https://schema.org", not "https://example.org/ns"`}},
		{name: "no type",
			doc:  `{"@context": "https://schema.org", "@graph": [{"name": "A"}, {"@type": "Review", "itemReviewed": {"@type": []}}]}`,
			want: []string{`@graph[0]: a node with properties has no @type`, `@graph[1].itemReviewed.@type: @type names no type`}},
		// An untyped value stands for the property's range: author's is
		// Organization or Person, which have a name but no claimReviewed.
		{name: "untyped value with a property of no range type",
			doc:  `{"@context": "https://schema.org", "@type": "Claim", "author": {"name": "A", "claimReviewed": "x"}}`,
			want: []string{`author: property "claimReviewed" is not defined for Organization or Person (it is for ClaimReview)`}},
		{name: "bad graph and type values",
			doc:  `{"@context": "https://schema.org", "@graph": [1, {"@type": 2, "@id": 3}]}`,
			want: []string{`@graph[0]: a @graph holds nodes, not a number`, `@graph[1].@type: @type is a number, not a string or an array of strings`, `@graph[1].@id: @id is a number, not a string`}},
		{name: "superseded property with no domain",
			doc:  `{"@context": "https://schema.org", "@type": "Person", "interactionCount": "3"}`,
			want: []string{`(root): property "interactionCount" is not defined for Person (schema.org defines it for no type)`}},
		{name: "nodes under unknown properties are still checked",
			doc:  `{"@context": "https://schema.org", "@type": "Thing", "fooBar": {"@type": "Nope"}}`,
			want: []string{`(root): unknown property "fooBar"`, `fooBar: unknown type "Nope"`}},
		{name: "not a document", doc: `"https://schema.org"`,
			want: []string{`(root): a JSON-LD document is an object or an array, not a string`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := errorTexts(v.Validate(decode(t, tc.doc), tc.opts...))
			if !slices.Equal(got, tc.want) {
				t.Errorf("got:\n%s\nwant:\n%s", lines(got), lines(tc.want))
			}
		})
	}
}

// A relative URL is fine unless AbsoluteURLs asks otherwise: a page's
// own markup may rely on its address.
func TestRelativeURLsByDefault(t *testing.T) {
	v := vocabulary(t)
	doc := decode(t, `{"@context": "https://schema.org", "@type": "WebPage", "url": "/a/", "image": "b.png"}`)
	if errs := v.Validate(doc); len(errs) > 0 {
		t.Errorf("errors:\n%s", lines(errorTexts(errs)))
	}
	if errs := v.Validate(doc, AbsoluteURLs); len(errs) != 2 {
		t.Errorf("with AbsoluteURLs, %d errors; want 2", len(errs))
	}
}

func TestConcurrent(t *testing.T) {
	v := vocabulary(t)
	doc := decode(t, claimReview)
	done := make(chan []error)
	for range 8 {
		go func() { done <- v.Validate(doc, AbsoluteURLs) }()
	}
	for range 8 {
		if errs := <-done; len(errs) > 0 {
			t.Errorf("errors:\n%s", lines(errorTexts(errs)))
		}
	}
}

func TestUseNumber(t *testing.T) {
	v := vocabulary(t)
	d := json.NewDecoder(strings.NewReader(`{"@context": "https://schema.org", "@type": "Rating",
	  "ratingValue": 4.5, "author": {"@type": "Person", "name": "A"}}`))
	d.UseNumber()
	var doc any
	if err := d.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if errs := v.Validate(doc); len(errs) > 0 {
		t.Errorf("errors:\n%s", lines(errorTexts(errs)))
	}
}
