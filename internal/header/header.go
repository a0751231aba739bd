package header

import (
	"fmt"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
)

// Checked reports whether this is the checked build (-tags bumpdebug).
//
// A generic container's methods are compiled in the package that
// instantiates them, which cannot see this package's inline bodies (it
// does not import it): there a call to [Header.Check] stays a call, even
// to an empty function. A container therefore calls it through a
// non-generic function of its own guarded by this constant, which the
// importing package does see and drops:
//
//	func check(h *header.Header) {
//		if header.Checked {
//			h.Check(name)
//		}
//	}
const Checked = lifecheck.Enabled

// A Name names a container type in its panics and errors: Pkg is the
// package ("vec"), Type the type ("Vec"). Declare it once per package, as
// a variable, and pass it by value: the methods that take it compile to
// nothing, or to a compare, until they have to panic.
type Name struct {
	Pkg, Type string
}

// Wrap returns err wrapped for the method of n's type ("vec: Push: " and
// err's message), so that errors.Is and errors.As see through it.
func (n Name) Wrap(method string, err error) error {
	return fmt.Errorf("%s: %s: %w", n.Pkg, method, err)
}

// PanicNil panics for a write through a nil receiver that would have to
// store something: "vec: Push: write to nil Vec". It is out of line so
// that the nil test it follows stays cheap.
//
//go:noinline
func (n Name) PanicNil(method string) {
	panic(n.Pkg + ": " + method + ": write to nil " + n.Type)
}

// CheckInvariants calls verify in the checked build (-tags bumpdebug) and
// panics with "pkg: Type: broken invariant: ..." if it returns an error.
// Outside that build it compiles to nothing, closure included.
func (n Name) CheckInvariants(verify func() error) {
	if lifecheck.Enabled {
		if err := verify(); err != nil {
			panic(n.Pkg + ": " + n.Type + ": broken invariant: " + err.Error())
		}
	}
}

// A Header is the part of a container's header that every container has.
// It must be the container's first field (it holds a zero-size field,
// which would pad the struct if it came last), and its zero value is
// ready to use: a container declared as a variable works on the Go heap.
// Outside the checked build it is one word.
type Header struct {
	_ noCopy
	// life tracks the arena memory that holds the header, store the
	// container's current storage; both are empty outside the checked
	// build.
	life, store lifecheck.Tag
	// Self is the header's own address once the container may own
	// storage, so that a copy can tell it is one, as strings.Builder's
	// copyCheck does. It is exported for one reason: a container whose
	// every write checks for copies compares it with its header's address
	// inline, before calling Own (see Owner), because Own, a function of
	// this package, does not inline where the container is instantiated.
	// Only Init, Own and Disown write it.
	Self *Header
}

// noCopy lets go vet's copylocks check report containers copied by value.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// New returns a zeroed C allocated from a, or from the Go heap if a is
// nil, for a container's header. Headers go to the arena in every build:
// the checked build poisons a released header (see bump's checked_on.go),
// so its tags read as stale, and the allocations stay the same as in the
// normal build. The caller calls Init on the C's Header next.
func New[C any](a bump.Allocator) (*C, error) {
	if a == nil {
		return new(C), nil
	}
	s, err := bump.AllocateSlice[C](a, 1)
	if err != nil {
		return nil, err
	}
	return &s[0], nil
}

// Free gives c, a header New allocated from a, back to a, for a
// constructor that fails after New, so that its panic leaves a as it was.
// The caller must not use c afterwards.
func Free[C any](a bump.Allocator, c *C, h *Header) {
	h.life.Stop()
	h.store.Stop()
	// Sound: New allocated c as exactly this one-element slice.
	bump.FreeSlice(a, unsafe.Slice(c, 1))
}

// Init makes h the header of a container New just allocated from a: it
// tracks the header's memory and records h's address.
func (h *Header) Init(a bump.Allocator) {
	h.life = lifecheck.Track(a)
	h.Self = h
}

