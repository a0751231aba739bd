package boxed

import (
	"fmt"
	"io"
	"reflect"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
)

// A Dropper is a value with a cleanup method that cannot fail. A Box
// calls it, in preference to Close, when the Box is dropped.
type Dropper interface {
	Drop()
}

// errDropper is a Drop method that can fail, as [Box.Drop] is.
type errDropper interface {
	Drop() error
}

// A Box owns one value of T allocated from a [bump.Allocator].
//
// A Box is a small handle (a pointer and a generation number): copies of
// it refer to the same value, and dropping any copy drops the value for
// all of them, which is why, unlike the containers, it may be copied. The
// zero Box holds no value. A Box is not safe for concurrent use, but
// distinct Boxes may be used from distinct goroutines.
type Box[T any] struct {
	s   *state
	gen uint64 // s holds this Box's value while s.gen == gen
}

// state is a Box's drop state. It lives on the Go heap, not in the arena,
// because it must outlive a reset: a Box dropped after its arena was reset
// has to find out that its memory is gone (and may now belong to someone
// else) rather than free it a second time. States are recycled through
// states once their value is gone; the generation number tells a stale
// Box from the current one. gen is atomic because a stale Box may read it
// while another goroutine reuses the state for a new, unrelated Box.
type state struct {
	gen atomic.Uint64
	// p is the value, a *T, while it is live, and nil afterwards. Held
	// as an interface (which costs no allocation for a pointer), it lets
	// onReset, which has no T, find the value's cleanup method.
	p       any
	a       bump.Allocator
	reg     bump.Cleanup // the arena's registration of release
	release func()       // s.onReset, made once per state
	reuse   bool         // reg.Stop is known to work: see recycle
	tag     lifecheck.Tag
}

// states recycles drop states, with the function each registers.
var states sync.Pool

// getState returns a recycled state or a new one.
func getState() *state {
	if s, ok := states.Get().(*state); ok {
		return s
	}
	s := new(state)
	s.release = s.onReset
	return s
}

// New returns a Box owning a copy of v placed in storage from a (the Go
// heap if a is nil). If a implements [bump.Cleaner], as *bump.Bump does,
// the value is dropped when a releases its memory, unless the Box was
// dropped before. New panics with the allocator's error, wrapping
// [bump.ErrAllocationLimit] or [bump.ErrInvalidSize], if a cannot provide
// the storage; see TryNew.
func New[T any](a bump.Allocator, v T) Box[T] {
	b, err := newBox(a, v)
	if err != nil {
		panic(fmt.Errorf("boxed: New: %w", err))
	}
	return b
}

// TryNew is like [New] but returns an error instead of panicking. On error
// v is not owned: it is the caller's to clean up, and a is unchanged.
func TryNew[T any](a bump.Allocator, v T) (Box[T], error) {
	b, err := newBox(a, v)
	if err != nil {
		return Box[T]{}, fmt.Errorf("boxed: TryNew: %w", err)
	}
	return b, nil
}

func newBox[T any](a bump.Allocator, v T) (Box[T], error) {
	vs, err := bump.AllocateSlice[T](a, 1)
	if err != nil {
		return Box[T]{}, err
	}
	vs[0] = v
	s := getState()
	s.p, s.a = &vs[0], a
	s.reuse = true
	if c, ok := a.(bump.Cleaner); ok {
		s.reg = c.Cleanup(s.release)
		// Only a Bump's Stop is known to cancel the registration; a
		// state whose registration may still fire must not be reused.
		_, s.reuse = a.(*bump.Bump)
	}
	s.tag = lifecheck.Track(a)
	return Box[T]{s, s.gen.Add(1)}, nil
}

// live returns b's state if b still owns its value, or nil.
func (b Box[T]) live() *state {
	if b.s == nil || b.s.gen.Load() != b.gen {
		return nil
	}
	return b.s
}

