package memory_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/synth"
	"github.com/corridor-kg/corridor/store/memory"
)

// The scale benchmarks measure the memory store on synthetic graphs of 10k and
// 100k nodes, and of 1M nodes when CORRIDOR_BENCH_1M=1 (too slow and large for
// every run). Issue 5's targets at 1M: resident memory ≤ 2 GiB, load ≤ 60 s,
// neighborhood depth 2 p99 ≤ 20 ms, 4-hop paths ≤ 50 ms, commitmentStats ≤
// 100 ms. Run one at a time, e.g.
//
//	CORRIDOR_BENCH_1M=1 go test ./store/memory -run '^$' -bench 'Scale' -benchtime 20x -timeout 60m
//
// Latency benchmarks report p50-ms, p99-ms and max-ms over their iterations,
// each iteration one query of a fixed, seeded sample, after one warm-up query
// whose time is first-ms. Use at least 100 iterations (-benchtime 100x) for
// p99 to differ from max.

// scaleSizes returns the sizes to run.
func scaleSizes() []int {
	sizes := []int{10_000, 100_000}
	if on, _ := strconv.ParseBool(os.Getenv("CORRIDOR_BENCH_1M")); on {
		sizes = append(sizes, 1_000_000)
	}
	return sizes
}

// scaleCache keeps the last dataset and store built, so the benchmarks of one
// size share them (one size at a time, to keep memory down).
var scaleCache struct {
	n     int
	ds    *domain.Dataset
	store *memory.Store
}

func scaleStore(b *testing.B, n int) (*memory.Store, *domain.Dataset) {
	b.Helper()
	if scaleCache.n != n {
		scaleCache.ds, scaleCache.store = nil, nil
		runtime.GC()
		ds := synth.Generate(1, n)
		s, err := memory.New(ds)
		if err != nil {
			b.Fatal(err)
		}
		scaleCache.n, scaleCache.ds, scaleCache.store = n, ds, s
	}
	return scaleCache.store, scaleCache.ds
}

// latencies records the warm-up query's duration and one duration per timed
// operation, and reports them.
type latencies struct {
	first time.Duration
	d     []time.Duration
}

// warmUp runs one query before the timing starts: the first query of a
// snapshot fills pools (neighbourhoods, paths) or builds a grouping's table
// (commitmentStats), once per snapshot. Its time is reported as first-ms.
func (l *latencies) warmUp(b *testing.B, f func() error) {
	b.Helper()
	start := time.Now()
	if err := f(); err != nil {
		b.Fatal(err)
	}
	l.first = time.Since(start)
	b.ResetTimer()
}

func (l *latencies) time(f func()) {
	start := time.Now()
	f()
	l.d = append(l.d, time.Since(start))
}

// report reports first-ms, p50-ms, p99-ms and max-ms (after the timed loop:
// ResetTimer drops metrics reported before it).
func (l *latencies) report(b *testing.B) {
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	if l.first > 0 {
		b.ReportMetric(ms(l.first), "first-ms")
	}
	if len(l.d) == 0 {
		return
	}
	s := slices.Clone(l.d)
	slices.Sort(s)
	at := func(p float64) time.Duration { return s[min(len(s)-1, int(p*float64(len(s))))] }
	b.ReportMetric(ms(at(0.50)), "p50-ms")
	b.ReportMetric(ms(at(0.99)), "p99-ms")
	b.ReportMetric(ms(s[len(s)-1]), "max-ms")
}

// procStatus returns a size field of /proc/self/status ("VmRSS", "VmHWM") in
// bytes (Linux), or 0.
func procStatus(field string) uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// BenchmarkScaleLoad measures memory.New (ns/op is the load time) and the
// memory held once the dataset is loaded, in MiB: heap in use and memory
// obtained from the OS after a GC (heap-MiB, sys-MiB); the process's resident
// set after debug.FreeOSMemory returned the freed pages, as a server that
// calls it after loading (or runs with GOMEMLIMIT) would hold (rss-MiB); and
// the resident set's high-water mark over the whole process, generating the
// dataset included (peak-rss-MiB). cpu-s/op is the processor time (user and
// system, every thread, the garbage collector's included) of one load: on a
// busy machine ns/op grows with the other processes' load, cpu-s/op much less.
func BenchmarkScaleLoad(b *testing.B) {
	for _, n := range scaleSizes() {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			scaleCache.n, scaleCache.ds, scaleCache.store = 0, nil, nil
			runtime.GC()
			ds := synth.Generate(1, n)
			var s *memory.Store
			b.ResetTimer()
			cpu0 := cpuTime()
			for b.Loop() {
				s = nil
				var err error
				if s, err = memory.New(ds); err != nil {
					b.Fatal(err)
				}
			}
			cpu := cpuTime() - cpu0
			b.StopTimer()
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			debug.FreeOSMemory()
			b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MiB")
			b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MiB")
			b.ReportMetric(float64(procStatus("VmRSS"))/(1<<20), "rss-MiB")
			b.ReportMetric(float64(procStatus("VmHWM"))/(1<<20), "peak-rss-MiB")
			b.ReportMetric(float64(len(ds.Nodes())), "nodes")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			scaleCache.n, scaleCache.ds, scaleCache.store = n, ds, s
		})
	}
}

