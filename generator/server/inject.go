package server

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"strings"

	"github.com/scholia/scholia/generator/page"
)

// scriptPath is where the handler serves the live-reload script.
const scriptPath = "/__scholia/livereload.js"

var (
	//go:embed client/livereload.js
	clientJS string
	//go:embed client/overlay.css
	overlayCSS string
)

// script is the live-reload script with the overlay's stylesheet inlined,
// so a page makes one request for both.
var script = func() []byte {
	css, _ := json.Marshal(overlayCSS)
	return []byte(strings.Replace(clientJS, `/*OVERLAY_CSS*/ ""`, string(css), 1))
}()

// inject returns doc, a page, with the live-reload script tag added before
// </body> (or at the end when there is none). The tag tells the script
// which server instance and build generation served the page and which
// output files it shows (files: a page reloads when one of them changes),
// percent-encoded and separated by spaces, so that a name with a space
// stays one name.
func inject(doc []byte, id string, gen int, files []string) []byte {
	encoded := make([]string, len(files))
	for i, f := range files {
		encoded[i] = page.EscapePath(f)
	}
	tag := fmt.Appendf(nil, `<script src="%s" data-id="%s" data-gen="%d" data-files="%s" defer></script>`,
		scriptPath, html.EscapeString(id), gen, html.EscapeString(strings.Join(encoded, " ")))
	i := lastIndexFold(doc, []byte("</body"))
	if i < 0 {
		i = len(doc)
	}
	out := make([]byte, 0, len(doc)+len(tag)+1)
	out = append(out, doc[:i]...)
	out = append(out, tag...)
	if i < len(doc) {
		out = append(out, '\n')
	}
	return append(out, doc[i:]...)
}

// lastIndexFold is bytes.LastIndex ignoring ASCII case.
func lastIndexFold(s, sub []byte) int {
	for i := len(s) - len(sub); i >= 0; i-- {
		if bytes.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}
