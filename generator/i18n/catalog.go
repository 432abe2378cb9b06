package i18n

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/scholia/scholia/generator/diag"
)

// maxFileSize bounds a translation file: a few hundred strings take tens
// of kilobytes, so more is a mistake, and it is refused before it is read.
const maxFileSize = 1 << 20

// rtlLanguages are the base languages whose direction defaults to rtl.
var rtlLanguages = []string{"ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"}

// Catalog is the theme's strings in one language, with the site's
// overrides. It does not change after Load, so pages may use it in
// parallel.
type Catalog struct {
	lang, base string
	dir        string
	tag        language.Tag // for plural rules
	date       message
	months     []string
	dayOne     string
	strings    map[string]entry
	sum        [sha256.Size]byte
	files      []string
	warnings   diag.List
}

// source is a translation file Load may read.
type source struct {
	fsys fs.FS
	name string // in fsys
	path string // for messages: relative to the site root for a site's file
	site bool
}

// Load reads the shipped translation files from defaults (an fs.FS whose
// "i18n/LANG.yaml" files are the theme's; pass templates.FS) and a site's
// overrides from site (rooted at the site folder: its
// "templates/i18n/LANG.yaml"; may be nil), for the BCP 47 language tag
// lang ("fr", "fr-CA", "ar"; "" is "en"). Problems in the files are
// returned together as a diag.List of PATH:LINE:COL errors.
func Load(defaults, site fs.FS, lang string) (*Catalog, error) {
	if lang == "" {
		lang = "en"
	}
	base, err := baseOf(lang)
	if err != nil {
		return nil, err
	}
	c := &Catalog{lang: lang, base: base, strings: map[string]entry{}}
	if c.tag, err = language.Parse(lang); err != nil {
		// x/text does not know every well-formed tag; the base
		// language's rules are then the best guess.
		c.tag, _ = language.Parse(base)
	}
	tags := []string{base}
	if lang != base {
		tags = append(tags, lang)
	}
	sources := []source{{defaults, "i18n/en.yaml", "i18n/en.yaml", false}}
	for _, t := range tags {
		if t != "en" {
			sources = append(sources, source{defaults, "i18n/" + t + ".yaml", "i18n/" + t + ".yaml", false})
		}
	}
	if site != nil {
		for _, t := range tags {
			p := "templates/i18n/" + t + ".yaml"
			sources = append(sources, source{site, p, p, true})
		}
	}

	h := sha256.New()
	fmt.Fprintf(h, "lang %q\n", lang)
	var errs diag.List
	var layers []*layer
	found := base == "en"
	for i, s := range sources {
		data, ok, err := readFile(s)
		if err != nil {
			errs.Add(err)
			found = found || i > 0
			continue
		}
		if !ok {
			if i == 0 {
				return nil, &diag.Error{Path: s.path, Msg: "the theme has no English strings, " + s.path}
			}
			continue
		}
		found = found || i > 0
		if s.site {
			c.files = append(c.files, s.path)
		}
		fmt.Fprintf(h, "%q %d\n", s.path, len(data))
		h.Write(data)
		var theme map[string]entry
		if len(layers) > 0 {
			theme = layers[0].strings
		} else if i > 0 {
			continue // the English file did not read: nothing to check against
		}
		l, warnings, err := parseFile(s.path, data, theme)
		if err == nil && i == 0 && (l.date == nil || l.months == nil) {
			err = &diag.Error{Path: s.path, Line: 1, Col: 1, Msg: "the English strings must set date and months: every other language falls back on them"}
		}
		errs.Add(err)
		c.warnings = append(c.warnings, warnings...)
		if err == nil {
			layers = append(layers, l)
		}
	}
	if !found {
		want := "templates/i18n/" + base + ".yaml"
		if lang != base {
			want += " (or templates/i18n/" + lang + ".yaml, for " + lang + " only)"
		}
		return nil, &diag.Error{Msg: fmt.Sprintf("no translation for language %q: add %s", lang, want)}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	h.Sum(c.sum[:0])
	c.merge(layers)
	return c, nil
}

// merge lays the files over each other, the later over the earlier, key by
// key.
func (c *Catalog) merge(layers []*layer) {
	c.dir = "ltr"
	if slices.Contains(rtlLanguages, c.base) {
		c.dir = "rtl"
	}
	for i, l := range layers {
		// English's direction is its own: it is no default for Hebrew.
		if l.direction != "" && (i > 0 || c.base == "en") {
			c.dir = l.direction
		}
		if l.date != nil {
			c.date = l.date
		}
		if l.months != nil {
			c.months = l.months
		}
		if l.dayOne != "" {
			c.dayOne = l.dayOne
		}
		maps.Copy(c.strings, l.strings)
	}
}

// readFile reads one source, refusing one over maxFileSize; ok is false
// when it does not exist.
func readFile(s source) (data []byte, ok bool, err error) {
	info, err := fs.Stat(s.fsys, s.name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err == nil && info.IsDir() {
		err = errors.New("it is a folder, not a file")
	}
	if err == nil && info.Size() > maxFileSize {
		err = fmt.Errorf("the translation file is %d bytes, more than the %d bytes (1 MiB) it may be", info.Size(), maxFileSize)
	}
	if err == nil {
		data, err = readLimited(s.fsys, s.name)
	}
	if err != nil {
		return nil, false, &diag.Error{Path: s.path, Msg: "cannot read the translations: " + err.Error(), Err: err}
	}
	return data, true, nil
}

// readLimited reads at most maxFileSize bytes, in case the file grew, or
// is not a regular file, and its size said less.
func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err == nil && len(data) > maxFileSize {
		err = fmt.Errorf("the translation file is more than the %d bytes (1 MiB) it may be", maxFileSize)
	}
	return data, err
}

// baseOf checks that lang is a well-formed BCP 47 tag, letters, digits and
// hyphens only, so that it can name a file, and returns its base language.
func baseOf(lang string) (string, error) {
	subtags := strings.Split(lang, "-")
	for i, s := range subtags {
		ok := len(s) >= 1 && len(s) <= 8
		for j := 0; ok && j < len(s); j++ {
			c := s[j] | 0x20
			ok = c >= 'a' && c <= 'z' || i > 0 && s[j] >= '0' && s[j] <= '9'
		}
		if !ok || i == 0 && len(s) < 2 {
			return "", fmt.Errorf("i18n: language %q is not a BCP 47 language tag: write one like en, fr or pt-BR", lang)
		}
	}
	return strings.ToLower(subtags[0]), nil
}

// Lang returns the BCP 47 language tag as given to Load ("en" when none
// was), for <html lang>.
func (c *Catalog) Lang() string { return c.lang }

// Dir returns the direction of the language's script, "ltr" or "rtl", for
// <html dir>.
func (c *Catalog) Dir() string { return c.dir }

// Has reports whether the catalog has the string key.
func (c *Catalog) Has(key string) bool {
	_, ok := c.strings[key]
	return ok
}

// Sum returns the SHA-256 hash of the language tag and of every file that
// went into the catalog, the theme's and the site's: two catalogs with one
// Sum render every page alike, so a build cache can key pages by it.
func (c *Catalog) Sum() [32]byte { return c.sum }

// Files returns the site's translation files that were read
// ("templates/i18n/fr.yaml"), for the dev server to watch. It may be empty.
func (c *Catalog) Files() []string { return slices.Clone(c.files) }

// Warnings returns the problems that do not stop a build: a site's key
// that the theme does not have but that looks like a misspelling of one
// of its keys.
func (c *Catalog) Warnings() diag.List { return slices.Clone(c.warnings) }

// keys lists the catalog's keys, for suggestions.
func (c *Catalog) keys() []string { return slices.Sorted(maps.Keys(c.strings)) }
