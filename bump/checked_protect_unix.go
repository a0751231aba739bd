//go:build bumpdebug && (linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package bump

import "syscall"

// protectPages makes whole pages inaccessible, so that any load or store
// to them faults (SIGSEGV, or SIGBUS on some systems).
func protectPages(p []byte) { mprotect(p, syscall.PROT_NONE) }

// unprotectPages makes protected pages ordinary memory again.
func unprotectPages(p []byte) { mprotect(p, syscall.PROT_READ|syscall.PROT_WRITE) }

func mprotect(p []byte, prot int) {
	if err := syscall.Mprotect(p, prot); err != nil {
		panic("bump: checked build: mprotect: " + err.Error())
	}
}
