// Package boxed provides Box, a single value placed in allocator memory
// and owned by a handle that runs the value's cleanup exactly once.
//
// A Box is to bumpkit what Rust's Box<T, &Bump> is to bumpalo: it lets a
// value that holds a resource (a file, a connection, a pooled buffer) live
// in an arena without leaking the resource. The value is cleaned up either
// when its Box is dropped with [Box.Drop], or, for a Box never dropped,
// when the arena it lives in releases its memory: [bump.Bump.Reset], or
// [bump.Bump.ResetTo] a checkpoint taken before the Box was made. Whichever
// comes first wins; the other does nothing.
//
// # Cleanup
//
// A value is cleaned up by calling a method on it, looked up in this
// order of precedence:
//
//  1. a Drop() or Drop() error method of *T (which includes one declared
//     on T), such as [Dropper] or Box itself, so that boxes nest,
//  2. a Close() error method of *T (which includes one declared on T),
//     such as io.Closer,
//  3. when T is itself a pointer or interface type, a Drop and then a
//     Close method of the value it holds, unless it is nil.
//
// Values with none of these methods are simply released. An error from
// the cleanup is returned by [Box.Drop]; an arena reset has nowhere to
// report it and discards it, so call Drop on values whose Close error
// matters.
//
// With an allocator that does not implement [bump.Cleaner], such as the Go
// heap, a Box that is never dropped is never cleaned up: its value is
// garbage collected like any other, with no cleanup call. An allocator
// that wraps a *bump.Bump should implement Cleaner by forwarding to it
// (returning the Bump's registration, whose Stop Drop calls): otherwise a
// Box does not learn of the arena's reset, and a Drop after it would clean
// up, and free, memory the arena has handed out again.
//
// # Errors and panics
//
// New panics, and TryNew returns an error, wrapping the allocator's
// ("boxed: New: bump: ..."), so that errors.Is finds
// [bump.ErrAllocationLimit]. Ptr and Value panic on the zero Box
// ("boxed: Ptr: use of zero Box") and on a dropped one ("boxed: Ptr: use
// of dropped Box"); Drop and Dropped never panic.
//
// # Memory
//
// Besides the value's storage, a Box needs a small drop state on the Go
// heap, which must outlive an arena reset (a Box dropped after its arena
// was reset has to learn that its memory is gone). Drop states, and the
// function each registers with the arena, are recycled once their Box is
// dropped or reset, so in steady state New and Drop make no Go-heap
// allocation in an arena, and one (the value) on the Go heap. States
// registered with a Cleaner other than *bump.Bump are not recycled, as
// their registration may outlive Drop. Drop stops
// the registration New made with the arena ([bump.Cleanup.Stop]), so an
// arena that is never reset does not accumulate the cleanups of dropped
// Boxes: 200k New+Drop leave the arena and the Go heap as they were.
//
// # Checked build
//
// Built with -tags bumpdebug, Ptr and Value on a Box whose arena released
// its value (by Reset, or ResetTo a checkpoint taken before New) panic with
// "boxed: Box used after its arena was reset" instead of "use of dropped
// Box". Drop and Dropped stay valid after a reset, as documented.
package boxed
