package webtest

import (
	"net"
	"net/http"
	"slices"
	"sync"
)

// refusingProxy is an HTTP proxy on 127.0.0.1 that forwards nothing. The
// browser sends it every request that is not for loopback; it records the
// host and answers 403, so nothing leaves the machine even from contexts
// the DevTools interception does not see.
type refusingProxy struct {
	ln    net.Listener
	srv   *http.Server
	mu    sync.Mutex
	hosts []string
}

func startRefusingProxy() (*refusingProxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &refusingProxy{ln: ln}
	p.srv = &http.Server{Handler: http.HandlerFunc(p.refuse)}
	go p.srv.Serve(ln)
	return p, nil
}

func (p *refusingProxy) refuse(w http.ResponseWriter, r *http.Request) {
	target := r.Host
	if r.Method != http.MethodConnect && r.URL.IsAbs() {
		target = r.URL.String()
	}
	p.mu.Lock()
	p.hosts = append(p.hosts, r.Method+" "+target)
	p.mu.Unlock()
	http.Error(w, "offline test: no requests leave this machine", http.StatusForbidden)
}

// Addr is the proxy's host:port.
func (p *refusingProxy) Addr() string { return p.ln.Addr().String() }

// Hosts lists the refused requests as "METHOD target".
func (p *refusingProxy) Hosts() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.hosts)
}

// Close stops the proxy.
func (p *refusingProxy) Close() error { return p.srv.Close() }
