// Package screenshots photographs the default theme in headless Chromium,
// so that a person can look at what the layout tests of generator/site
// measure: `make screenshots` runs it through cmd/scholia-screenshots and
// prints the path of each file it writes. It is not part of `make test`.
//
// # What it does
//
// It builds two sites into a temporary folder: the example site at the
// repository's root (site.yaml, content/, templates/) and the Arabic test
// site, generator/site/testdata/arabic-site.txtar, unpacked there first.
// It serves both outputs on 127.0.0.1, on ports of the system's choosing,
// and opens their articles in headless Chromium (generator/internal/chromium,
// a fresh profile in the temporary folder). Then it writes, into a fresh
// folder of its own (os.MkdirTemp, named scholia-screenshots-*):
//
//	example-1280.png        the example article, 1280 px wide, light
//	example-390.png         the same, 390 px wide (a phone)
//	example-dark-1280.png   1280 px, prefers-color-scheme: dark
//	example-dark-390.png    390 px, dark
//	example-print.pdf       the article printed to PDF (Letter, as Chromium prints)
//	example-print.png       the page in print media, 816 px wide (Letter at 96 px an inch)
//	arabic-1280.png         the Arabic article, right to left, 1280 px
//	arabic-390.png          the same, 390 px
//
// Each PNG is the whole page, top to bottom, at one device pixel per CSS
// pixel, taken after the page's load event and its web fonts. The page's
// own script runs, as it would for a reader.
//
// # What it needs
//
// Chromium: Debian's chromium (apt-get install chromium) or another Chrome
// on PATH. Without one it stops at once with a message that says so, and
// exits with status 2. It needs no network: the sites are served on
// loopback and Chromium is started with its background traffic off.
//
// # What it leaves
//
// Nothing is written into the repository: the builds, the server's files
// and Chromium's profile live in a temporary folder that is removed at the
// end, and the pictures in their own temporary folder, which is kept for
// you to look at and delete.
package screenshots
