package schemaorg

import (
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// literal checks a JSON string, number or boolean given where one of rng
// is expected.
func (c *checker) literal(x any, path string, rng []string) {
	switch x := x.(type) {
	case string:
		c.str(x, path, rng)
	case float64:
		c.number(x, path, rng)
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			c.errorf(path, "%s is not a number", x)
			return
		}
		c.number(f, path, rng)
	case bool:
		if !slices.ContainsFunc(rng, func(r string) bool { return c.v.SubClassOf(r, "Boolean") }) {
			c.errorf(path, "want %s, not a boolean", or(rng))
		}
	default:
		c.errorf(path, "want %s, not %s", or(rng), kind(x))
	}
}

// textual reports whether r takes any string: Text and its subclasses
// (PronounceableText, CssSelectorType, ...) but URL.
func (c *checker) textual(r string) bool {
	return c.v.SubClassOf(r, "Text") && !c.v.SubClassOf(r, "URL")
}

// str checks a string. Schema.org lets a string stand for a data type, so
// it fits if one of rng takes it: Text anything; URL a URL; Date, DateTime
// and Time their ISO 8601 forms; Number and Integer a number in digits;
// the other data types (Quantity, Distance, Duration) free text such as
// "5 km"; an enumeration the IRI of a member. A string where only nodes
// fit (author: Person or Organization) is an error, as it is for Google.
func (c *checker) str(s, path string, rng []string) {
	if s == "" {
		c.errorf(path, "empty string: leave the property out instead")
		return
	}
	var free, isURL, date, dateTime, clock, number, integer, enum, node bool
	for _, r := range rng {
		switch {
		case c.v.SubClassOf(r, "URL"):
			isURL = true
		case c.textual(r):
			free = true
		case c.v.SubClassOf(r, "DateTime"):
			dateTime = true
		case c.v.SubClassOf(r, "Date"):
			date = true
		case c.v.SubClassOf(r, "Time"):
			clock = true
		case c.v.SubClassOf(r, "Integer"):
			integer = true
		case c.v.SubClassOf(r, "Number"):
			number = true
		case c.v.isEnumeration(r):
			enum = true
		case c.v.isDataType(r):
			free = true
		default:
			node = true
		}
	}
	// A schema.org IRI where an enumeration fits is meant as a member,
	// even if Text would take it: a typo should not pass as text.
	if name, ok := schemaTerm(s); ok && enum {
		c.member(s, name, path, rng)
		return
	}
	// Google reads an absolute URL where a node fits as a reference to
	// it (its breadcrumbs give ListItem's item so), though to JSON-LD it
	// is text.
	if free || node && absolute(s) {
		return
	}
	var why []string
	if isURL {
		msg := c.badURL(s)
		if msg == "" {
			return
		}
		why = append(why, msg)
	}
	if date || dateTime || clock {
		if date && isDate(s) || dateTime && isDateTime(s) || clock && isTime(s) {
			return
		}
		why = append(why, fmt.Sprintf("%q is not an ISO 8601 %s", s, timeForms(date, dateTime, clock)))
	}
	if number || integer {
		if _, err := strconv.ParseInt(s, 10, 64); err == nil {
			return
		}
		if f, err := strconv.ParseFloat(s, 64); number && err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return
		}
		why = append(why, fmt.Sprintf("%q is not a number", s))
	}
	if enum {
		msg := fmt.Sprintf("want %s, not a string; a member is written as its IRI", or(rng))
		for _, r := range rng {
			if c.v.isEnumeration(r) && c.v.MemberOf(s, r) {
				msg = fmt.Sprintf("%q is not a member of %s; did you mean %q?", s, r, "https://schema.org/"+s)
				break
			}
		}
		why = append(why, msg)
	}
	switch len(why) {
	case 0:
		c.errorf(path, "want %s, not a string", or(rng))
	case 1:
		c.errorf(path, "%s", why[0])
	default:
		c.errorf(path, "%q fits none of %s", s, or(rng))
	}
}

// badURL says what is wrong with s as a URL, or returns "".
func (c *checker) badURL(s string) string {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return fmt.Sprintf("%q is not a URL", s)
	case c.absURLs && !u.IsAbs():
		return fmt.Sprintf("%q is a relative URL; want an absolute one", s)
	case c.absURLs && (u.Scheme == "http" || u.Scheme == "https") && u.Host == "":
		return fmt.Sprintf("%q has no host", s)
	}
	return ""
}

// absolute reports whether s is an absolute URL with a host.
func absolute(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.IsAbs() && u.Host != ""
}

// number checks a JSON number: it fits Number and Float, Integer if it is
// whole, and Text. It fits the quantities too: Google reads an
// ImageObject's "width": 600 as pixels, though Distance is text like
// "600 px".
func (c *checker) number(f float64, path string, rng []string) {
	for _, r := range rng {
		if c.v.SubClassOf(r, "Integer") && f == math.Trunc(f) ||
			c.v.SubClassOf(r, "Number") && !c.v.SubClassOf(r, "Integer") ||
			c.textual(r) || c.v.SubClassOf(r, "Quantity") {
			return
		}
	}
	if slices.ContainsFunc(rng, func(r string) bool { return c.v.SubClassOf(r, "Integer") }) {
		c.errorf(path, "%v is not an integer", f)
		return
	}
	c.errorf(path, "want %s, not a number", or(rng))
}

// The ISO 8601 forms schema.org's examples use: a date, possibly cut to
// the month or the year; a time of day to the minute or second, with
// fractions and a zone optional; and a date-time joining them with T.
var (
	dateForm = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$`)
	timeForm = regexp.MustCompile(`^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?$`)
)

func isDate(s string) bool {
	m := dateForm.FindStringSubmatch(s)
	switch {
	case m == nil:
		return false
	case m[3] != "":
		_, err := time.Parse("2006-01-02", s)
		return err == nil
	case m[2] != "":
		_, err := time.Parse("2006-01", s)
		return err == nil
	}
	return true
}

func isTime(s string) bool {
	m := timeForm.FindStringSubmatch(s)
	return m != nil && atMost(m[1], 23) && atMost(m[2], 59) && atMost(m[3], 60) &&
		atMost(m[4], 23) && atMost(m[5], 59)
}

// isDateTime wants the full date: a date-time cut to the month is not one.
func isDateTime(s string) bool {
	d, t, ok := strings.Cut(s, "T")
	return ok && len(d) == len("2006-01-02") && isDate(d) && isTime(t)
}

// atMost reports whether the digits d, if any, are at most max.
func atMost(d string, max int) bool {
	n, err := strconv.Atoi(d)
	return d == "" || err == nil && n <= max
}

// timeForms names the forms a message wants.
func timeForms(date, dateTime, clock bool) string {
	var forms []string
	if date {
		forms = append(forms, "date (YYYY-MM-DD)")
	}
	if dateTime {
		forms = append(forms, "date-time (YYYY-MM-DDThh:mm:ssZ)")
	}
	if clock {
		forms = append(forms, "time (hh:mm:ss)")
	}
	return or(forms)
}
