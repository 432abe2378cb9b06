package server

import (
	"net/http"
	"time"
)

// The HTTP server's limits, so that a client that stops talking or
// reading never holds a connection, its goroutine and its buffers for
// ever. None bounds a whole response: a page's event stream lasts as long
// as the page, and a video in content/ may be read as slowly as it plays.
//
// There is no ReadTimeout: the server reads no request bodies (anything
// but GET and HEAD gets 405), and net/http would cancel a streaming
// request when its read deadline passed, ending every event stream
// ReadTimeout after it began.
const (
	// readHeaderTimeout bounds reading a request's header.
	readHeaderTimeout = 10 * time.Second
	// defaultIdleTimeout is how long a keep-alive connection may wait for
	// its next request. Browsers keep idle connections for minutes; one
	// closed here is reopened at once when the browser needs it.
	defaultIdleTimeout = 60 * time.Second
	// defaultWriteTimeout is how long one write to a client may block: it
	// is the http.Server's WriteTimeout, which covers a response until its
	// first write, and deadlineWriter moves it on before every write.
	defaultWriteTimeout = 30 * time.Second
)

// deadlineWriter is a ResponseWriter that moves the connection's write
// deadline to d from now before each write, so that WriteTimeout bounds
// how long one write stalls (a client that stopped reading) rather than
// how long the response takes: event streams and slow downloads go on as
// long as the client reads. The last write's deadline also covers the
// final flush net/http makes after the handler returns.
type deadlineWriter struct {
	http.ResponseWriter
	rc *http.ResponseController
	d  time.Duration
}

func newDeadlineWriter(w http.ResponseWriter, d time.Duration) *deadlineWriter {
	return &deadlineWriter{ResponseWriter: w, rc: http.NewResponseController(w), d: d}
}

// Write implements io.Writer.
func (w *deadlineWriter) Write(p []byte) (int, error) {
	// A writer without deadlines (a test's recorder) just writes.
	_ = w.rc.SetWriteDeadline(time.Now().Add(w.d))
	return w.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the connection beneath, to
// flush the event stream.
func (w *deadlineWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
