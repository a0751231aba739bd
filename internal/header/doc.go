// Package header is what every bumpkit container does the same way, kept
// in one place so that a new container gets it by construction: where its
// header is allocated, the lifetime tags of the checked build, the check
// against copies, the panics of nil receivers and the switch of the
// checked build's invariants. docs/usage.md states the contract it
// implements; this package is how a container keeps it.
//
// # Adopting it in a new container
//
// A container type C starts with a [Header] and names itself once:
//
//	var name = header.Name{Pkg: "btree", Type: "Map"}
//
//	type Map[K, V any] struct {
//		h header.Header // first: it holds the zero-size noCopy
//		a bump.Allocator
//		...
//	}
//
// Its constructors place the header in the allocator with [New] (the Go
// heap for a nil allocator, the arena otherwise, in every build) and call
// [Header.Init]; a constructor that fails after that gives the header back
// with [Free]:
//
//	m, err := header.New[Map[K, V]](a)
//	if err != nil {
//		panic(name.Wrap("New", err))
//	}
//	m.h.Init(a)
//	m.a = a
//
// Then every method follows one pattern:
//
//   - A read on a nil receiver behaves as on an empty container; a write
//     that would have to store something calls [Name.PanicNil] ("btree:
//     Set: write to nil Map"); a write that has nothing to do on an empty
//     container (Delete, Clear, a pop) does nothing.
//   - Every method that touches the container first calls [Header.Check]
//     through the container's check function (see [Checked]), which, in
//     the checked build (-tags bumpdebug), panics if the arena released
//     the header or the storage ("btree: Map used after its arena was
//     reset"). Outside that build it compiles to nothing.
//   - A method about to move or give back storage calls [Header.Own]
//     first, so that a copy of the container panics ("btree: Set: Map
//     copied by value after first use") instead of leaving the original on
//     memory the allocator may hand out again. A container whose every
//     write changes state shared with its copies (a hash table's counts)
//     calls it in every write, behind an inline test of [Header.Self]
//     (see Own), so that its writes pay a compare, not a call.
//   - After it allocates new storage, it calls [Header.Store]; after it
//     drops its storage, [Header.Unstore]: the checked build then tracks
//     the storage's lifetime too.
//   - It panics with errors wrapped by [Name.Wrap] ("btree: Set: bump:
//     ..."), so that errors.Is finds the allocator's sentinel.
//   - Its invariants.go has a checkInvariants method, called after every
//     write, whose body is
//     if header.Checked { name.CheckInvariants(c.verify) }, so that the
//     checked build verifies the representation and proptest exercises
//     it.
//
// Calls from a container's methods into this package are guarded by
// [Checked], or go through a non-generic function of the container that
// is (see Checked): the package that instantiates a generic container
// cannot inline this package's functions, and would otherwise pay a call
// to an empty function in every method.
//
// The files of a container follow one layout: doc.go (the package
// documentation), a file named after the type (the type, its
// constructors, Len, Cap, Allocator, Clone), storage.go (growth, Grow,
// TryGrow, Clip), edit.go (the writes), iter.go (All, Values,
// Backward...), encoding.go (JSON and fmt), invariants.go, and
// export_test.go for white-box hooks.
package header
