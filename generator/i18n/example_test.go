package i18n_test

import (
	"fmt"
	"html/template"
	"testing/fstest"
	"time"

	"github.com/scholia/scholia/generator/i18n"
	"github.com/scholia/scholia/templates"
)

func ExampleLoad() {
	// The site changes one French string and keeps the theme's others.
	site := fstest.MapFS{"templates/i18n/fr.yaml": {Data: []byte("strings:\n  our_review: Notre avis\n")}}
	cat, err := i18n.Load(templates.FS, site, "fr")
	if err != nil {
		fmt.Println(err)
		return
	}
	date := cat.Date(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
	h, _ := cat.T("reviewed_by_on",
		"names", cat.Join([]string{"Ann", "Bo & Co", "Cy"}),
		"date", template.HTML(`<time datetime="2026-11-20">`+template.HTMLEscapeString(date)+`</time>`))
	fmt.Println(cat.Lang(), cat.Dir(), cat.Files())
	fmt.Println(h)
	s, _ := cat.String("our_review")
	fmt.Println(s)
	n, _ := cat.String("claims_reviewed", "n", 0)
	fmt.Println(n)

	_, err = i18n.Load(templates.FS, site, "xx")
	fmt.Println(err)
	// Output:
	// fr ltr [templates/i18n/fr.yaml]
	// Vérifié par Ann, Bo &amp; Co et Cy le <time datetime="2026-11-20">20 novembre 2026</time>.
	// Notre avis
	// 0 affirmation vérifiée
	// no translation for language "xx": add templates/i18n/xx.yaml
}

func ExampleCatalog_T() {
	cat, _ := i18n.Load(templates.FS, nil, "ar")
	for _, n := range []int{0, 1, 2, 3, 11, 100} {
		s, _ := cat.String("claims_count", "n", n)
		fmt.Println(n, s)
	}
	// Output:
	// 0 لا ادعاءات
	// 1 ادعاء واحد
	// 2 ادعاءان
	// 3 3 ادعاءات
	// 11 11 ادعاءً
	// 100 100 ادعاء
}
