//go:build !unix

package outdir

import "io/fs"

// inode is 0 where the system has none to give: size and time alone then
// tell a changed file.
func inode(fs.FileInfo) uint64 { return 0 }

// SameDevice reports whether a and b are on one file system; where the
// system cannot tell, it says no, and no folder is renamed between them.
func SameDevice(a, b string) bool { return false }
