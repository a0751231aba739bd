package vec

// check panics, in the checked build (-tags bumpdebug), if the arena
// released the memory holding v's header or its storage. Outside that
// build it compiles to nothing.
func (v *Vec[T]) check() {
	v.life.Check("vec: Vec")
	v.store.Check("vec: Vec")
}

// own panics if v is a copy of the Vec that owns its storage, before fn
// frees or moves that storage: the original would go on using memory the
// allocator may clear or hand out again. It runs only where storage is
// given back, not on the paths that write into spare capacity (a copy
// writing there shares storage the way two slices of one array do), so
// Push's fast path pays nothing for it.
func (v *Vec[T]) own(fn string) {
	if v.self != v {
		if v.self != nil {
			panic("vec: " + fn + ": Vec copied by value after first use")
		}
		v.self = v
	}
}
