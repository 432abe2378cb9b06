// Package schemaorg checks JSON-LD against schema.org's vocabulary, for the
// tests of the packages that write Scholia's structured data: a
// ClaimReview whose rating is given as a Person, or a property that
// schema.org does not define for the type it is on, fails a test here
// instead of being dropped silently by a search engine.
//
// It checks the vocabulary, not a search engine's rules: that every type
// and property exists, that each property is defined for its node's type,
// and that each value has a type the property's range allows. Which
// properties Google requires for a rich result is not its business.
//
// # Use
//
// Load the vendored vocabulary once, and validate what a generator wrote,
// decoded by json.Unmarshal into an any:
//
//	voc, err := schemaorg.Load()
//	if err != nil {
//		t.Fatal(err)
//	}
//	var doc any
//	if err := json.Unmarshal(out, &doc); err != nil {
//		t.Fatal(err)
//	}
//	for _, err := range voc.Validate(doc, schemaorg.AbsoluteURLs) {
//		t.Error(err)
//	}
//
// Given
//
//	{"@context": "https://schema.org", "@graph": [
//	  {"@type": "ClaimReview", "claimReviewed": "The moon is cheese",
//	   "reviewRating": {"@type": "Person", "name": "A. Reviewer"},
//	   "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "nmae": "B"}}},
//	  {"@type": "WebPage", "url": "/a/", "datePublished": "2024-02-30"}]}
//
// Validate with AbsoluteURLs returns, one error each:
//
//	@graph[0].itemReviewed.author: unknown property "nmae"
//	@graph[0].reviewRating: want Rating, not Person
//	@graph[1].datePublished: "2024-02-30" is not an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm:ssZ)
//	@graph[1].url: "/a/" is a relative URL; want an absolute one
//
// # What is checked
//
// A document is a node object or an array of them, with "@context":
// "https://schema.org" (or http://, with or without the final slash, or in
// an array, or as @vocab); the nodes of a "@graph" and nested nodes share
// it. In every node:
//
//   - each @type (a string or an array) must be a schema.org type;
//   - each key that is not a JSON-LD keyword must be a property whose
//     domainIncludes has one of the node's types or of their
//     superclasses, through any number of rdfs:subClassOf steps and
//     every parent;
//   - a node with properties must have an @type, unless it is a
//     property's value: it then stands for the property's range types,
//     and each of its properties must be defined for one of them (so
//     "author": {"name": "..."} names an author without saying whether
//     it is a Person or an Organization).
//
// Each value, or each element of an array of values, must fit the
// property's rangeIncludes:
//
//   - a nested node if one of its types is (a subclass of) a range type;
//     {"@id": ...} alone, a reference, fits any range but a literal one;
//   - a string if a range type takes it: Text any string; URL a URL, and
//     an absolute one with AbsoluteURLs; Date, DateTime and Time their ISO
//     8601 forms; Number and Integer digits; Quantity, Distance and
//     Duration any text (schema.org makes them data types); an
//     enumeration the IRI of a member, "https://schema.org/InStock"; a
//     node type an absolute URL, which Google reads as a reference to the
//     node (as in a ListItem's "item"). Other text where only nodes fit
//     (author: Person or Organization) is an error, and so is a
//     schema.org IRI that is not a member where an enumeration fits, even
//     when Text would take it;
//   - a number where Number, Float, Integer (if whole), Text or a
//     quantity fit (Google reads an ImageObject's "width": 600 as
//     pixels); a boolean where Boolean fits;
//   - null and "" never: they mean the generator had nothing to write.
//
// Terms of schema.org's pending area (Claim, MediaReview) are terms like
// any other; superseded ones still in the release are too.
//
// # Data
//
// vocabulary.tsv, embedded, is release 30.0 of schema.org, reduced by
// gen/main.go to what the checks need: each type's direct superclasses,
// each property's domain and range, and the types of each enumeration
// member. Its header names the release and the commit it was read from;
// NOTICE gives its licence, CC BY-SA 3.0. To move to a new release, get
// data/releases/VERSION/schemaorg-current-https.jsonld from
// https://github.com/schemaorg/schemaorg and, in this directory, run
//
//	go run gen/main.go -in schemaorg-current-https.jsonld -version VERSION -commit SHA
//
// then update NOTICE and run this package's tests.
package schemaorg
