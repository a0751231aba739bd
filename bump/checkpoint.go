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

// A frame is what a checkpoint saved: the byte list's position, and the
// positions of the resetters active then, in b.marks.
type frame struct {
	id       uint64
	bytes    listMark
	marks    int    // start of this frame's marks in Bump.marks
	active   int    // number of active resetters when it was taken
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
// Taking a checkpoint costs O(number of pointer-holding types and Typed
// handles used since the last Reset). Checkpoint panics if called by a
// cleanup during a reset of b.
func (b *Bump) Checkpoint() Checkpoint {
	b.refuseDuringReset("Checkpoint")
	b.refuseJoined("Checkpoint")
	b.nextID++
	b.syncBytes()
	f := frame{
		id:       b.nextID,
		bytes:    b.bytes.mark(),
		marks:    len(b.marks),
		active:   len(b.active),
		cleanups: b.cleanupMark(),
	}
	b.frames = append(b.frames, f)
	for _, r := range b.active {
		b.marks = append(b.marks, r.mark())
	}
	b.setFloors()
	if checkedBuild {
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
// by a cleanup during a reset of b, or, changing nothing, if cp was taken
// before a fork of an arena not joined yet (see [Bump.Fork]).
func (b *Bump) ResetTo(cp Checkpoint) error {
	b.refuseDuringReset("ResetTo")
	if cp.b != b || cp.depth >= len(b.frames) || b.frames[cp.depth].id != cp.id {
		return fmt.Errorf("bump: ResetTo: %w: checkpoint %d is not open on this Bump", ErrStaleCheckpoint, cp.id)
	}
	b.refuseForked("ResetTo", cp.id)
	b.resetting = true
	defer b.rewind(cp.depth)
	b.runCleanups(b.frames[cp.depth].cleanups)
	return nil
}

// rewind is ResetTo after the cleanups have run.
func (b *Bump) rewind(depth int) {
	b.resetting = false
	b.notePeak()
	f := b.frames[depth]
	b.frames = b.frames[:depth+1]
	b.marks = b.marks[:f.marks+f.active]
	// Newest first, as Reset does; resetters first used after the
	// checkpoint go back to the start of the round.
	for i := len(b.active) - 1; i >= 0; i-- {
		m := listMark{}
		if i < f.active {
			m = b.marks[f.marks+i]
		}
		b.active[i].rewind(b, m)
	}
	b.syncBytes()
	b.bytes.rewind(b, f.bytes)
	b.loadBytes()
	b.setFloors()
	if checkedBuild {
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
	if f == nil {
		b.bytes.setFloor(nil)
	} else {
		b.bytes.setFloor(&f.bytes)
	}
	for i, r := range b.active {
		s, ok := r.(slab)
		if !ok {
			continue
		}
		if f != nil && i < f.active {
			s.setFloor(&b.marks[f.marks+i])
		} else {
			s.setFloor(nil)
		}
	}
}
