package str_test

import "syscall"

// cpuTime returns the CPU time the process has used, in nanoseconds, or
// -1 if it cannot tell.
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return -1
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
