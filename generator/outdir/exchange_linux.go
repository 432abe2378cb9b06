package outdir

import "golang.org/x/sys/unix"

// exchange swaps two folders in one step, so readers of the output (a web
// server, the dev server) never see it missing or half written.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if err == unix.ENOSYS || err == unix.EINVAL {
		return exchangeByRenames(a, b)
	}
	return err
}
