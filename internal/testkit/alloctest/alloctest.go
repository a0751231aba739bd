// Package alloctest holds what the container tests share: the allocators
// every behaviour is checked with, a helper that turns a panic into the
// error it carries, and one that turns a memory fault into its address.
package alloctest

import (
	"fmt"
	"reflect"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
)

// An Allocator is one kind of storage a container test runs against.
type Allocator struct {
	Name string
	// New returns a fresh allocator of this kind (nil for the Go heap).
	New func() bump.Allocator
}

// Allocators are the kinds of allocator every container behaviour is
// checked with: a nil allocator and bump.Heap (the Go heap), an empty
// Bump, and a Bump whose current chunk is nearly full (see SmallBump), so
// that growth crosses chunks early. None of them refuses an allocation a
// test makes.
var Allocators = []Allocator{
	{"nil", func() bump.Allocator { return nil }},
	{"heap", func() bump.Allocator { return bump.Heap{} }},
	{"bump", func() bump.Allocator { return new(bump.Bump) }},
	{"small-bump", func() bump.Allocator { return SmallBump() }},
}

// Limited is a Bump whose allocation limit (TightLimit) refuses all but a
// few small containers, for tests of failure: every fallible operation
// must either succeed or leave the container and the arena as they were.
var Limited = Allocator{"limited", func() bump.Allocator {
	b := new(bump.Bump)
	b.SetAllocationLimit(TightLimit)
	return b
}}

// TightLimit is Limited's allocation limit: a few KiB.
const TightLimit = 3 << 10

// All is Allocators and Limited: the set the model tests (proptest) run
// every container with.
var All = append(Allocators[:len(Allocators):len(Allocators)], Limited)

// SmallRoom is the room SmallBump leaves in its first chunk.
const SmallRoom = 40

// SmallBump returns a Bump whose first byte chunk has only SmallRoom bytes
// left, so that a container's first small pointer-free storage fits but
// its next growth cannot happen in place and crosses into a new chunk.
// (A Bump's chunks are at least 512 bytes, so WithCapacity cannot make a
// small one.) Pointer-holding types get a slab of their own whose first
// chunk holds 512 bytes, so their storage crosses chunks from the 513th
// byte on.
func SmallBump() *bump.Bump {
	b := new(bump.Bump)
	bump.Bytes(b, 1) // the first chunk
	bump.Bytes(b, b.ChunkCapacity()-SmallRoom)
	return b
}

// ForEach runs f as a subtest for each of Allocators, with a fresh
// allocator.
func ForEach(t *testing.T, f func(t *testing.T, a bump.Allocator)) {
	for _, tc := range Allocators {
		t.Run(tc.Name, func(t *testing.T) { f(t, tc.New()) })
	}
}

// Catch runs f and returns the error it panics with, or nil if it
// returns. A panic with a value that is not an error becomes an error
// describing it, so that a test expecting an error fails clearly.
func Catch(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			var ok bool
			if err, ok = r.(error); !ok {
				err = fmt.Errorf("non-error panic: %v", r)
			}
		}
	}()
	f()
	return nil
}

// CopyOf returns a copy of *p, the mistake go vet reports as *q = *p
// for a container; made through reflect so that vet lets a test make it.
func CopyOf[T any](p *T) *T {
	q := new(T)
	reflect.ValueOf(q).Elem().Set(reflect.ValueOf(p).Elem())
	return q
}

// Fault runs access with memory faults turned into panics (as a test of
// user code would with debug.SetPanicOnFault) and returns the address
// that faulted, or ok false if access ran without a fault. Any other
// panic goes on.
func Fault(access func()) (addr uintptr, ok bool) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if _, isErr := r.(runtime.Error); !isErr {
			panic(r)
		}
		a, hasAddr := r.(interface{ Addr() uintptr })
		if !hasAddr {
			panic(r)
		}
		addr, ok = a.Addr(), true
	}()
	access()
	return 0, false
}
