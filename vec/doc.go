// Package vec provides Vec, a growable slice whose storage comes from a
// [bump.Allocator], in the way bumpalo's collections::Vec forks Rust's
// Vec.
//
// A Vec behaves like a slice managed with append and the slices package,
// except that its backing array is allocated from the allocator it was
// created with. With a [*bump.Bump], growth first asks the arena to extend
// the storage in place (which succeeds while the Vec's storage is the
// newest allocation in its chunk) and only then moves the elements, giving
// the old storage back. A nil allocator, and the zero Vec, use the Go
// heap.
//
// Storage for T is always obtained with T's own [bump.Layout], so a Vec of
// pointers, strings or other pointer-holding values is scanned by the
// garbage collector and keeps what it refers to alive, even in an arena.
//
// Like every value in an arena, a Vec's storage is valid only until the
// arena is reset; a Vec must not be used after that. A Vec is not safe for
// concurrent use, and must not be copied after first use: copies would
// share storage that each believes it owns.
package vec
