// Package strictyaml decodes YAML strictly and says where each problem is.
//
// Scholia's YAML files (site.yaml, article front matter, sidecars) are
// written by hand, so a typo must never be silently ignored, and every
// problem must name the file, line and column it is at. This package parses
// a file to its syntax tree (github.com/goccy/go-yaml) and lets the caller
// walk it field by field; each getter checks the type of the value, and every
// problem found is collected as a *diag.Error instead of stopping the decode,
// so that one run reports as many problems of a file as it can.
//
// # Decoding a file
//
// Parse a file, then read its fields. A mapping is read with Decoder.Map,
// which reports unknown keys (with the closest known key as a suggestion) and
// duplicate keys; scalars are read with String, Bool, Int, Date and URL;
// lists with Seq and Strings; free-form data with Any.
//
//	d, root := strictyaml.Parse("site.yaml", src, 1, 0) // 0: DefaultDepth
//	m := d.Map(root, "site.yaml", "", "title", "paginate")
//	title := d.String(m.Get("title"), "title")
//	n, ok := d.Int(m.Get("paginate"), "paginate")
//	if ok && n < 1 {
//		d.Errorf(m.Get("paginate"), "paginate must be 1 or more")
//	}
//	if err := d.Err(); err != nil {
//		return err // a diag.List: site.yaml:3:1: unknown key "titel" in site.yaml; did you mean "title"?
//	}
//
// # Positions
//
// Lines are 1-based and columns count characters (not bytes) from 1. Parse
// takes the line the YAML text starts on in its file, so that front matter
// (which starts on line 2 of an article) is reported at the article's lines.
// A value that is left empty (`key:`) is reported at its key. Errors are
// clamped to the lines of the input, so a position always exists.
//
// # Types
//
// A text field accepts any scalar as written (`title: 1984` is the text
// "1984"), but not a list or a mapping. Booleans must be true or false,
// numbers whole numbers. An empty value or null counts as not given. Anchors
// and aliases are resolved; tags are ignored. A file holds one document.
package strictyaml
