package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/scholia/scholia/generator/internal/testsite"
)

// The hostile-site suite: each testdata/hostile/*.txtar is a site built to
// break scholia, with what must happen instead. Each runs as a child
// process, so that its time and peak memory are its own, measured by the
// kernel (rusage), and a hang or a blow-up fails one case, not the suite.
//
// The archive's comment holds one directive a line:
//
//	args: build -no-cache          the command line (default: build -no-cache)
//	exit: 1                        the exit status
//	stderr: TEXT                   stderr holds TEXT (Go-quoted when it starts with ")
//	stderr-lacks: TEXT             stderr does not hold TEXT
//	stdout: TEXT                   stdout holds TEXT
//	stdout-lacks: TEXT             stdout does not hold TEXT
//	gen: PATH = "a" + "[" * 100000 writes a file from quoted parts, each repeated ({i}: its number, {indent}: 2×{i} spaces)
//	articles: 2000                 adds a generated site of that many articles
//	symlink: PATH -> TARGET        makes a link; {outside} is a folder outside the site
//	fifo: PATH                     makes a named pipe
//	exists: PATH / absent: PATH    after the run (PATH may be a glob)
//	contains: PATH TEXT            the file at PATH holds TEXT
//	signal: TERM 300ms             sends the signal that long after the start
//	max-seconds: 30 / max-mb: 600  bounds on wall time and peak memory
//
// Bounds are generous, so that slow CI machines stay green; what they
// catch is a case that is minutes or gigabytes off.

// raceScale multiplies the bounds of time and memory; race_test.go sets it
// when the race detector slows the child down.
var raceScale int64 = 1

const (
	childEnv = "SCHOLIA_HOSTILE_ARGS"
	peakEnv  = "SCHOLIA_HOSTILE_PEAK" // where the child writes its peak memory
)

// reportPeak writes the child's peak resident memory, in kB, to the file
// at path. The kernel's rusage of a child counts the memory of the parent
// it was started from as well (the high-water mark is carried through
// exec), and a test process that has just written a 50 MB article is
// large: VmHWM, read by the child, is its own.
func reportPeak(path string) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil || path == "" {
		return
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			os.WriteFile(path, []byte(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB"))), 0o644)
		}
	}
}

func TestMain(m *testing.M) {
	if args := os.Getenv(childEnv); args != "" {
		var a []string
		if err := json.Unmarshal([]byte(args), &a); err != nil {
			panic(err)
		}
		status := Main(a, os.Stdout, os.Stderr)
		reportPeak(os.Getenv(peakEnv))
		os.Exit(status)
	}
	os.Exit(m.Run())
}

func TestHostileSites(t *testing.T) {
	names, err := filepath.Glob("testdata/hostile/*.txtar")
	if err != nil || len(names) == 0 {
		t.Fatalf("no hostile sites in testdata/hostile: %v", err)
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(name)
			if err != nil {
				t.Fatal(err)
			}
			c := parseCase(t, ar)
			c.run(t)
		})
	}
}

// hostileCase is one archive, read.
type hostileCase struct {
	dir, outside string
	args         []string
	exit         int
	checks       []func(t *testing.T, stdout, stderr string)
	signal       syscall.Signal
	after        time.Duration
	maxTime      time.Duration
	maxMB        int64
}

func parseCase(t *testing.T, ar *txtar.Archive) *hostileCase {
	c := &hostileCase{dir: t.TempDir(), outside: t.TempDir(), args: []string{"build", "-no-cache"}, maxTime: 30 * time.Second, maxMB: 600}
	for _, f := range ar.Files {
		c.write(t, f.Name, f.Data)
	}
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		key, val, ok := strings.Cut(line, ": ")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		c.directive(t, key, strings.ReplaceAll(val, "{outside}", c.outside))
	}
	return c
}

