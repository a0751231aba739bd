//go:build bumpdebug

package lifecheck

import (
	"sync"

	"github.com/bumpkit/bumpkit/bump"
)

// Enabled reports whether this is the checked build (-tags bumpdebug).
const Enabled = true

// A Tag records that a container uses memory allocated from an arena at
// one moment. The zero Tag tracks nothing and never goes stale.
type Tag struct {
	id uint64
}

// registry holds the ids of the Tags whose memory is still allocated, and
// the cleanup registration that will retire each.
var registry struct {
	sync.Mutex
	next uint64
	live map[uint64]bump.Cleanup
}

// Track returns a Tag for memory just allocated from a. With an allocator
// that is not a bump.Cleaner (the Go heap), it returns the zero Tag.
func Track(a bump.Allocator) Tag {
	c, ok := a.(bump.Cleaner)
	if !ok {
		return Tag{}
	}
	registry.Lock()
	registry.next++
	id := registry.next
	if registry.live == nil {
		registry.live = make(map[uint64]bump.Cleanup)
	}
	registry.Unlock()
	h := c.Cleanup(func() { retire(id) })
	registry.Lock()
	registry.live[id] = h
	registry.Unlock()
	return Tag{id}
}

func retire(id uint64) {
	registry.Lock()
	delete(registry.live, id)
	registry.Unlock()
}

// Move stops t and tracks memory just allocated from a instead, for a
// container whose storage moved.
func (t *Tag) Move(a bump.Allocator) {
	t.Stop()
	*t = Track(a)
}

// Stop ends the tracking, for storage the container gave back.
func (t *Tag) Stop() {
	if t.id == 0 {
		return
	}
	registry.Lock()
	h, ok := registry.live[t.id]
	delete(registry.live, t.id)
	registry.Unlock()
	if ok {
		h.Stop()
	}
	t.id = 0
}

// Check panics with the message "what used after its arena was reset" if
// the arena released the memory t tracks.
func (t Tag) Check(what string) {
	if t.Stale() {
		panic(what + " used after its arena was reset")
	}
}

// Stale reports whether the arena released the memory t tracks.
func (t Tag) Stale() bool {
	if t.id == 0 {
		return false
	}
	registry.Lock()
	_, ok := registry.live[t.id]
	registry.Unlock()
	return !ok
}
