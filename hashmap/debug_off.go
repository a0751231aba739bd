//go:build !bumpdebug

package hashmap

// debugState is empty outside the checked build; see debug_on.go.
type debugState struct{}

func (m *Map[K, V]) verifyNow() bool { return false }
