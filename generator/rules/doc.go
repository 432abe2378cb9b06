// Package rules holds the publishing rules of `scholia check -strict`: what
// a careful desk would not publish, though the site builds. A build accepts
// a claim rated accurate with no source, a note left empty and a review
// that names nobody, since a draft is written that way; the rules are for
// the day the review goes out.
//
// [Check] applies them to one annotated article and returns what it breaks
// as a diag.List, each error at its line of the sidecar, so that it prints,
// sorts and formats (text, json, github) like any other content error.
//
// # The rules
//
//   - A claim rated on the scale (a grade with a value, such as accurate or
//     mostly-accurate) cites at least one source with a url or an archived
//     copy: a reader must be able to follow the evidence. A claim rated off
//     the scale (unsupported, not-checkable: no value) may rest on the
//     article itself, so it needs none.
//   - Every claim has a note that is more than white space: the note is why
//     the claim got its rating.
//   - The sidecar has a review, and the review names its reviewers and its
//     date: who stands behind it, and since when.
//   - The article has not changed since it was reviewed: its text still
//     has the fingerprint the review read (review.text). Check does not
//     compute the fingerprint; the caller, which renders the text, says
//     whether it changed.
//
// Each message says what to do, and points at the key to change: a claim's
// sources (or its rating when it has none), its note (or the claim when it
// has none), the review, or the top of the sidecar when there is no review.
//
// # Example
//
// With the default scales, the sidecar content/moon.annotations.yaml
//
//	review:
//	  rating: low
//	  reviewers: [Review desk]
//	claims:
//	  - id: cheese
//	    quote: made of cheese
//	    rating: inaccurate
//	    note: " "
//	    sources:
//	      - title: Apollo 11 samples
//	  - id: craters
//	    quote: it has craters
//	    rating: not-checkable
//	    note: The article gives no count.
//
// breaks three rules:
//
//	errs := rules.Check(cfg, a, false)
//	diag.Format(os.Stderr, errs, "text")
//
// prints
//
//	content/moon.annotations.yaml:2:3: the review has no date: add date: with the day the review was published (YYYY-MM-DD)
//	content/moon.annotations.yaml:8:5: claim "cheese" has no note: add note: saying why it is rated inaccurate
//	content/moon.annotations.yaml:9:5: claim "cheese" is rated inaccurate, on the scale, but no source has a url or archived copy: cite one, or rate it unsupported
//
// The claim craters has no source, but not-checkable is off the scale, so
// it needs none. With textChanged true, a fourth error at 2:3 says that the
// article changed since it was reviewed and to run scholia fix.
//
// An article without a sidecar is an ordinary page: Check returns nothing
// for it.
package rules