func (c *hostileCase) directive(t *testing.T, key, val string) {
	var err error
	switch key {
	case "args":
		c.args = strings.Fields(val)
	case "exit":
		c.exit, err = strconv.Atoi(val)
	case "stderr", "stderr-lacks", "stdout", "stdout-lacks":
		text := unquote(t, val)
		c.checks = append(c.checks, func(t *testing.T, stdout, stderr string) {
			got := stderr
			if strings.HasPrefix(key, "stdout") {
				got = stdout
			}
			if strings.Contains(got, text) == strings.HasSuffix(key, "-lacks") {
				t.Errorf("%s: %q\n%s was:\n%s", key, text, strings.TrimSuffix(key, "-lacks"), got)
			}
		})
	case "gen":
		p, expr, _ := strings.Cut(val, " = ")
		c.write(t, p, []byte(generate(t, expr)))
	case "articles":
		n, _ := strconv.Atoi(val)
		err = testsite.Write(c.dir, testsite.Generated(n))
	case "symlink":
		p, target, _ := strings.Cut(val, " -> ")
		os.MkdirAll(filepath.Dir(filepath.Join(c.dir, p)), 0o755)
		err = os.Symlink(unquote(t, target), filepath.Join(c.dir, unquote(t, p)))
	case "fifo":
		os.MkdirAll(filepath.Dir(c.path(val)), 0o755)
		err = syscall.Mkfifo(c.path(val), 0o644)
	case "exists", "absent":
		c.checks = append(c.checks, func(t *testing.T, _, _ string) {
			m, _ := filepath.Glob(c.path(val))
			if (len(m) > 0) != (key == "exists") {
				t.Errorf("%s: %s, but found %v", key, val, m)
			}
		})
	case "contains":
		p, text, _ := strings.Cut(val, " ")
		c.checks = append(c.checks, func(t *testing.T, _, _ string) {
			b, err := os.ReadFile(c.path(p))
			if err != nil || !bytes.Contains(b, []byte(unquote(t, text))) {
				t.Errorf("contains: %s does not hold %s (%v)", p, text, err)
			}
		})
	case "signal":
		sig, after, _ := strings.Cut(val, " ")
		c.signal = map[string]syscall.Signal{"TERM": syscall.SIGTERM, "INT": syscall.SIGINT}[sig]
		c.after, err = time.ParseDuration(after)
	case "max-seconds":
		var n int
		n, err = strconv.Atoi(val)
		c.maxTime = time.Duration(n) * time.Second
	case "max-mb":
		c.maxMB, err = strconv.ParseInt(val, 10, 64)
	default:
		t.Fatalf("unknown directive %q", key)
	}
	if err != nil {
		t.Fatalf("%s: %s: %v", key, val, err)
	}
}

func (c *hostileCase) path(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.dir, filepath.FromSlash(p))
}

func (c *hostileCase) write(t *testing.T, name string, data []byte) {
	p := filepath.Join(c.dir, filepath.FromSlash(unquote(t, name)))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// unquote reads a Go-quoted string, and takes any other text as it is.
func unquote(t *testing.T, s string) string {
	if !strings.HasPrefix(s, `"`) {
		return s
	}
	u, err := strconv.Unquote(s)
	if err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	return u
}

// generate evaluates `"a" + "[" * 3 + "]" * 3`; in a repeated part, {i}
// is the repetition's number and {indent} that many pairs of spaces.
func generate(t *testing.T, expr string) string {
	var b strings.Builder
	for _, term := range strings.Split(expr, " + ") {
		s, times, found := strings.Cut(term, " * ")
		n := 1
		if found {
			var err error
			if n, err = strconv.Atoi(times); err != nil {
				t.Fatalf("gen: %s: %v", term, err)
			}
		}
		part := unquote(t, s)
		if !strings.Contains(part, "{") {
			b.WriteString(strings.Repeat(part, n))
			continue
		}
		for i := range n {
			b.WriteString(strings.NewReplacer("{i}", strconv.Itoa(i), "{indent}", strings.Repeat("  ", i)).Replace(part))
		}
	}
	return b.String()
}

func (c *hostileCase) run(t *testing.T) {
	args, _ := json.Marshal(c.args)
	c.maxTime *= time.Duration(raceScale)
	c.maxMB *= min(raceScale, 3)
	ctx, cancel := context.WithTimeout(context.Background(), c.maxTime+10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Dir = c.dir
	peakFile := filepath.Join(t.TempDir(), "peak")
	cmd.Env = append(os.Environ(), childEnv+"="+string(args), peakEnv+"="+peakFile, "GOMAXPROCS=2")
	debug.FreeOSMemory() // the generated files are written: hand their memory back
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if c.signal != 0 {
		time.AfterFunc(c.after, func() { cmd.Process.Signal(c.signal) })
	}
	err := cmd.Wait()
	took := time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("still running after %s: killed", took.Round(time.Second))
	}
	status := cmd.ProcessState.ExitCode()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		t.Fatalf("killed by %v (%v):\n%s", ws.Signal(), err, stderr.String())
	}
	mb := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss / 1024
	if b, err := os.ReadFile(peakFile); err == nil {
		if kb, err := strconv.ParseInt(string(b), 10, 64); err == nil {
			mb = kb / 1024
		}
	}
	t.Logf("exit %d in %s, peak %d MB", status, took.Round(time.Millisecond), mb)
	if status != c.exit {
		t.Errorf("exit status %d, want %d; stderr:\n%s", status, c.exit, stderr.String())
	}
	if took > c.maxTime {
		t.Errorf("took %s, more than the bound of %s", took.Round(time.Millisecond), c.maxTime)
	}
	if mb > c.maxMB {
		t.Errorf("peak memory %d MB, more than the bound of %d MB", mb, c.maxMB)
	}
	for _, check := range c.checks {
		check(t, stdout.String(), stderr.String())
	}
	if t.Failed() {
		fmt.Fprintf(os.Stderr, "args %v in %s\n", c.args, c.dir)
	}
}