// Ptr returns a pointer to b's value, valid until b is dropped (after
// which its storage may be reused). It panics if b is the zero Box or has
// been dropped.
func (b Box[T]) Ptr() *T {
	s := b.live()
	if s == nil {
		b.usePanic("Ptr")
	}
	return s.p.(*T)
}

// Value returns a copy of b's value. It panics if b is the zero Box or has
// been dropped.
func (b Box[T]) Value() T {
	s := b.live()
	if s == nil {
		b.usePanic("Value")
	}
	return *s.p.(*T)
}

func (b Box[T]) usePanic(method string) {
	if b.s == nil {
		panic("boxed: " + method + ": use of zero Box")
	}
	// In the checked build a state is never reused, so its tag is still
	// the one of b's value.
	b.s.tag.Check("boxed: Box")
	panic("boxed: " + method + ": use of dropped Box")
}

// Dropped reports whether b's value has been dropped, by [Box.Drop] or by
// a reset of its arena. It reports true for the zero Box, which holds no
// value.
func (b Box[T]) Dropped() bool {
	return b.live() == nil
}

// Drop cleans up b's value (see the package documentation for which method
// it calls), gives its storage back to the allocator, and cancels the
// cleanup New registered with the arena. It returns the error of the
// value's cleanup method, if that returns one.
//
// Drop runs the cleanup at most once: calling it again, on any copy of b,
// or after the arena reset b's value, does nothing and returns nil, as
// does dropping the zero Box. The Box counts as dropped before the cleanup
// runs, so a cleanup that panics is not run again by a later reset.
func (b Box[T]) Drop() error {
	s := b.live()
	if s == nil {
		return nil
	}
	p, a := s.p.(*T), s.a
	s.p = nil
	s.gen.Add(1)
	s.reg.Stop()
	s.tag.Stop()
	// The storage is freed, and the state recycled, even if the cleanup
	// panics: the value is dropped either way. unsafe.Slice rebuilds
	// exactly the one-element slice AllocateSlice returned, which is what
	// FreeSlice needs.
	defer func() {
		bump.FreeSlice(a, unsafe.Slice(p, 1))
		s.recycle()
	}()
	return cleanup(p)
}

// onReset is registered with the arena. The arena is about to zero the
// memory itself, so it only cleans up. The registration is spent, so the
// state is free for reuse afterwards.
func (s *state) onReset() {
	p := s.p
	if p == nil {
		return // dropped by an allocator whose Stop did nothing
	}
	s.p = nil
	s.gen.Add(1)
	s.reg = bump.Cleanup{}
	defer s.recycle()
	_ = cleanup(p) // a reset has nowhere to report the error; see the package doc
}

// recycle returns s to states, once nothing can call its release: its
// registration was stopped (by a Bump) or has run, or it had none. The
// checked build never reuses states, so that a stale Box still finds its
// own tag.
func (s *state) recycle() {
	reuse := s.reuse && !lifecheck.Enabled
	s.p, s.a, s.reg, s.reuse = nil, nil, bump.Cleanup{}, false
	if reuse {
		states.Put(s)
	}
}

// cleanup calls the cleanup method of the value p (a *T) points to, if it
// has one.
func cleanup(p any) error {
	switch x := p.(type) {
	case Dropper:
		x.Drop()
		return nil
	case errDropper:
		return x.Drop()
	case io.Closer:
		return x.Close()
	}
	// For other kinds the method set of *T already includes T's, and
	// converting *p to an interface could allocate.
	elem := reflect.ValueOf(p).Elem()
	if k := elem.Kind(); k != reflect.Pointer && k != reflect.Interface {
		return nil
	}
	if elem.IsNil() {
		return nil
	}
	if elem.Kind() == reflect.Interface {
		elem = elem.Elem()
		if elem.Kind() == reflect.Pointer && elem.IsNil() {
			return nil
		}
	}
	switch x := elem.Interface().(type) {
	case Dropper:
		x.Drop()
	case errDropper:
		return x.Drop()
	case io.Closer:
		return x.Close()
	}
	return nil
}
