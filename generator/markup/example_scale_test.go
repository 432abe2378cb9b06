package markup_test

import (
	"fmt"

	"github.com/scholia/scholia/generator/markup"
)

func ExampleOptions_scale() {
	r := markup.New(markup.Options{Scale: func(which string) ([]byte, error) {
		return []byte(`<dl class="scale"><dt>Accurate</dt><dd>The claim is correct.</dd></dl>`), nil
	}})
	res, err := r.Article("content/methodology.md", []byte("How we rate claims:\n\n{{< scale claim >}}\n"), nil)
	if err != nil {
		panic(err)
	}
	fmt.Print(string(res.HTML))
	_, err = r.Article("content/methodology.md", []byte("{{< scale foo >}}\n"), nil)
	fmt.Println(err)
	// Output:
	// <p>How we rate claims:</p>
	// <dl class="scale"><dt>Accurate</dt><dd>The claim is correct.</dd></dl>
	// 1:1: unknown scale "foo": the shortcodes are {{< scale claim >}} and {{< scale article >}}, each a paragraph of its own (write \{{< for the text "{{<" itself)
}
