//go:build bumpdebug && !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package bump

// Without mprotect, released pages are only filled with poisonByte (and,
// never being reused, stay so while a stale pointer keeps them alive): a
// stale read sees the pattern instead of faulting.
func protectPages(p []byte) { fill(p) }

func unprotectPages([]byte) {}
