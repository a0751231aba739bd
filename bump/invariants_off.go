//go:build !bumpdebug

package bump

// checkInvariants checks the arena's bookkeeping in the checked build; in
// this build it is never called.
func (b *Bump) checkInvariants() {}

func (b *Bump) checkBump(uintptr) {}

func invariantf(string, ...any) {}
