// Package server is Scholia's dev server: `scholia serve`. It builds a site
// in memory, serves it, watches its files, rebuilds what a change affects
// and tells open pages, which morph in place, reload, swap their
// stylesheets or show the errors of a failed build.
//
// Its API is Run, with Options, and the Site it serves (*site.Live); the
// rest is unexported.
//
// # Example
//
//	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
//	defer stop()
//	err = server.Run(ctx, server.Options{
//		Root: ".",
//		Open: func(url string) (server.Site, error) {
//			return site.NewLive(site.Options{FS: os.DirFS("."), BaseURL: url})
//		},
//		Stdout: os.Stdout, Stderr: os.Stderr,
//	})
//
// prints
//
//	built the site in 41ms
//	serving http://127.0.0.1:1313/ (Ctrl-C to stop)
//	12:03:04 content/articles/moon.md → 3 pages in 8.2ms
//	12:03:09 content/articles/moon.annotations.yaml → 1 error in 3.1ms; serving the last good pages:
//	content/articles/moon.annotations.yaml:12:12: claim "cheese": quote not found ...
//	waiting for a fix
//	12:03:15 content/articles/moon.annotations.yaml → fixed; 3 pages in 7.9ms
//
// Run returns nil when ctx is done, even if it had to cut off a slow
// request to stop, and an error when it cannot start (a port in use, a
// site that cannot be built) or when watching stops by itself.
//
// # Watching
//
// The watcher follows site.yaml, content/ and templates/ with fsnotify,
// recursively, adding folders created later, and ends a batch of changes
// when a burst of events is over (10 ms without events, or 250 ms after
// the first): a git checkout touching 200 files is one rebuild. When the
// batch ends it looks at the disk, so editors' atomic saves (a temp file
// renamed over the original) report the original as changed, and files
// that came and went within the batch are not reported at all. Editors'
// scratch files (vim's .swp and 4913, emacs's #x# and .#x, JetBrains'
// ___jb_tmp___, ~ backups, hidden files) and chmod-only events never
// count. With Options.Poll (-poll 500ms) it scans sizes and modification
// times instead, for file systems that deliver no events.
//
// # Reloading
//
// The server serves the site from memory and injects a small script into
// every HTML response (never into the output on disk). The script listens
// to Server-Sent Events at /__scholia/events: a page whose output changed
// fetches itself again and morphs its DOM to match, so that the scroll
// position, focus, selection and open <details> stay as the reader left
// them; it reloads instead (keeping its scroll position) when its head
// changed in a way a morph cannot apply (a stylesheet link, a script,
// <base>), when a script runs in its body changed, or when an image or
// other asset it may embed changed; a change of stylesheets only swaps
// them in place; a failed rebuild shows an overlay on every page
// with each error's place, message and source lines, which goes away by
// itself after the next good build, or when the page reconnects to a
// server whose site is good. A page reconnects by itself when the server
// restarts, and then reloads; it also reloads when it connects and learns
// that a rebuild happened after it was served.
//
// # Safety
//
// The server serves only output files: request paths are decoded one
// segment at a time and refused if a segment is "." or "..", or holds a
// slash, backslash or NUL. It listens on 127.0.0.1 unless told otherwise,
// and says so when it is reachable from other machines. On a loopback
// address it answers only requests whose Host is localhost, 127.0.0.1,
// [::1] or the address itself, so that a web page cannot reach it by
// pointing a domain of its own at 127.0.0.1 (DNS rebinding). It answers
// GET and HEAD only, on its own endpoints under /__scholia/ as on pages:
// any other method gets 405 Method Not Allowed with Allow: GET, HEAD.
//
// No client holds a connection for ever: a request's header must come
// within 10 s, a keep-alive connection is closed after 60 s without a
// request, and a write that cannot go on for 30 s (a client that stopped
// reading) ends its response. The write limit applies to each write, not
// to the whole response, so event streams and slow downloads (a video
// playing from content/) last as long as their clients read them.
package server
