//go:build !linux

package bump

// physicalMemory returns 0: outside Linux the physical memory is not
// read, and defaultSystemMemory bounds a chunk instead.
func physicalMemory() uint64 { return 0 }