// Check panics, in the checked build (-tags bumpdebug), with "pkg: Type
// used after its arena was reset" if the arena released the memory of the
// header or of the container's storage. Outside that build it compiles to
// nothing, so containers call it unguarded, first, in every method.
func (h *Header) Check(n Name) {
	if lifecheck.Enabled {
		if h.life.Stale() || h.store.Stale() {
			panic(n.Pkg + ": " + n.Type + " used after its arena was reset")
		}
	}
}

// CheckLife is Check for the header only: for a method that is valid on
// a container whose storage, but not the container, was released (a
// reset that forgets the storage).
func (h *Header) CheckLife(n Name) {
	if lifecheck.Enabled && h.life.Stale() {
		panic(n.Pkg + ": " + n.Type + " used after its arena was reset")
	}
}

// Own panics with "pkg: Method: Type copied by value after first use" if
// h belongs to a copy of the container that owns the storage, and
// otherwise records h as the owner if it has none yet (a zero container's
// first write). Call it before moving or giving back storage.
//
// A container that calls it in every write calls it only when h.Self !=
// h, through a non-generic function of its own, so that the test
// inlines where the container is instantiated:
//
//	func own(h *header.Header, method string) {
//		if h.Self != h {
//			h.Own(name, method)
//		}
//	}
func (h *Header) Own(n Name, method string) {
	if h.Self == h {
		return
	}
	if h.Self != nil {
		n.panicCopied(method)
	}
	// noescape keeps a container on the stack from escaping to the heap
	// because it points to itself (see Go issue 23382).
	h.Self = (*Header)(noescape(unsafe.Pointer(h)))
}

// CheckCopy is Own for methods that only read: it panics like Own if h
// belongs to a copy, and writes nothing. Containers call it when
// h.Self != h, as Own.
func (h *Header) CheckCopy(n Name, method string) {
	if h.Self != nil && h.Self != h {
		n.panicCopied(method)
	}
}

// Disown forgets h's owner, for a container that gave up its storage
// (strings.Builder.Reset's rule: it may then be copied again).
func (h *Header) Disown() { h.Self = nil }

//go:noinline
func (n Name) panicCopied(method string) {
	panic(n.Pkg + ": " + method + ": " + n.Type + " copied by value after first use")
}

// Store records, for the checked build, that the container's storage is
// now memory just allocated (or resized) from a. Storage resized in place
// past a checkpoint is released by a ResetTo to it, so call it on every
// resize, not only when the address changes.
func (h *Header) Store(a bump.Allocator) { h.store.Move(a) }

// Unstore records that the container no longer has storage.
func (h *Header) Unstore() { h.store.Stop() }

// noescape hides p from escape analysis, like the runtime's
// abi.NoEscape: the pointer goes through a uintptr variable, which the
// analysis does not follow, and is read back as a pointer without a
// conversion that go vet or checkptr would question. Sound because p
// stays live in the caller meanwhile, and the result is only stored in
// the Header p points to (a Header on the stack has its Self field
// adjusted with the stack, like any pointer into it).
//
// nocheckptr: under -race (which turns checkptr on) the read back through
// &x is instrumented with a call to runtime.checkptrAlignment, which can
// grow the goroutine's stack; x, a uintptr, is not adjusted when the
// stack moves, so the pointer read back would be the Header's old
// address, and the next write would panic as if through a copy.
//
//go:nocheckptr
func noescape(p unsafe.Pointer) unsafe.Pointer {
	x := uintptr(p)
	return *(*unsafe.Pointer)(unsafe.Pointer(&x))
}

// ZeroWindow is how many vacated slots on each side of a container's
// elements its invariants check for zero: the slots most recently
// vacated, where a method that forgot to clear would leave something, at a
// cost that does not grow with the container.
const ZeroWindow = 64

// Zeroed reports whether every byte of s is zero, for the invariant that
// a container's vacated slots keep nothing alive. It is meant for the
// checked build's invariants: it reads each byte.
func Zeroed[T any](s []T) bool {
	if len(s) == 0 {
		return true
	}
	// Sound: the bytes lie within s's elements; reading them as bytes,
	// pointers included, only compares them with zero.
	b := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), uintptr(len(s))*unsafe.Sizeof(s[0]))
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}
