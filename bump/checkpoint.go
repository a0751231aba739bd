package bump

import "fmt"

// A Checkpoint is a position in a Bump's allocations, taken by
// [Bump.Checkpoint] and returned to by [Bump.ResetTo]. The zero value is
// not a valid checkpoint.
type Checkpoint struct {
	b     *Bump
	id    uint64
	depth int
}

// A frame is what a checkpoint saved.
type frame struct {
	id       uint64
	chunk    int
	off      uintptr
	large    int
	marks    int    // start of this frame's slab marks in Bump.marks
	slabs    int    // number of slabs when it was taken
	cleanups uint64 // cleanupMark when it was taken
}

// Checkpoint returns the current allocation position. [Bump.ResetTo]
// frees everything allocated after it. Checkpoints nest: rewinding to one
// invalidates those taken after it, and [Bump.Reset] invalidates all.
//
// Allocations made before a checkpoint are not resized or freed in place
// while it is open (see [Allocator]): a container created before the
// checkpoint that grows after it moves to new memory, which ResetTo frees.
//
// Taking a checkpoint costs O(number of pointer-holding types allocated).
// Checkpoint panics if called by a cleanup during a reset of b.
func (b *Bump) Checkpoint() Checkpoint {
	b.refuseDuringReset("Checkpoint")
	b.nextID++
	f := frame{
		id:       b.nextID,
		chunk:    b.cur,
		off:      b.off,
		large:    len(b.large),
		marks:    len(b.marks),
		slabs:    len(b.slabOrder),
		cleanups: b.cleanupMark(),
	}
	b.frames = append(b.frames, f)
	for _, s := range b.slabOrder {
		b.marks = append(b.marks, s.mark())
	}
	b.setFloors()
	if debugBuild {
		b.checkInvariants()
	}
	return Checkpoint{b: b, id: f.id, depth: len(b.frames) - 1}
}

// ResetTo frees everything allocated from b since cp was taken: it runs
// the cleanups registered since then (newest first), zeroes the memory,
// and keeps the chunks for reuse. cp stays valid, so a loop can rewind to
// it repeatedly; checkpoints taken after cp become stale.
//
// ResetTo returns an error wrapping [ErrStaleCheckpoint], and changes
// nothing, if cp was taken on another Bump, or was invalidated by Reset
// or by rewinding to an earlier checkpoint.
//
// If a cleanup panics, ResetTo still runs the others and rewinds, then
// re-raises the first panic (see [Bump.Cleanup]). ResetTo panics if called
// by a cleanup during a reset of b.
func (b *Bump) ResetTo(cp Checkpoint) error {
	b.refuseDuringReset("ResetTo")
	if cp.b != b || cp.depth >= len(b.frames) || b.frames[cp.depth].id != cp.id {
		return fmt.Errorf("bump: ResetTo: %w: checkpoint %d is not open on this Bump", ErrStaleCheckpoint, cp.id)
	}
	b.resetting = true
	defer b.rewind(cp.depth)
	b.runCleanups(b.frames[cp.depth].cleanups)
	return nil
}

// rewind is ResetTo after the cleanups have run.
func (b *Bump) rewind(depth int) {
	b.resetting = false
	f := b.frames[depth]
	b.frames = b.frames[:depth+1]
	b.marks = b.marks[:f.marks+f.slabs]

	for i, s := range b.slabOrder {
		if i < f.slabs {
			s.rewind(b, b.marks[f.marks+i])
		} else {
			s.rewind(b, slabMark{})
		}
	}
	if debugBuild {
		b.releaseLarge(min(f.large, len(b.large)))
	}
	b.dropLarge(min(f.large, len(b.large)))
	if len(b.chunks) > 0 {
		b.chunks[b.cur].used = b.off
		for i := f.chunk + 1; i <= b.cur; i++ {
			c := &b.chunks[i]
			c.mem = recycleByteChunk(c.mem, c.used)
			c.used = 0
		}
		c := &b.chunks[f.chunk]
		if c.used > f.off {
			if debugBuild {
				b.splitChunk(f.chunk, f.off)
			} else {
				clear(c.mem[f.off:c.used])
				c.used = f.off
			}
		}
		b.enterChunk(f.chunk)
		if debugBuild {
			b.skipFullChunk()
		}
	}
	b.setFloors()
	if debugBuild {
		b.checkInvariants()
	}
}

// topFrame returns the newest open checkpoint, or nil.
func (b *Bump) topFrame() *frame {
	if len(b.frames) == 0 {
		return nil
	}
	return &b.frames[len(b.frames)-1]
}

// setFloors protects everything allocated before the newest checkpoint
// from in-place resize and free.
func (b *Bump) setFloors() {
	f := b.topFrame()
	b.floor = 0
	if f != nil && f.chunk == b.cur {
		b.floor = f.off
	}
	for i, s := range b.slabOrder {
		if f != nil && i < f.slabs {
			s.setFloor(&b.marks[f.marks+i])
		} else {
			s.setFloor(nil)
		}
	}
}

// largeFloor returns how many large chunks predate the newest checkpoint.
func (b *Bump) largeFloor() int {
	if f := b.topFrame(); f != nil {
		return f.large
	}
	return 0
}
