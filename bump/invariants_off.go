//go:build !bumpdebug

package bump

// checkInvariants checks the arena's bookkeeping in the checked build; in
// this build it is never called.
func (b *Bump) checkInvariants() {}

func invariantf(string, ...any) {}
