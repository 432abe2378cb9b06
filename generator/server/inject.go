package server

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"strings"
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

// inject returns page with the live-reload script tag added before
// </body> (or at the end when there is none). The tag tells the script
// which server instance and build generation served the page and which
// output files it shows (files: a page reloads when one of them changes).
func inject(page []byte, id string, gen int, files []string) []byte {
	tag := fmt.Appendf(nil, `<script src="%s" data-id="%s" data-gen="%d" data-files="%s" defer></script>`,
		scriptPath, html.EscapeString(id), gen, html.EscapeString(strings.Join(files, " ")))
	i := lastIndexFold(page, []byte("</body"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag)+1)
	out = append(out, page[:i]...)
	out = append(out, tag...)
	if i < len(page) {
		out = append(out, '\n')
	}
	return append(out, page[i:]...)
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
