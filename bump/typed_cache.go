package bump

import "unsafe"

// handleCache finds a Bump's Typed handles by type key, so that Of is
// cheap enough to call per request: a direct-mapped cache like the Bump's
// type cache, then a map of every handle made.
type handleCache struct {
	recent [typeCacheSize]handleSlot
	all    map[unsafe.Pointer]unsafe.Pointer // type key -> *Typed[T]
}

// A handleSlot holds the *Typed[T] of the type whose key it records.
type handleSlot struct {
	key, handle unsafe.Pointer
}
