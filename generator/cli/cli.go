// Package cli is the scholia command line: build, check, serve, new and
// version.
//
// # Commands
//
//	scholia build [-src DIR] [-out DIR] [-base-url URL] [-drafts] [-future] [-no-cache]
//	scholia check [-src DIR] [-format text|json|github] [-strict] [-drafts] [-future]
//	scholia serve [-src DIR] [-addr 127.0.0.1:1313] [-poll DURATION] [-drafts] [-future]
//	scholia new [-src DIR] PATH
//	scholia new site [-title TITLE] [-base-url URL] DIR
//	scholia version
//
// Every command takes -h. Main returns the exit status: 0 on success, 1 when
// the content has errors (or the build failed), 2 on a usage error. Content
// errors go to stderr, one per line, as PATH:LINE:COL: message with PATH
// relative to the site root.
//
// # Example
//
//	$ scholia build -src . -base-url https://example.github.io/proj/
//	built 14 pages and 9 files into public in 38ms
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// Exit statuses.
const (
	ExitOK      = 0
	ExitContent = 1 // the content has errors, or the command failed
	ExitUsage   = 2
)

// errUsage marks errors that are the caller's way of calling, not content.
var errUsage = errors.New("usage")

type command struct {
	name, args, help string
	run              func(env *env, args []string) error
}

// commands is filled in init: the commands refer back to it for their help.
var commands []command

func init() {
	commands = []command{
		{"build", "[-src DIR] [-out DIR] [-base-url URL] [-drafts] [-future] [-no-cache]", "build the site into its output folder", runBuild},
		{"check", "[-src DIR] [-format text|json|github] [-strict] [-drafts] [-future]", "check the site as a build would, writing nothing", runCheck},
		{"serve", "[-src DIR] [-addr 127.0.0.1:1313] [-poll DURATION] [-drafts] [-future]", "build the site in memory and serve it with live reload", runServe},
		{"new", "[-src DIR] PATH | site [-title TITLE] [-base-url URL] DIR", "create content/PATH.md and its sidecar, or a new site in DIR", runNew},
		{"fix", "[-src DIR] [-min-score 0.9] [-dry-run] [PATH...]", "re-anchor the claims whose quotes an edit of their article broke", runFix},
		{"import", "hypothesis|w3c FILE -article content/PATH.md [-src DIR] [-dry-run]", "add annotations made with Hypothesis or as W3C Web Annotations to an article's sidecar", runImport},
		{"version", "", "print the version", runVersion},
	}
}

// env is where a command writes.
type env struct {
	stdout, stderr io.Writer
}

// Main runs the command line args (without the program name) and returns
// the exit status. No panic gets past it.
func Main(args []string, stdout, stderr io.Writer) (status int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "scholia: internal error: %v\nThis is a bug in scholia; please report it with the command you ran.\n", r)
			if os.Getenv("SCHOLIA_DEBUG") != "" {
				stderr.Write(debug.Stack())
			}
			status = ExitContent
		}
	}()
	e := &env{stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		e.usage(stdout)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return e.status(c.run(e, args[1:]))
		}
	}
	fmt.Fprintf(stderr, "scholia: unknown command %q\n", args[0])
	e.usage(stderr)
	return ExitUsage
}

func (e *env) usage(w io.Writer) {
	fmt.Fprintln(w, "Scholia builds annotated articles into a static site.\n\nUsage:")
	for _, c := range commands {
		fmt.Fprintf(w, "  scholia %-8s %s\n", c.name, c.help)
	}
	fmt.Fprintln(w, "\nRun 'scholia COMMAND -h' for a command's flags.")
}

// status turns a command's error into an exit status, printing it.
func (e *env) status(err error) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.Is(err, errUsage):
		if msg := strings.TrimPrefix(err.Error(), errUsage.Error()+": "); msg != errUsage.Error() {
			fmt.Fprintln(e.stderr, "scholia:", msg)
		}
		return ExitUsage
	}
	if !printContentErrors(e.stderr, err, "text", nil) {
		fmt.Fprintln(e.stderr, "scholia:", err)
	}
	return ExitContent
}

// flags returns a flag set for a command that prints its help on -h.
func (e *env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	for _, c := range commands {
		if c.name == name {
			fs.Usage = func() {
				fmt.Fprintf(fs.Output(), "Usage: scholia %s %s\n\n%s.\n\nFlags:\n", c.name, c.args, strings.ToUpper(c.help[:1])+c.help[1:])
				fs.PrintDefaults()
			}
		}
	}
	return fs
}

// parse parses a command's flags; a bad flag is a usage error, and -h
// prints the help to stdout.
func (e *env) parse(fs *flag.FlagSet, args []string) error {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(e.stdout)
			fs.Usage()
			return flag.ErrHelp
		}
	}
	// The flag package would print the error and the whole usage; say it
	// once, with where to look.
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %s: %s (see 'scholia %s -h')", errUsage, fs.Name(), err, fs.Name())
	}
	return nil
}

func runVersion(e *env, args []string) error {
	fs := e.flags("version")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: version takes no arguments", errUsage)
	}
	fmt.Fprintln(e.stdout, "scholia", Version())
	return nil
}

// Version is the module version the binary was built from ("devel" when
// built inside the repository), with the VCS revision, its time and
// whether the tree had changes, when the build recorded them.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return versionOf(bi)
}

func versionOf(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	var rev, when string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return v
	}
	out := v + " (" + rev[:min(len(rev), 12)]
	if when != "" {
		out += ", " + when
	}
	if modified {
		out += ", with uncommitted changes"
	}
	return out + ")"
}
