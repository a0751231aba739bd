package bump

import (
	"fmt"
	"math"
	"runtime/debug"
	"sync"
)

// maxAlloc bounds every request so that offset arithmetic cannot overflow,
// and so that a request the Go runtime could never satisfy is an
// ErrInvalidSize rather than a "makeslice: len out of range" panic from
// make (the runtime's own limit is 1<<48 bytes on 64-bit platforms).
const maxAlloc = uintptr(min(math.MaxInt/2, 1<<47))

// checkedSize is the chunk size from which a new chunk is checked against
// the memory the system can provide (see systemLimit). Smaller chunks are
// never refused for that reason: no Go program runs in less, and reading
// the Go memory limit takes a runtime lock.
const checkedSize = maxChunkSize

// defaultSystemMemory is the most a single chunk may hold where the
// physical memory is not known (see physicalMemory): 1 TiB, 1/256 of the
// 48-bit address space of the Go heap on 64-bit platforms, and more than
// the memory of all but the largest machines; on 32-bit platforms maxAlloc
// is smaller still.
const defaultSystemMemory = uint64(1) << 40

// systemMemory is the size beyond which a single chunk is refused when
// no Go memory limit is set: the physical memory of the machine (RAM and
// swap, where known), or defaultSystemMemory. Asking the runtime for more
// would end the process with a fatal "out of memory" that no caller can
// recover from, where a Try function must return an error.
var systemMemory = sync.OnceValue(func() uintptr {
	n := physicalMemory()
	if n == 0 {
		n = defaultSystemMemory
	}
	return uintptr(min(n, uint64(maxAlloc)))
})

// checkSystem returns an error wrapping ErrAllocationLimit if a chunk of
// size bytes is more than the Go memory limit (runtime/debug.SetMemoryLimit)
// when one is set, or more than systemMemory: a soft limit set above the
// machine's memory does not make such a chunk possible.
func checkSystem(size uintptr) error {
	if size < checkedSize {
		return nil
	}
	if lim := debug.SetMemoryLimit(-1); lim < math.MaxInt64 && uint64(size) > uint64(lim) {
		return fmt.Errorf("%w: %d bytes needed, more than the Go memory limit of %d bytes", ErrAllocationLimit, size, lim)
	}
	if m := systemMemory(); size > m {
		return fmt.Errorf("%w: %d bytes needed, more than the %d bytes of system memory", ErrAllocationLimit, size, m)
	}
	return nil
}
