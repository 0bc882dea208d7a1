package memory

// Swap makes s serve the graph next was built over, in one atomic step: reads
// under way finish on the old graph, every later read sees the new one, and no
// read ever sees a mix. A writer (store/durable) builds next with New — which
// validates and indexes in full, O(nodes) — before it commits, then swaps it
// in. next must not be used afterwards.
func (s *Store) Swap(next *Store) { s.idx.Store(next.idx.Load()) }
