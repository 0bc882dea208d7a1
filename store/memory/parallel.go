package memory

import (
	"runtime"
	"sync"
)

// parallel runs the functions at the same time and returns when all are done.
func parallel(fns ...func()) {
	var wg sync.WaitGroup
	for _, f := range fns {
		wg.Go(f)
	}
	wg.Wait()
}

// parallelChunks splits [0, n) into one range per CPU and runs f on each at
// the same time; part numbers the ranges in order.
func parallelChunks(n int, f func(part, lo, hi int)) {
	parts := min(runtime.GOMAXPROCS(0), max(n, 1))
	fns := make([]func(), parts)
	for p := range parts {
		lo, hi := n*p/parts, n*(p+1)/parts
		fns[p] = func() { f(p, lo, hi) }
	}
	parallel(fns...)
}