// sampleIDs returns k node IDs drawn with a fixed seed from the nodes of the
// given kinds (every kind when none).
func sampleIDs(ds *domain.Dataset, k int, kinds ...domain.Kind) []string {
	var ids []string
	for _, x := range ds.Nodes() {
		if len(kinds) == 0 || slices.Contains(kinds, x.NodeKind()) {
			ids = append(ids, x.NodeID())
		}
	}
	r := rand.New(rand.NewPCG(7, 11))
	out := make([]string, k)
	for i := range out {
		out[i] = ids[r.IntN(len(ids))]
	}
	return out
}

// BenchmarkScaleNeighborhood: depth-2 neighbourhoods (default limit, 200
// nodes) around nodes of every kind drawn at random, hubs included.
func BenchmarkScaleNeighborhood(b *testing.B) {
	ctx := context.Background()
	for _, n := range scaleSizes() {
		b.Run(fmt.Sprintf("n=%d/depth=2", n), func(b *testing.B) {
			s, ds := scaleStore(b, n)
			centres := sampleIDs(ds, 1000)
			var lat latencies
			lat.warmUp(b, func() error {
				_, err := s.Neighborhood(ctx, domain.NeighborhoodQuery{ID: centres[0], Depth: 2})
				return err
			})
			i := 0
			for b.Loop() {
				id := centres[i%len(centres)]
				i++
				lat.time(func() {
					if _, err := s.Neighborhood(ctx, domain.NeighborhoodQuery{ID: id, Depth: 2}); err != nil {
						b.Fatal(err)
					}
				})
			}
			lat.report(b)
		})
	}
}

// BenchmarkScalePaths: up to 5 paths of at most 4 hops between actors drawn
// at random. Searches that exceed the work bound (an EINVALID answer, as users
// would get) are timed like the others and counted in too-broad-%.
func BenchmarkScalePaths(b *testing.B) {
	ctx := context.Background()
	for _, n := range scaleSizes() {
		b.Run(fmt.Sprintf("n=%d/maxHops=4", n), func(b *testing.B) {
			s, ds := scaleStore(b, n)
			ends := sampleIDs(ds, 2000, domain.KindPerson, domain.KindOrganization, domain.KindCountry)
			var lat latencies
			lat.warmUp(b, func() error {
				_, err := s.Paths(ctx, domain.PathQuery{From: ends[0], To: ends[1], MaxHops: 4})
				if domain.ErrorCode(err) == domain.EINVALID {
					return nil
				}
				return err
			})
			i, broad, found := 0, 0, 0
			for b.Loop() {
				from, to := ends[(2*i)%len(ends)], ends[(2*i+1)%len(ends)]
				i++
				lat.time(func() {
					ps, err := s.Paths(ctx, domain.PathQuery{From: from, To: to, MaxHops: 4})
					switch {
					case err != nil && domain.ErrorCode(err) == domain.EINVALID:
						broad++
					case err != nil:
						b.Fatal(err)
					case len(ps) > 0:
						found++
					}
				})
			}
			lat.report(b)
			b.ReportMetric(100*float64(broad)/float64(max(i, 1)), "too-broad-%")
			b.ReportMetric(100*float64(found)/float64(max(i, 1)), "found-%")
		})
	}
}

// BenchmarkScaleCommitmentStats: every grouping over all commitments, and by
// series over one actor's commitments.
func BenchmarkScaleCommitmentStats(b *testing.B) {
	ctx := context.Background()
	for _, n := range scaleSizes() {
		// Every grouping, all groups; and the two with hundreds of thousands of
		// groups at 1M, the top 100 (commitmentStats(first: 100)).
		type run struct {
			g     domain.CommitmentGroup
			first int
		}
		var runs []run
		for _, g := range domain.CommitmentGroups {
			runs = append(runs, run{g, 0})
		}
		runs = append(runs, run{domain.GroupActor, 100}, run{domain.GroupMeeting, 100})
		for _, r := range runs {
			name := fmt.Sprintf("n=%d/%s", n, r.g)
			if r.first > 0 {
				name += fmt.Sprintf("/first=%d", r.first)
			}
			b.Run(name, func(b *testing.B) {
				s, _ := scaleStore(b, n)
				stats := func() error {
					_, err := s.CommitmentStats(ctx, r.g, domain.CommitmentFilter{}, r.first)
					return err
				}
				var lat latencies
				lat.warmUp(b, stats)
				for b.Loop() {
					lat.time(func() {
						if err := stats(); err != nil {
							b.Fatal(err)
						}
					})
				}
				lat.report(b)
			})
		}
		b.Run(fmt.Sprintf("n=%d/SERIES/madeBy-hub", n), func(b *testing.B) {
			s, ds := scaleStore(b, n)
			maker := ds.Countries[0].ID
			var lat latencies
			for b.Loop() {
				lat.time(func() {
					_, err := s.CommitmentStats(ctx, domain.GroupSeries, domain.CommitmentFilter{MadeByID: &maker}, 0)
					if err != nil && !errors.Is(err, context.Canceled) {
						b.Fatal(err)
					}
				})
			}
			lat.report(b)
		})
	}
}
