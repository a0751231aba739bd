//go:build !bumpdebug

package bump

// debugBuild reports whether this is the checked build (-tags bumpdebug).
// Every hook of the checked build is guarded by it, so that the normal
// build compiles them away.
const debugBuild = false

// newByteChunk returns a zeroed chunk for pointer-free values.
func newByteChunk(n uintptr) []byte { return make([]byte, n) }

// releaseByteChunk gives back a byte chunk the arena no longer uses: the
// garbage collector reclaims it.
func releaseByteChunk([]byte) {}

// recycleByteChunk returns mem, whose first used bytes were in use, ready
// for reuse as an empty chunk.
func recycleByteChunk(mem []byte, used uintptr) []byte {
	clear(mem[:used])
	return mem
}

// The checked build's hooks; they are never called in this build.

func (b *Bump) releaseChunks(keep []byte, used uintptr) ([]byte, uintptr) { return keep, used }
func (b *Bump) releaseLarge(int)                                          {}
func (b *Bump) splitChunk(int, uintptr)                                   {}
func (b *Bump) skipFullChunk()                                            {}

// slabDebug is the checked build's state of a typedSlab; here it is empty.
//
//lint:ignore U1000 the type of a typedSlab field that only the checked build reads
type slabDebug[T any] struct{}

// recycle returns the chunk c of a slab, cleared, ready for reuse as an
// empty chunk.
func (s *typedSlab[T]) recycle(c []T) []T {
	clear(c)
	return c[:0]
}

func (s *typedSlab[T]) releaseAll(keep []T) []T { return keep }
func (s *typedSlab[T]) split(int)               {}
func (s *typedSlab[T]) skipFull()               {}
func (s *typedSlab[T]) releaseLarge(int)        {}
