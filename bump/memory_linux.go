package bump

import "syscall"

// physicalMemory returns the RAM and swap of the machine, as sysinfo(2)
// reports them, or 0 if it cannot tell. Linux's default overcommit
// heuristic refuses a single mapping larger than that, which the Go
// runtime reports with a fatal error.
func physicalMemory() uint64 {
	var info syscall.Sysinfo_t
	if syscall.Sysinfo(&info) != nil {
		return 0
	}
	unit := uint64(info.Unit)
	if unit == 0 {
		unit = 1
	}
	return (uint64(info.Totalram) + uint64(info.Totalswap)) * unit
}
