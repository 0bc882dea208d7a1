package graph

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"
)

// Loader gathers the keys that many resolvers ask for at about the same time and
// fetches them with one call, then hands every resolver its own value. Each key is
// fetched at most once in the loader's life (one operation), errors included.
//
// A batch opens with the first key that is not yet loaded, and is dispatched once no
// new key has joined it for the idle time, or once it has been open for maxWait,
// whichever comes first. Waiting for a pause rather than for a fixed time from the
// first key is what keeps a level of a query in one batch when the machine is busy:
// keys arrive in a burst, microseconds apart, and the batch waits for the burst to
// end however long it lasts (up to maxWait), while a quiet level costs only the idle
// time. Batches have no size limit, so they are never flushed early.
//
// (dataloadgen and graph-gophers/dataloader only offer a fixed wait from the first
// key: short, it splits a level over several calls on a loaded machine; long, it
// adds its full length to every level of every query.)
type Loader[V any] struct {
	fetch   func(ctx context.Context, keys []string) ([]V, error)
	idle    time.Duration
	maxWait time.Duration

	mu      sync.Mutex
	loaded  map[string]slot[V]
	pending *batch[V]
}

// slot is where a key's value lands: its batch and its position in it.
type slot[V any] struct {
	b *batch[V]
	i int
}

// batch is one call to fetch, pending or done.
type batch[V any] struct {
	ctx    context.Context
	keys   []string
	opened time.Time
	timer  *time.Timer
	sent   bool
	done   chan struct{} // closed when values and err are set
	values []V
	err    error
}

// NewLoader returns a loader over fetch, which must return one value per key in
// the order of keys, or an error for them all.
func NewLoader[V any](fetch func(ctx context.Context, keys []string) ([]V, error), idle, maxWait time.Duration) *Loader[V] {
	return &Loader[V]{fetch: fetch, idle: idle, maxWait: max(maxWait, idle), loaded: map[string]slot[V]{}}
}

// Load returns the value of key, waiting for its batch. Once ctx is done (the
// request's deadline passed, or its client hung up), it asks for nothing more.
func (l *Loader[V]) Load(ctx context.Context, key string) (V, error) {
	if err := ctx.Err(); err != nil {
		var zero V
		return zero, fmt.Errorf("loader: %w", err)
	}
	return l.wait(ctx, l.enqueue(ctx, key))
}

// LoadAll returns the values of keys in order; all of them join the same batch
// unless some were loaded before. Like Load, it asks for nothing once ctx is done.
func (l *Loader[V]) LoadAll(ctx context.Context, keys []string) ([]V, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("loader: %w", err)
	}
	slots := make([]slot[V], len(keys))
	for i, k := range keys {
		slots[i] = l.enqueue(ctx, k)
	}
	out := make([]V, len(keys))
	for i, s := range slots {
		v, err := l.wait(ctx, s)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// enqueue returns the slot of key, adding the key to the pending batch (opening
// one if needed) when it was never asked for.
func (l *Loader[V]) enqueue(ctx context.Context, key string) slot[V] {
	l.mu.Lock()
	defer l.mu.Unlock()
	if s, ok := l.loaded[key]; ok {
		return s
	}
	b := l.pending
	if b == nil {
		b = &batch[V]{ctx: ctx, opened: time.Now(), done: make(chan struct{})}
		b.timer = time.AfterFunc(l.idle, func() { l.dispatch(b) })
		l.pending = b
	} else if time.Since(b.opened)+l.idle <= l.maxWait {
		// A new key: wait for another pause. (If the timer has fired already,
		// this schedules a second dispatch, which finds the batch sent.)
		b.timer.Reset(l.idle)
	}
	s := slot[V]{b: b, i: len(b.keys)}
	b.keys = append(b.keys, key)
	l.loaded[key] = s
	return s
}

// dispatch closes the batch to new keys and fetches it. The timer may fire late
// on a busy machine, with resolvers that were ready to add keys still waiting for
// a thread: dispatch first yields once, and if that let new keys in (and maxWait
// allows), waits for another pause instead.
func (l *Loader[V]) dispatch(b *batch[V]) {
	l.mu.Lock()
	if b.sent {
		l.mu.Unlock()
		return
	}
	n := len(b.keys)
	l.mu.Unlock()
	runtime.Gosched()
	l.mu.Lock()
	if b.sent {
		l.mu.Unlock()
		return
	}
	if len(b.keys) > n && time.Since(b.opened)+l.idle <= l.maxWait {
		b.timer.Reset(l.idle)
		l.mu.Unlock()
		return
	}
	b.sent = true
	if l.pending == b {
		l.pending = nil
	}
	l.mu.Unlock()

	// A batch whose request ended while it waited is not fetched.
	var values []V
	err := b.ctx.Err()
	if err == nil {
		values, err = l.fetch(b.ctx, b.keys)
	}
	if err == nil && len(values) != len(b.keys) {
		err = fmt.Errorf("loader: fetch returned %d values for %d keys", len(values), len(b.keys))
	}
	b.values, b.err = values, err
	close(b.done)
}

// wait blocks until the slot's batch is fetched or ctx ends.
func (l *Loader[V]) wait(ctx context.Context, s slot[V]) (V, error) {
	var zero V
	select {
	case <-s.b.done:
	case <-ctx.Done():
		return zero, fmt.Errorf("loader: %w", ctx.Err())
	}
	if s.b.err != nil {
		return zero, s.b.err
	}
	return s.b.values[s.i], nil
}
