// Package i18n gives the theme's strings in the site's language.
//
// Every word the default theme shows a reader ("Skip to content", "3
// claims reviewed", the names of the grades, the dates) comes from a
// Catalog, so that a site in French, Spanish or Arabic reads as one. The
// theme ships a translation file per language in templates/i18n/; a site
// overrides any of its strings, or adds a language Scholia does not ship,
// with files of the same form in its own templates/i18n/.
//
//	cat, err := i18n.Load(templates.FS, os.DirFS(siteDir), "fr")
//	if err != nil {
//		return err // a diag.List: templates/i18n/fr.yaml:12:3: ...
//	}
//	h, err := cat.T("claims_reviewed", "n", 3) // 3 affirmations vérifiées
//	when := template.HTML(`<time datetime="2026-11-20">` + template.HTMLEscapeString(cat.Date(d)) + `</time>`)
//	h, err = cat.T("reviewed_by_on", "names", cat.Join(reviewers), "date", when)
//	// Vérifié par A, B et C le <time datetime="2026-11-20">20 novembre 2026</time>.
//
// A Catalog does not change after Load and is safe for concurrent use.
//
// # Format
//
// A translation file is YAML, read strictly: an unknown or misspelt key,
// a list where text belongs, or 11 months is an error at its file, line
// and column. A file is at most 1 MiB and nests at most 32 deep.
//
//	# Français
//	language: Français             # the language's own name, for translators
//	direction: ltr                 # or rtl
//	date: "{day} {month} {year}"   # placeholders day, month and year
//	months: [janvier, février, mars, avril, mai, juin, juillet, août,
//	         septembre, octobre, novembre, décembre]
//	strings:
//	  skip_link: Aller au contenu
//	  reviewed_on: "Vérifié le {date}"
//	  claims_reviewed:             # plural forms; see Plurals
//	    one: "{n} affirmation vérifiée"
//	    other: "{n} affirmations vérifiées"
//	  grade.accurate: Exact        # a dot is part of the key: nothing nests
//
// A placeholder is {identifier} (letters, digits and '_', not starting
// with a digit); any other brace is text as it is written. Every key is
// optional in a file, except that the theme's English file must set date
// and months: what a file leaves out comes from the files below it (see
// Merging). A key of strings is letters, digits, '_', '.' and '-'.
//
// A site's string may use only the placeholders of the theme's string of
// the same key, since those are what the templates pass, and may have
// plural forms only where the theme's has. A site may add keys the theme
// lacks, for its own templates; one that looks like a misspelling of a
// theme key is reported by Catalog.Warnings. The grade.ID and
// grade.ID.description strings label the default scales: a scale that
// site.yaml gives has its own labels, in the site's language.
//
// # Merging
//
// For the tag fr-CA, Load lays these files over each other, each later one
// replacing what the earlier ones set, string by string:
//
//	i18n/en.yaml                    the theme's English: every key
//	i18n/fr.yaml                    the theme's French
//	i18n/fr-CA.yaml                 the theme's Canadian French, if it ships one
//	templates/i18n/fr.yaml          the site's, if it has one
//	templates/i18n/fr-CA.yaml       the site's, if it has one
//
// The first three come from the defaults fs.FS (templates.FS), the others
// from the site's. A site may thus change one string and keep the rest. A
// plural string is replaced whole, never form by form.
//
// A language neither the theme nor the site has a file for is an error
// that says which file to add: English is not shown in its place without
// a word. A language the site adds gets the English strings for what its
// file leaves out.
//
// The direction is the last one set by a file of the language itself
// (English's "ltr" does not count for Hebrew); without one it is rtl for
// the base languages ar, he, fa, ur, ps, sd, ug, yi, dv and ckb, and ltr
// otherwise.
//
// # Escaping
//
// Translations and arguments are text, and may be hostile: T escapes the
// translation and every string argument for HTML, so a translator's
// <script> shows as text. Only an argument of type template.HTML goes in
// as it is; the caller vouches for it, as html/template asks. Ints are
// written in digits (3, not ٣). String does no escaping, for text that is
// not HTML, and gives a template.HTML argument as its text: tags left out,
// entities resolved. Date and Join return text too, made of a site's
// words: escape them before they go into a template.HTML of your own.
//
// Args are name, value pairs: T("reviewed_by", "names", "A and B"). A key
// the catalog lacks, a placeholder without an argument, an odd args list
// and an argument of another type are errors that name the key; a
// template shows them as the error of the page. An argument the text does
// not use is fine: a language may need fewer words.
//
// # Plurals
//
// A string whose value is a mapping has one text per CLDR plural form of
// the language: zero, one, two, few, many and other (other is required).
// The int argument n picks the form, by the CLDR rules of the catalog's
// language (golang.org/x/text/feature/plural; a tag x/text does not know
// uses its base language's rules), and fills {n}. A form the file leaves
// out falls back to other.
//
// The forms are not the numbers: English has one (1) and other; French
// one (0 and 1) and other; Arabic zero (0), one (1), two (2), few (3-10,
// 103-110, ...), many (11-99, ...) and other (100-102, ...). A form may
// leave {n} out ("ادعاء واحد": one claim).
//
// # Dates
//
// Date writes a date with the file's date pattern and month names, the
// day and year in digits:
//
//	en  "{day} {month} {year}"        20 November 2026
//	fr  "{day} {month} {year}"        20 novembre 2026
//	es  "{day} de {month} de {year}"  20 de noviembre de 2026
//	ar  "{day} {month} {year}"        20 نوفمبر 2026
//
// A file may write the first of a month its own way: French has
// "day_one: 1er", which gives "1er novembre 2026".
//
// Join lists names with the strings list_comma and list_last ("{rest} and
// {last}"): "A, B and C", "A, B et C", "A، B وC".
//
// # Caching
//
// Sum hashes the language tag and every file read, so that a build cache
// can key pages by it; Files lists the site's files among them, for the
// dev server to watch.
package i18n
