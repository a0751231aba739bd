//go:build !bumpdebug

package bump

import "reflect"

// checkedBuild reports whether this is the checked build (-tags
// bumpdebug). Every hook of the checked build is guarded by it, so that
// the normal build compiles them away.
const checkedBuild = false

// listDebug is the checked build's state of a chunk list; here it is
// empty.
//
//lint:ignore U1000 the type of a chunkList field that only the checked build reads
type listDebug[E any] struct{}

// fresh returns a new empty chunk of capacity n.
func (l *chunkList[E]) fresh(n int) []E {
	if l.makeChunk != nil {
		return l.makeChunk(n)
	}
	return make([]E, 0, n)
}

// poisonAs sets the type whose scalars the checked build poisons in
// released values, when it is not E.
func (l *chunkList[E]) poisonAs(reflect.Type) {}

// recycle returns the chunk c, whose length is what was used of it,
// cleared and empty, ready for reuse.
func (l *chunkList[E]) recycle(c []E) []E {
	clear(c)
	return c[:0]
}

// quarantine is the checked build's hook for a chunk leaving the arena:
// here the garbage collector reclaims it.
func (l *chunkList[E]) quarantine([]E) {}

func (l *chunkList[E]) cutChecked([]E, int) []E { panic("unreachable") }

// The checked build's invariant checks; they are never called in this
// build.

func (b *Bump) checkInvariants()             {}
func (b *Bump) checkBump(uintptr)            {}
func (l *chunkList[E]) verify(*Bump) uintptr { return 0 }
func (l *chunkList[E]) spareBytes() uintptr  { return 0 }

func invariantf(string, ...any) {}
