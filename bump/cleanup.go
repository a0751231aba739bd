package bump

// Cleanup registers f to be called when b is reset: by [Bump.Reset], or by
// [Bump.ResetTo] a checkpoint taken before f was registered. Functions run
// newest first, before the memory is zeroed, so they may still read values
// in the arena. Like [testing.T.Cleanup], it is meant for releasing what
// arena values own (files, handles, pools).
//
// If a cleanup panics, the reset stops there: the cleanups not yet run
// stay registered and the memory stays allocated.
func (b *Bump) Cleanup(f func()) {
	b.cleanups = append(b.cleanups, f)
}

// runCleanups calls, newest first, the cleanups registered after the
// first n.
func (b *Bump) runCleanups(n int) {
	for len(b.cleanups) > n {
		i := len(b.cleanups) - 1
		f := b.cleanups[i]
		b.cleanups[i] = nil
		b.cleanups = b.cleanups[:i]
		f()
	}
}
