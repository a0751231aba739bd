package bump_test

import (
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

func TestLayout(t *testing.T) {
	const ptr = unsafe.Sizeof(uintptr(0))
	tests := []struct {
		l           bump.Layout
		name        string
		size, align uintptr
		pointers    bool
	}{
		{bump.LayoutOf[byte](), "uint8", 1, 1, false},
		{bump.LayoutOf[int64](), "int64", unsafe.Sizeof(int64(0)), unsafe.Alignof(int64(0)), false},
		{bump.LayoutOf[paddedStruct](), "bump_test.paddedStruct", unsafe.Sizeof(paddedStruct{}), unsafe.Alignof(paddedStruct{}), false},
		{bump.LayoutOf[[0]*int](), "[0]*int", 0, ptr, false},
		{bump.LayoutOf[struct{}](), "struct {}", 0, 1, false},
		{bump.LayoutOf[string](), "string", 2 * ptr, ptr, true},
		{bump.LayoutOf[*int](), "*int", ptr, ptr, true},
		{bump.LayoutOf[unsafe.Pointer](), "unsafe.Pointer", ptr, ptr, true},
		{bump.LayoutOf[[2]any](), "[2]interface {}", 4 * ptr, ptr, true},
		{bump.LayoutOf[ptrStruct](), "bump_test.ptrStruct", unsafe.Sizeof(ptrStruct{}), ptr, true},
		{bump.LayoutOf[func()](), "func()", ptr, ptr, true},
		{bump.LayoutOf[chan int](), "chan int", ptr, ptr, true},
		{bump.LayoutOf[map[int]int](), "map[int]int", ptr, ptr, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.name, tt.l.String())
			require.Equal(t, tt.name, tt.l.Type().String())
			require.Equal(t, tt.size, tt.l.Size())
			require.Equal(t, tt.align, tt.l.Align())
			require.Equal(t, tt.pointers, tt.l.HasPointers())
		})
	}
	require.Equal(t, bump.LayoutOf[string](), bump.LayoutOf[string](), "layouts are comparable")
	require.NotEqual(t, bump.LayoutOf[int](), bump.LayoutOf[int64]())
	require.Equal(t, "bump.Layout{}", bump.Layout{}.String())
}

// TestZeroLayout checks that using the zero Layout panics with a message
// that says so, instead of a nil dereference.
func TestZeroLayout(t *testing.T) {
	var l bump.Layout
	var b bump.Bump
	var x int64
	p := unsafe.Pointer(&x)
	tests := []struct {
		fn   string
		call func()
	}{
		{"Layout.Type", func() { l.Type() }},
		{"Layout.Size", func() { l.Size() }},
		{"Layout.Align", func() { l.Align() }},
		{"Layout.HasPointers", func() { l.HasPointers() }},
		{"Allocate", func() { _, _ = b.Allocate(l, 1) }},
		{"Resize", func() { b.Resize(l, p, 1, 2) }},
		{"Free", func() { b.Free(l, p, 1) }},
		{"Heap.Allocate", func() { _, _ = bump.Heap{}.Allocate(l, 1) }},
	}
	for _, tt := range tests {
		t.Run(tt.fn, func(t *testing.T) {
			require.PanicsWithValue(t, "bump: "+tt.fn+": zero Layout (use LayoutOf)", tt.call)
		})
	}
	require.Equal(t, "bump.Layout{}", l.String(), "String does not panic, so a zero Layout prints")
}
