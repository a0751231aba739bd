//go:build !bumpdebug

package lifecheck

import "github.com/bumpkit/bumpkit/bump"

// Enabled reports whether this is the checked build (-tags bumpdebug).
const Enabled = false

// A Tag records that a container uses memory allocated from an arena at
// one moment. In this build it is empty.
type Tag struct{}

// Track returns a Tag for memory just allocated from a.
func Track(bump.Allocator) Tag { return Tag{} }

// Move stops t and tracks memory just allocated from a instead, for a
// container whose storage moved.
func (*Tag) Move(bump.Allocator) {}

// Stop ends the tracking, for storage the container gave back.
func (*Tag) Stop() {}

// Check panics with the message "what used after its arena was reset" if
// the arena released the memory t tracks.
func (Tag) Check(what string) {}

// Stale reports whether the arena released the memory t tracks: never,
// in this build.
func (Tag) Stale() bool { return false }
