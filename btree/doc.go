// Package btree provides Map, an ordered map, and Set, an ordered set, on
// a B-tree whose nodes come from a [bump.Allocator]: what
// github.com/google/btree and github.com/tidwall/btree provide, with the
// nodes in an arena.
//
// # Moving from a map, google/btree and tidwall/btree
//
//	m := map[K]V{}; keys sorted by hand   m := btree.New[K, V](a)
//	m[k] = v, v, ok := m[k], delete(m, k) m.Set(k, v), v, ok := m.Get(k), m.Delete(k)
//	t.ReplaceOrInsert(item) (google)       m.Set(k, v), or p, had := m.Entry(k)
//	t.Set(k, v), t.Get(k) (tidwall)        m.Set(k, v), m.Get(k)
//	t.Ascend(it), t.Scan(it)               for k, v := range m.All()
//	t.AscendGreaterOrEqual(p, it)          for k, v := range m.Ascend(p)
//	t.Descend(it), t.Reverse(it)           for k, v := range m.Backward()
//	t.DescendLessOrEqual(p, it)            for k, v := range m.Descend(p)
//	t.Min(), t.Max(), t.DeleteMin()        m.Min(), m.Max(), m.PopMin()
//	t.Clone(), t.Copy()                    m.Clone() (a full copy, see Clone)
//	NewG(degree, less), NewMap(degree)     btree.NewFunc(a, cmp), btree.New[K, V](a)
//
// [New] orders any cmp.Ordered key type by cmp.Compare, with the
// comparisons compiled into the search; [NewFunc] takes a comparison
// function like slices.SortFunc's, for any key type ([]byte with
// bytes.Compare, netip.Addr with its Compare method, structs).
//
// # Memory
//
// Nodes hold up to 63 entries, keys and values in separate arrays, and
// come from the allocator; inner nodes have their children in a second
// allocation. A node emptied by deletions is not given back to the
// allocator but kept on the Map's free list and used for the next split,
// so a Map that lives in an arena that is never reset, under any mix of
// insertions and deletions, takes no more arena memory than the most
// nodes it once needed; [Map.Clear] keeps all its nodes the same way.
// [Map.Grow] puts nodes on the free list ahead of time: after Grow(n),
// the next n insertions of new keys neither allocate nor fail. See
// docs/design.md for the layout.
//
// [New], [NewFunc], [NewSet], [NewSetFunc] and [Map.Clone] place the Map
// itself in the allocator too, so that a warm arena makes no Go-heap
// allocation per Map. A Map allocated in a [bump.Bump] must not be used
// after the Bump is reset; with -tags bumpdebug such use panics ("btree:
// Map used after its arena was reset"), and the tree's invariants are
// checked after every change.
//
// Failure: an insertion that needs a node the allocator cannot provide
// panics with an error wrapping the allocator's ("btree: Set: bump: ...:
// allocation limit exceeded ...") and leaves m and the allocator as they
// were; [Map.TrySet] returns the error instead.
//
// # Semantics
//
// A nil *Map, and a zero Map, read as an empty map: Len is 0, Get and Has
// report absent, ranging produces nothing, Delete and Clear do nothing,
// Clone of nil is nil; Set and the other insertions panic ("btree: Set:
// write to nil Map"). Unlike a zero tidwall Map, a zero Map cannot be written: it
// does not know its order. A Map marshals to JSON as the map[K]V it
// replaces, with the entries in key order ([Map.MarshalJSON]), and prints
// with fmt like it ([Map.Format]).
//
// A Map may be changed during a range over its iterators: the iteration
// goes on from the first key after the last one it produced, in the map
// as it is then (see [Map.All]). Every key is produced at most once and in
// order, and the tree is never walked in a broken state; google/btree and
// tidwall/btree leave changes during iteration undefined.
//
// A Map is not safe for concurrent use by writers; like a Go map it may
// be read by any number of goroutines at once while none writes: Len,
// Get, Has, Ptr, Min, Max, the iterators, Clone, MarshalJSON and Format
// write nothing to the Map (Clone allocates from the Map's allocator,
// which must then be safe for concurrent use). It must not be copied
// after first use (go vet reports copies); a copy that writes panics
// ("btree: Set: Map copied by value after first use").
package btree
