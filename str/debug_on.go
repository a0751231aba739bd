//go:build bumpdebug

package str

import "github.com/bumpkit/bumpkit/bump"

// debugState tracks whether the arena has released a String's storage.
type debugState struct {
	st *debugStatus
}

type debugStatus struct {
	gen   uint64 // counts the String's storage allocations
	stale bool   // the arena has released the current storage
}

// check panics if the arena has released s's storage.
func (d *debugState) check() {
	if d.st != nil && d.st.stale {
		panic("str: String used after its arena was reset (bumpdebug)")
	}
}

// track notes that the String moved to new storage from a, and asks a to
// report when it releases it.
func (d *debugState) track(a bump.Allocator) {
	c, ok := a.(bump.Cleaner)
	if !ok {
		return
	}
	if d.st == nil {
		d.st = new(debugStatus)
	}
	d.st.gen++
	st, gen := d.st, d.st.gen
	c.Cleanup(func() {
		if st.gen == gen {
			st.stale = true
		}
	})
}
