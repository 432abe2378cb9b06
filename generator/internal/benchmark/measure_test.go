package benchmark

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary stand in for the programs under test: with
// BENCH_CHILD set it is a child process that does what the value says.
func TestMain(m *testing.M) {
	switch os.Getenv("BENCH_CHILD") {
	case "":
		os.Exit(m.Run())
	case "work":
		// 64 MiB touched, and some CPU time.
		b := make([]byte, 64<<20)
		for i := range b {
			b[i] = byte(i)
		}
		deadline := time.Now().Add(100 * time.Millisecond)
		for time.Now().Before(deadline) {
		}
		os.Exit(int(b[len(b)-1]) - 255)
	case "fail":
		os.Stderr.WriteString("it went wrong\n")
		os.Exit(3)
	case "serve":
		os.Stdout.WriteString("built the site in 1ms\nserving http://127.0.0.1:9/ (Ctrl-C to stop)\n")
		time.Sleep(time.Minute)
	}
}

func child(what string) *exec.Cmd {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "BENCH_CHILD="+what)
	return cmd
}

func TestMeasureSamplesTheChild(t *testing.T) {
	s, err := measure(child("work"))
	if err != nil {
		t.Fatal(err)
	}
	if s.CPU < 80*time.Millisecond || s.Wall < s.CPU/time.Duration(runtime.NumCPU()) {
		t.Errorf("wall %s, CPU %s: want at least the child's 100 ms of work", s.Wall, s.CPU)
	}
	if runtime.GOOS == "linux" && s.PeakKiB < 64<<10 {
		t.Errorf("peak %d KiB, want at least the child's 64 MiB", s.PeakKiB)
	}
}

func TestMeasureSaysWhyAChildFailed(t *testing.T) {
	_, err := measure(child("fail"))
	if err == nil || !strings.Contains(err.Error(), "it went wrong") || !strings.Contains(err.Error(), "exit status 3") {
		t.Errorf("error %v: want the exit status and the child's stderr", err)
	}
}

func TestMedianTakesEachFigureOnItsOwn(t *testing.T) {
	got := median([]Sample{
		{Wall: 9 * time.Second, CPU: 2 * time.Second, PeakKiB: 10},
		{Wall: 1 * time.Second, CPU: 3 * time.Second, PeakKiB: 900},
		{Wall: 2 * time.Second, CPU: 1 * time.Second, PeakKiB: 20},
	})
	if want := (Sample{Wall: 2 * time.Second, CPU: 2 * time.Second, PeakKiB: 20}); got != want {
		t.Errorf("median = %+v, want %+v", got, want)
	}
	if got := medianDuration([]time.Duration{4, 1, 3, 2}); got != 2 {
		t.Errorf("median of 1..4 = %d, want 2 (the mean of the middle two, rounded down)", got)
	}
}

func TestStartServerWaitsForItsAddress(t *testing.T) {
	cmd := child("serve")
	s, err := startServer(cmd, scholiaReady, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if s.url != "http://127.0.0.1:9/" {
		t.Errorf("url %q, want the one the server printed", s.url)
	}
	if kib, err := highWaterKiB(cmd); runtime.GOOS == "linux" && (err != nil || kib <= 0) {
		t.Errorf("VmHWM %d KiB, %v: want the running child's", kib, err)
	}
	s.stop()
	if cmd.ProcessState == nil {
		t.Error("stop returned with the server still running")
	}
}

func TestStartServerSaysWhenTheServerExits(t *testing.T) {
	_, err := startServer(child("fail"), scholiaReady, 30*time.Second)
	if err == nil || !strings.Contains(err.Error(), "it went wrong") {
		t.Errorf("error %v: want the server's output", err)
	}
}
