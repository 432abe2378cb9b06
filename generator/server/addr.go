package server

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"syscall"
)

// DefaultAddr is where the server listens unless told otherwise.
const DefaultAddr = "127.0.0.1:1313"

// defaultAddr is DefaultAddr, changed by tests.
var defaultAddr = DefaultAddr

// fallbackPorts is how many ports after the default's listen tries when the
// default one is taken (1314..1333).
const fallbackPorts = 20

// listen opens addr for the server. An empty addr means DefaultAddr, and
// when its port is in use listen tries the next ones and says so in note
// ("port 1313 is in use; using 1314"): a second server for another site
// just works. An address given explicitly is the user's choice: when it is
// taken listen fails naming it, and when it is not a loopback address note
// warns that other machines can reach the server.
func listen(addr string) (ln net.Listener, note string, err error) {
	if addr != "" {
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, "", fmt.Errorf("-addr %s: want HOST:PORT, such as %s", addr, DefaultAddr)
		}
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			if errors.Is(err, syscall.EADDRINUSE) {
				return nil, "", fmt.Errorf("cannot listen on %s: the address is in use (is another server running? stop it, or choose another port with -addr)", addr)
			}
			return nil, "", fmt.Errorf("cannot listen on %s: %w", addr, err)
		}
		if !isLoopback(host) {
			note = fmt.Sprintf("warning: listening on %s: other machines on the network can see this preview", addr)
		}
		return ln, note, nil
	}
	host, portStr, _ := net.SplitHostPort(defaultAddr)
	port, _ := strconv.Atoi(portStr)
	var first error
	for p := port; p <= port+fallbackPorts; p++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(p)))
		if err == nil {
			if p != port {
				note = fmt.Sprintf("port %d is in use; using %d", port, p)
			}
			return ln, note, nil
		}
		if first == nil {
			first = err
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			break
		}
	}
	return nil, "", fmt.Errorf("cannot listen on %s or the %d ports after it: %w (choose a port with -addr)", defaultAddr, fallbackPorts, first)
}

// isLoopback reports whether host names this machine only.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// allowedHosts returns the host names a server listening at addr answers
// to, for handler.hosts: when addr is a loopback address, localhost,
// 127.0.0.1, ::1 and addr's own IP; otherwise nil, meaning any host, since
// other machines reach the server by whatever name or address they know
// it by.
func allowedHosts(addr net.Addr) map[string]bool {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || !tcp.IP.IsLoopback() {
		return nil
	}
	return map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true, tcp.IP.String(): true}
}
