// Package vec provides Vec, a growable slice whose storage comes from a
// [bump.Allocator], in the way bumpalo's collections::Vec forks Rust's
// Vec.
//
// A Vec behaves like a slice managed with append and the [slices]
// package, and keeps their names and edge cases: [Vec.Grow], [Vec.Clip],
// [Vec.Insert], [Vec.Delete], [Vec.DeleteFunc], [Vec.Replace],
// [Compact] and [Vec.CompactFunc] do what the slices functions of the
// same names do, and panic where they panic. Its backing array is
// allocated from the allocator it was created with. With a [*bump.Bump],
// growth first asks the arena to extend the storage in place (which
// succeeds while the Vec's storage is the newest allocation in its chunk)
// and only then moves the elements, giving the old storage back. A nil
// allocator, and the zero Vec, use the Go heap.
//
// # Methods and the slices package
//
// What changes a Vec's length or capacity needs its allocator and is a
// method. Everything else (Index, Contains, Sort, Equal, Reverse,
// BinarySearch, Max...) is done with the slices package on the view
// [Vec.Slice], or on the iterators [Vec.All], [Vec.Values] and
// [Vec.Backward]; sorting or reversing the view sorts or reverses v.
//
// # Where the memory lives
//
// [New], [WithCapacity], [From], [Collect], [Vec.Clone] and
// [Vec.SplitOff] allocate the Vec's header itself from the allocator, as
// they do its elements, so that a warm arena makes no Go-heap allocation
// per Vec; with a nil allocator the header is on the Go heap. A Vec
// declared as a variable (var v vec.Vec[int]) is usable at once and uses
// the Go heap.
//
// Storage for T is always obtained with T's own [bump.Layout], so a Vec
// of pointers, strings or other pointer-holding values is scanned by the
// garbage collector and keeps what it refers to alive, even in an arena.
// Every method that shortens a Vec zeroes the vacated slots, as the
// slices functions do, so that the storage keeps nothing the removed
// elements referred to alive.
//
// # Failure
//
// After [Vec.TryGrow](n) succeeds, the next n insertions (Push, Insert,
// Replace, AppendSlice, Extend) do not allocate and cannot fail. Methods
// that allocate otherwise panic with the allocator's error wrapped as
// "vec: Method: ...", errors.Is-compatible with [bump.ErrAllocationLimit]
// and [bump.ErrInvalidSize]; [Vec.TryPush], [Vec.TryAppendSlice] and
// [Vec.TryGrow] return it instead. A call that fails (a Try error, or a
// panic for a bad argument or a failed allocation) leaves the Vec as it
// was, except Extend and Collect, which keep the values seq yielded
// before the failure. A capacity hint to [WithCapacity]
// behaves like make's: negative panics, and one the allocator cannot
// provide panics with its error.
//
// # Lifetime, copies and concurrency
//
// Like every value in an arena, a Vec and its storage are valid only
// until the arena is reset (or rewound with ResetTo past the Vec's
// creation or past its storage); a Vec must not be used after that. Built
// with -tags bumpdebug, every method checks it and panics with "vec: Vec
// used after its arena was reset".
//
// A Vec must not be copied after first use (go vet reports copies): a
// copy shares storage that each believes it owns. A copy that would move
// or give back that storage (by growing, Clip or UnmarshalJSON) panics.
// Hold a Vec by pointer in structs: fmt and encoding/json use a Vec's
// methods only through a pointer.
//
// Methods that only read a Vec (Len, Cap, At, Slice, All, Values,
// Backward, Allocator, Clone, String, Format, MarshalJSON) write nothing
// in it, so any number of goroutines may call them at once when none
// changes the Vec, as with a slice. (Clone allocates the copy from v's
// allocator: concurrent Clones are safe with the Go heap, not with a
// [*bump.Bump], which is not safe for concurrent use.)
//
// A nil *Vec reads as an empty Vec, as a nil slice does: Len, Cap, Slice,
// the iterators, String, Format and MarshalJSON work on it, Clone returns
// nil, and the methods that only remove (Pop, Delete, Truncate, Clear,
// Clip...) do nothing. The methods that add panic with "vec: Method:
// write to nil Vec", except Push, which the inliner's budget leaves with
// no room for the test: it panics with the runtime's nil dereference.
//
// # Formatting and JSON
//
// A Vec prints with fmt exactly as its elements do as a slice, for every
// verb, and encodes with encoding/json as a JSON array (see
// [Vec.MarshalJSON] and [Vec.UnmarshalJSON]).
package vec
