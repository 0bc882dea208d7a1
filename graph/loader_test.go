package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// fetchLog is a fetch function that upper-cases keys and records each call.
type fetchLog struct {
	mu    sync.Mutex
	calls [][]string
	err   error
	short bool // return one value too few
}

func (f *fetchLog) fetch(_ context.Context, keys []string) ([]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, slices.Clone(keys))
	if f.err != nil {
		return nil, f.err
	}
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = strings.ToUpper(k)
	}
	if f.short {
		out = out[1:]
	}
	return out, nil
}

func (f *fetchLog) Calls() [][]string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.calls)
}

// never is an idle time no test waits for: tests dispatch batches themselves.
const never = time.Hour

// flushWhen waits until the pending batch holds n keys, then dispatches it.
func flushWhen[V any](t *testing.T, l *Loader[V], n int) {
	t.Helper()
	for {
		l.mu.Lock()
		b := l.pending
		ready := b != nil && len(b.keys) == n
		l.mu.Unlock()
		if ready {
			b.timer.Stop()
			l.dispatch(b)
			return
		}
		time.Sleep(time.Millisecond)
	}
}

func TestLoaderBatchesConcurrentLoads(t *testing.T) {
	f := &fetchLog{}
	l := NewLoader(f.fetch, never, never)
	keys := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	got := make([]string, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Go(func() {
			v, err := l.Load(context.Background(), k)
			if err != nil {
				t.Errorf("Load(%s): %v", k, err)
			}
			got[i] = v
		})
	}
	// A repeated key joins nothing new.
	wg.Go(func() {
		if v, err := l.Load(context.Background(), "a"); err != nil || v != "A" {
			t.Errorf("Load(a) again = %q, %v", v, err)
		}
	})
	flushWhen(t, l, len(keys))
	wg.Wait()

	calls := f.Calls()
	if len(calls) != 1 || len(calls[0]) != len(keys) {
		t.Fatalf("fetch calls %v, want one with %d keys", calls, len(keys))
	}
	for i, k := range keys {
		if got[i] != strings.ToUpper(k) {
			t.Errorf("Load(%s) = %q", k, got[i])
		}
	}
}

func TestLoaderCachesAndOpensNewBatches(t *testing.T) {
	f := &fetchLog{}
	l := NewLoader(f.fetch, never, never)
	loadAll := func(keys []string, fresh int) []string {
		var got []string
		var wg sync.WaitGroup
		wg.Go(func() {
			v, err := l.LoadAll(context.Background(), keys)
			if err != nil {
				t.Errorf("LoadAll(%v): %v", keys, err)
			}
			got = v
		})
		flushWhen(t, l, fresh)
		wg.Wait()
		return got
	}
	if v := loadAll([]string{"x", "y"}, 2); !slices.Equal(v, []string{"X", "Y"}) {
		t.Fatalf("LoadAll = %v", v)
	}
	if v := loadAll([]string{"y", "z"}, 1); !slices.Equal(v, []string{"Y", "Z"}) {
		t.Fatalf("LoadAll = %v", v)
	}
	calls := f.Calls()
	if len(calls) != 2 || !slices.Equal(calls[1], []string{"z"}) {
		t.Errorf("fetch calls %v, want [[x y] [z]]: y is cached", calls)
	}
}

func TestLoaderErrors(t *testing.T) {
	ctx := context.Background()
	boom := errors.New("store down")
	f := &fetchLog{err: boom}
	l := NewLoader(f.fetch, time.Millisecond, time.Millisecond)
	if _, err := l.Load(ctx, "a"); !errors.Is(err, boom) {
		t.Errorf("Load with a failing fetch: %v", err)
	}
	if _, err := l.LoadAll(ctx, []string{"a"}); !errors.Is(err, boom) {
		t.Errorf("a failed key is not fetched again but keeps its error: %v", err)
	}
	if n := len(f.Calls()); n != 1 {
		t.Errorf("%d fetch calls, want 1", n)
	}

	short := NewLoader((&fetchLog{short: true}).fetch, never, never)
	var wg sync.WaitGroup
	wg.Go(func() {
		if _, err := short.LoadAll(ctx, []string{"a", "b"}); err == nil || !strings.Contains(err.Error(), "1 values for 2 keys") {
			t.Errorf("fetch with too few values: %v", err)
		}
	})
	flushWhen(t, short, 2)
	wg.Wait()

	// Once its context is done, a Load asks for nothing.
	ended := &fetchLog{}
	stuck := NewLoader(ended.fetch, never, never)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := stuck.Load(cctx, "a"); !errors.Is(err, context.Canceled) {
		t.Errorf("Load with a cancelled context: %v", err)
	}
	if _, err := stuck.LoadAll(cctx, []string{"a", "b"}); !errors.Is(err, context.Canceled) {
		t.Errorf("LoadAll with a cancelled context: %v", err)
	}
	if stuck.pending != nil {
		t.Errorf("a Load with a cancelled context opened a batch of %v", stuck.pending.keys)
	}
	// A batch whose context ends while it waits is not fetched.
	cctx, cancel = context.WithCancel(ctx)
	wg.Go(func() {
		if _, err := stuck.Load(cctx, "c"); !errors.Is(err, context.Canceled) {
			t.Errorf("Load whose context ended while it waited: %v", err)
		}
	})
	for {
		stuck.mu.Lock()
		queued := stuck.pending != nil
		stuck.mu.Unlock()
		if queued {
			break
		}
		time.Sleep(time.Millisecond)
	}
	cancel()
	flushWhen(t, stuck, 1)
	wg.Wait()
	if calls := ended.Calls(); len(calls) != 0 {
		t.Errorf("fetched %v after the context ended", calls)
	}
}

func ExampleLoader() {
	l := NewLoader(func(_ context.Context, keys []string) ([]int, error) {
		out := make([]int, len(keys))
		for i, k := range keys {
			out[i] = len(k)
		}
		return out, nil
	}, time.Millisecond, 10*time.Millisecond)
	v, err := l.LoadAll(context.Background(), []string{"pillar:cpec-it", "meeting:jcc-10"})
	fmt.Println(v, err)
	// Output: [14 14] <nil>
}
