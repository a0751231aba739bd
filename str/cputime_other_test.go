//go:build !linux

package str_test

// cpuTime returns -1: CPU time is only measured on Linux.
func cpuTime() int64 { return -1 }
