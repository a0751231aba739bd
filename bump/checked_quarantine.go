//go:build bumpdebug

package bump

import (
	"os"
	"sync"
	"unsafe"
)

// The quarantine of the checked build holds the byte chunks arenas have
// released, with their pages protected (see protect_unix.go), so that any
// access through a stale pointer faults. It is shared by all arenas and
// bounded: once it holds more than quarantineLimit (or quarantineChunks
// chunks), the oldest chunks are unprotected and left to the garbage
// collector, and a stale access to them is no longer caught.
//
// The chunks are Go-heap memory, not mmap'ed: a chunk is reclaimed by the
// garbage collector like any other once nothing points into it, so an
// arena dropped without a Reset leaks nothing, and a value that outlives
// its dropped arena (legal in the normal build) stays valid. Protecting
// Go-heap pages is sound because a protected chunk is always referenced
// from the quarantine (it cannot be freed and reused by the runtime), the
// pages are wholly inside it (chunks are page-aligned, see
// pageAlignedBytes), and it holds no pointers, so the collector never
// reads it.
const (
	quarantineLimit  = 64 << 20
	quarantineChunks = 4096
)

var quarantine struct {
	sync.Mutex
	fifo  [][]byte // protected regions, oldest first from head
	head  int
	bytes uintptr
}

var pageSize = uintptr(os.Getpagesize())

// pageAlignedBytes returns n zeroed bytes starting on a page boundary,
// with a capacity rounded up to whole pages that the slice alone covers.
func pageAlignedBytes(n uintptr) []byte {
	size := (n + pageSize - 1) &^ (pageSize - 1)
	buf := make([]byte, size+pageSize)
	off := -uintptr(unsafe.Pointer(unsafe.SliceData(buf))) & (pageSize - 1)
	return buf[off : off+n : off+size]
}

// quarantineBytes protects the whole pages of region and fills the bytes
// of region outside them with poisonByte, then quarantines it.
func quarantineBytes(region []byte) {
	if len(region) == 0 {
		return
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(region)))
	lo := -start & (pageSize - 1)
	hi := (start + uintptr(len(region))) &^ (pageSize - 1)
	if hi <= start+lo {
		lo, hi = 0, 0 // no whole page: poison only
	} else {
		hi -= start
	}
	fill(region[:lo])
	fill(region[hi:])
	if hi == 0 {
		return
	}
	pages := region[lo:hi]
	protectPages(pages)
	q := &quarantine
	q.Lock()
	defer q.Unlock()
	q.fifo = append(q.fifo, pages)
	q.bytes += uintptr(len(pages))
	for q.bytes > quarantineLimit || len(q.fifo)-q.head > quarantineChunks {
		old := q.fifo[q.head]
		q.fifo[q.head] = nil
		q.head++
		q.bytes -= uintptr(len(old))
		unprotectPages(old)
		fill(old) // a stale read from now on sees the pattern
	}
	if q.head > len(q.fifo)/2 {
		n := copy(q.fifo, q.fifo[q.head:])
		clear(q.fifo[n:])
		q.fifo = q.fifo[:n]
		q.head = 0
	}
}

func fill(p []byte) {
	for i := range p {
		p[i] = poisonByte
	}
}
