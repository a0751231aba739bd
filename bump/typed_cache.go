package bump

import "unsafe"

// handleCache finds a Bump's Typed handles by type key, so that Of is
// cheap enough to call per request: a direct-mapped cache like the Bump's
// type cache, then a map of every handle made.
type handleCache struct {
	recent [typeCacheSize]handleSlot
	all    map[unsafe.Pointer]unsafe.Pointer // type key -> *Typed[T]
	list   []handle                          // the same handles, in creation order
}

// handle is what the Bump needs of a Typed handle whatever its type.
type handle interface {
	resetter
	metadata() uintptr
}

// metadata returns the bytes of the cache's lists and of the handles'.
func (c *handleCache) metadata() uintptr {
	n := uintptr(cap(c.list))*unsafe.Sizeof(handle(nil)) +
		uintptr(len(c.all))*2*unsafe.Sizeof(unsafe.Pointer(nil))
	for _, h := range c.list {
		n += h.metadata()
	}
	return n
}

// A handleSlot holds the *Typed[T] of the type whose key it records.
type handleSlot struct {
	key, handle unsafe.Pointer
}
