//go:build !bumpdebug

package str

import "github.com/bumpkit/bumpkit/bump"

// debugState tracks, in bumpdebug builds, whether the arena has released
// a String's storage. Without the tag it is empty and its methods compile
// to nothing.
type debugState struct{}

func (debugState) check()               {}
func (debugState) track(bump.Allocator) {}
