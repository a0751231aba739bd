package hashmap

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
)

// TestSetSlotSize checks that a Set's slots hold their value and nothing
// else: a zero-size value placed last in a struct would be padded.
func TestSetSlotSize(t *testing.T) {
	require.Equal(t, uintptr(8), unsafe.Sizeof(slot[uint64, struct{}]{}))
	require.Equal(t, uintptr(16), unsafe.Sizeof(slot[string, struct{}]{}))
	require.Equal(t, unsafe.Sizeof(Map[int, struct{}]{}), unsafe.Sizeof(Set[int]{}))
}
