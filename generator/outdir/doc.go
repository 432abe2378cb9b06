// Package outdir is the output folder of a build: written whole beside the
// old one, then swapped in at once, so a reader never sees a half-written
// site and a failed build leaves the old one as it was.
//
// # Writing
//
// New makes a fresh hidden folder beside the output; Write, Copy and Link
// put files in it; Commit writes the marker and swaps it in; Discard drops
// it:
//
//	f, err := outdir.New("public")
//	if err != nil {
//		return err // "refusing to replace public: ..." for a foreign folder
//	}
//	if _, err := f.Write("a/index.html", page); err != nil {
//		f.Discard()
//		return err
//	}
//	return f.Commit(buildID)
//
// On Linux the swap is one renameat2 RENAME_EXCHANGE; elsewhere it is two
// renames, with the output missing for a moment in between.
//
// # Safety
//
// Every write goes through an os.Root opened on the new folder, and every
// path is checked by CleanRel to be a clean relative path, so no slug, tag,
// file name or symlink can make a build write outside its output. New
// refuses to replace a non-empty folder without a Marker from an earlier
// build, so a mistyped -out cannot wipe a folder of documents.
//
// # Knowing a file again
//
// Write, Copy and Link's source are described by a Stat (size, modification
// time, inode). A build cache keeps it, and links a file of the last
// output into the next only while its Stat is unchanged: a file edited in
// place since is written afresh.
package outdir
