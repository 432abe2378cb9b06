package cli

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/scholia/scholia/generator/outdir"
)

// stopCleanly makes a build that is told to stop (Ctrl-C, or the SIGTERM
// that timeout and CI runners send) remove its half-written output folder
// before it exits, with the shell's status for the signal. The previous
// output stays as it was. The returned func ends the watch.
func stopCleanly() (done func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	quit := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			outdir.DiscardAll()
			code := 130
			if sig == syscall.SIGTERM {
				code = 143
			}
			os.Exit(code)
		case <-quit:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(quit)
	}
}
