//go:build bumpdebug

package bump

// typedFast is false in the checked build: every allocation through a
// [Typed] handle goes through [Bump.Allocate], where the checked build
// guards the memory and verifies the arena's invariants.
const typedFast = false
