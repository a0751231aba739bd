// Package deque provides Deque, a double-ended queue whose storage comes
// from a [bump.Allocator]: a drop-in for github.com/gammazero/deque and for
// container/list used as a queue.
//
// A Deque is a ring buffer: its elements live in one allocation whose
// capacity is a power of two, so that a logical index maps to a slot with a
// mask instead of a division. Pushing or popping at either end is O(1);
// when the buffer is full it moves to one twice as large (in place when the
// allocator can resize it, as a [bump.Bump] can for its newest allocation).
//
// # Memory
//
// [New], [WithCapacity] and [Deque.Clone] place the Deque header itself in
// the allocator, as they place its storage, so that a warm arena makes no
// Go-heap allocation per Deque; with a nil allocator both come from the Go
// heap. The zero value is an empty deque on the Go heap, ready to use.
//
// On the Go heap (a nil allocator or [bump.Heap]) a Deque that is drained
// gives memory back, as gammazero/deque does: when a pop leaves it a quarter
// full its storage moves to one half as large, down to 16 elements or the
// capacity asked of [WithCapacity]. In an arena, or with any other
// allocator, the storage is kept: storage given back to an arena is only
// reused by the next allocation, so moving to a smaller buffer would use
// more arena memory, not less. A Deque whose storage comes from a
// [bump.Bump] is valid until the arena is reset; with -tags bumpdebug,
// using it afterwards panics with "deque: Deque used after its arena was
// reset".
//
// # Failure
//
// Methods that may need storage (the pushes, [Deque.Insert], [Deque.Grow],
// [Deque.Clone], [WithCapacity]) panic with the allocator's error wrapped as
// "deque: <Method>: ...", which keeps [bump.ErrAllocationLimit] for
// [errors.Is]. After [Deque.TryGrow](n) succeeds, the next n insertions do
// not allocate and cannot fail, so code that must not panic at an
// allocation limit calls TryGrow first. A failed operation leaves the
// Deque unchanged.
//
// # Read-only operations
//
// What changes the length or the capacity needs the allocator and is a
// method. What only reads works on the iterators ([Deque.All],
// [Deque.Values], [Deque.Backward]) or on the two slices of
// [Deque.Slices] with the standard slices package: slices.Sorted(d.Values()),
// slices.Contains(front, x) || slices.Contains(back, x), and so on. A
// Deque marshals to JSON as an array and prints with fmt like the slice of
// its elements, front to back.
//
// Len, Cap, Front, Back, At, Index, RIndex, the iterators, Slices,
// MarshalJSON and Format work on a nil *Deque as on an empty one, as len
// does on a nil slice; the pops, Clear and Rotate do nothing on it, as in
// gammazero/deque, and the methods that add panic with "deque: Method:
// write to nil Deque".
//
// # Concurrency
//
// A Deque is not safe for concurrent use with a writer, and must not be
// copied after first use (go vet reports copies): copies would share
// storage. A copy that would move or give back that storage (by growing,
// shrinking or UnmarshalJSON) panics with "deque: <Method>: Deque copied
// by value after first use". The read-only methods (Len, Cap, Front, Back, At, Index, RIndex,
// All, Values, Backward, Slices, MarshalJSON, Format) write no shared state,
// so any number of goroutines may call them at once while none writes, as
// with a slice. Clone reads d the same way but allocates from d's
// allocator, so concurrent Clones also need an allocator that is safe for
// concurrent use (the Go heap is; a [bump.Bump] is not).
//
// A Deque changed during a range over All, Values or Backward (other than
// by [Deque.Set] or [Deque.Swap]) makes the iteration panic with
// "deque: Deque modified during iteration", as gammazero/deque's Iter does,
// instead of skipping or repeating elements.
package deque
