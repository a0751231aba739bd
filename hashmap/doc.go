// Package hashmap provides Map, a hash map whose storage comes from a
// [bump.Allocator], with the semantics of Go's built-in map, and Set, the
// set of comparable values Go code writes as a map[K]struct{}, on the
// same table.
//
// # Moving from map[K]V
//
//	m := map[string]int{}            m := hashmap.New[string, int](a)
//	m[k] = v                         m.Set(k, v)
//	v, ok := m[k]                    v, ok := m.Get(k)
//	m[k]++                           p, _ := m.Entry(k); *p++
//	delete(m, k)                     m.Delete(k)
//	len(m), clear(m)                 m.Len(), m.Clear()
//	for k, v := range m              for k, v := range m.All()
//	make(map[K]V, n)                 hashmap.WithCapacity[K, V](a, n)
//	maps.Clone, Equal, EqualFunc     m.Clone(), hashmap.Equal, hashmap.EqualFunc
//	maps.DeleteFunc, Insert, Collect m.DeleteFunc, m.Insert, hashmap.Collect
//
// A [Set] replaces a map[K]struct{}: [NewSet], [Set.Add] (which reports
// whether the value was new), [Set.Has], [Set.Delete], [Set.All], and the
// set algebra [Union], [Intersection], [Difference] and [Set.Equal].
//
// What needs the allocator (inserting, growing, cloning) is a method or a
// function of this package; everything that only reads works on the
// iterators with the standard maps and slices packages:
// maps.Collect(m.All()), slices.Sorted(m.Keys()), slices.Collect(m.Values()).
// A nil *Map reads like a nil Go map: Len is 0, Get and Has report
// absent, ranging over it produces nothing, Delete and Clear do nothing,
// Clone returns nil, and Set panics ("hashmap: Set: assignment to entry
// in nil Map", as the runtime says for a nil map). A Map must not be
// copied after first use: a write through a copy panics ("hashmap: Set:
// Map copied by value after first use"), since the copy shares the
// original's table but not its count. A Map marshals to JSON as the
// map[K]V it replaces ([Map.MarshalJSON]) and prints like it with every
// fmt verb ([Map.Format]).
//
// # Memory
//
// [New], [WithCapacity], [NewWithHasher], [Collect] and [Map.Clone] place
// the Map itself in the allocator, as well as its table (on the Go heap
// when the allocator is nil): with a warm [bump.Bump], a map built and
// dropped every request costs no Go-heap allocation, and its Reset frees
// it all at once. The zero Map is ready to use, on the Go heap. A Map
// allocated in (or storing into) a Bump must not be used after the Bump
// is reset; build with -tags bumpdebug to have such uses panic ("hashmap:
// Map used after its arena was reset").
//
// Failure: after [Map.TryGrow](n) succeeds, the next n insertions of new
// keys do not allocate and cannot fail. Otherwise an insertion that must
// grow the table and cannot panics with the allocator's error wrapped
// ("hashmap: Set: bump: ...: allocation limit exceeded ..."), leaving the
// map unchanged; [Map.TrySet] returns it instead. [WithCapacity] treats
// its hint like make: negative panics ("hashmap: WithCapacity: negative
// capacity -1"), and one the allocator cannot provide panics with its
// error wrapped.
//
// # Design
//
// Map is a Swiss table, the design of Go's own maps since Go 1.24
// (internal/runtime/maps) and of Abseil's flat_hash_map: open addressing
// over groups of eight slots, each group described by a 64-bit control word
// holding one control byte per slot. A key's hash is split into H1, which
// picks the first group of its probe sequence, and H2, seven bits stored in
// the control byte of a full slot. A lookup compares H2 against all eight
// control bytes of a group at once with a few integer instructions, and
// compares keys only on the (rare false positive or true) matches; it stops
// at the first group that has an empty slot. Deleted slots become
// tombstones unless their group has an empty slot. At most 7/8 of the slots
// are used; when tombstones use up the room left, those that no probe
// sequence needs become empty slots again, in place; a table that is
// really full is rehashed into a new one twice as large.
//
// The table is one array of groups, each a control word followed by its
// eight slots (so that a hit usually costs one cache miss), allocated with
// [bump.AllocateSlice] with its real element type: keys and values holding
// pointers live in memory the garbage collector scans. Growth doubles the
// table: in place when the allocator can extend it (in a Bump, when the
// table is the newest allocation), otherwise into a new table, giving the
// old one back with [bump.Allocator]'s Free (a Bump releases a table over
// 256 KiB at once, a smaller one at Reset). An old table that an
// iteration in progress may still walk is kept until the iteration ends.
//
// # Semantics
//
// Keys are compared with == and hashed with hash/maphash.Comparable and a
// random seed per map, exactly as Go maps hash them, so chosen keys cannot
// flood a bucket and the edge cases are those of Go maps: every NaN key is
// distinct from every other (Set with a NaN key always inserts, Get never
// finds one; [Map.Clear] and [Map.DeleteFunc] remove them), +0.0 and -0.0
// are the same key, and a key of interface type holding an unhashable
// dynamic type (a slice, map or func) panics with the runtime's error
// ("runtime error: hash of unhashable type []int"). [NewWithHasher]
// replaces the hash function. Iteration order varies from one iteration
// to the next, for maps of every size, and a map may be modified during an
// iteration as a Go map may (see [Map.All]).
//
// A Map is not safe for concurrent use by writers, but like a Go map it
// may be read by any number of goroutines at once while none writes: Len,
// Get, Has, Ptr, All, Keys, Values, Clone, MarshalJSON and Format write
// nothing to the Map (Clone allocates from the Map's allocator, which must
// then be safe for concurrent use, as the Go heap is and a Bump is not).
package hashmap
