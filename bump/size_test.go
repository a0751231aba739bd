package bump_test

import (
	"errors"
	"math"
	"math/bits"
	"runtime/debug"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// requirePanicsWith runs f and checks that it panics with an error that
// wraps target.
func requirePanicsWith(t *testing.T, target error, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		require.NotNil(t, r, "no panic")
		err, ok := r.(error)
		require.Truef(t, ok, "panic value %v (%T) is not an error", r, r)
		require.ErrorIs(t, err, target)
	}()
	f()
}

func TestInvalidSize(t *testing.T) {
	// More than maxAlloc bytes of pointers, on 32-bit platforms too.
	const hugePointers = math.MaxInt/int(unsafe.Sizeof((*int)(nil)))/2 + 1
	tests := []struct {
		name string
		try  func(b *bump.Bump) error
		must func(b *bump.Bump) // the panicking variant, if any
	}{
		{"MakeSlice/negative len",
			func(b *bump.Bump) error { _, err := bump.TryMakeSlice[int](b, -1, 4); return err },
			func(b *bump.Bump) { bump.MakeSlice[int](b, -1, 4) }},
		{"MakeSlice/negative cap",
			func(b *bump.Bump) error { _, err := bump.TryMakeSlice[int](b, 0, -1); return err },
			func(b *bump.Bump) { bump.MakeSlice[int](b, 0, -1) }},
		{"MakeSlice/len>cap",
			func(b *bump.Bump) error { _, err := bump.TryMakeSlice[int](b, 5, 4); return err },
			func(b *bump.Bump) { bump.MakeSlice[int](b, 5, 4) }},
		{"MakeSlice/pointers len>cap",
			func(b *bump.Bump) error { _, err := bump.TryMakeSlice[*int](b, 5, 4); return err },
			func(b *bump.Bump) { bump.MakeSlice[*int](b, 5, 4) }},
		{"MakeSlice/overflow int64",
			func(b *bump.Bump) error { _, err := bump.TryMakeSlice[int64](b, 0, math.MaxInt); return err },
			func(b *bump.Bump) { bump.MakeSlice[int64](b, 0, math.MaxInt) }},
		{"MakeSlice/overflow pointers",
			func(b *bump.Bump) error { _, err := bump.TryMakeSlice[string](b, 0, math.MaxInt/4); return err },
			func(b *bump.Bump) { bump.MakeSlice[string](b, 0, math.MaxInt/4) }},
		{"MakeSlice/huge bytes",
			func(b *bump.Bump) error { _, err := bump.TryMakeSlice[byte](b, 0, math.MaxInt/2+1); return err },
			func(b *bump.Bump) { bump.MakeSlice[byte](b, 0, math.MaxInt/2+1) }},
		{"MakeSlice/huge pointers",
			func(b *bump.Bump) error { _, err := bump.TryMakeSlice[*int](b, 0, hugePointers); return err },
			func(b *bump.Bump) { bump.MakeSlice[*int](b, 0, hugePointers) }},
		{"MakeSlice/huge array",
			func(b *bump.Bump) error {
				_, err := bump.TryMakeSlice[[1 << 20]byte](b, 1, math.MaxInt/(1<<20)+1)
				return err
			},
			func(b *bump.Bump) { bump.MakeSlice[[1 << 20]byte](b, 1, math.MaxInt/(1<<20)+1) }},
		{"Bytes/negative",
			func(b *bump.Bump) error { _, err := bump.TryBytes(b, -1); return err },
			func(b *bump.Bump) { bump.Bytes(b, -1) }},
		{"Bytes/huge",
			func(b *bump.Bump) error { _, err := bump.TryBytes(b, math.MaxInt); return err },
			func(b *bump.Bump) { bump.Bytes(b, math.MaxInt) }},
		{"Bytes/half the address space",
			func(b *bump.Bump) error { _, err := bump.TryBytes(b, math.MaxInt/2); return err },
			func(b *bump.Bump) { bump.Bytes(b, math.MaxInt/2) }},
		{"AlignedBytes/negative",
			func(b *bump.Bump) error { _, err := bump.TryAlignedBytes(b, -1, 8); return err },
			func(b *bump.Bump) { bump.AlignedBytes(b, -1, 8) }},
		{"AlignedBytes/zero align",
			func(b *bump.Bump) error { _, err := bump.TryAlignedBytes(b, 8, 0); return err },
			func(b *bump.Bump) { bump.AlignedBytes(b, 8, 0) }},
		{"AlignedBytes/negative align",
			func(b *bump.Bump) error { _, err := bump.TryAlignedBytes(b, 8, -8); return err },
			func(b *bump.Bump) { bump.AlignedBytes(b, 8, -8) }},
		{"AlignedBytes/align 3",
			func(b *bump.Bump) error { _, err := bump.TryAlignedBytes(b, 8, 3); return err },
			func(b *bump.Bump) { bump.AlignedBytes(b, 8, 3) }},
		{"AlignedBytes/align beyond maxAlloc",
			func(b *bump.Bump) error { _, err := bump.TryAlignedBytes(b, 8, math.MaxInt/2+1); return err },
			func(b *bump.Bump) { bump.AlignedBytes(b, 8, math.MaxInt/2+1) }},
		{"AlignedBytes/huge",
			func(b *bump.Bump) error { _, err := bump.TryAlignedBytes(b, math.MaxInt, 16); return err },
			func(b *bump.Bump) { bump.AlignedBytes(b, math.MaxInt, 16) }},
		{"CopySlice/none", // a valid call, for contrast: no error
			nil, nil},
		{"FillSlice/negative", nil,
			func(b *bump.Bump) { bump.FillSlice(b, -1, "x") }},
		{"SliceFunc/negative", nil,
			func(b *bump.Bump) { bump.SliceFunc(b, -3, func(int) int { return 0 }) }},
		{"AllocateSlice/negative",
			func(b *bump.Bump) error { _, err := bump.AllocateSlice[int](b, -1); return err }, nil},
		{"AllocateSlice/overflow",
			func(b *bump.Bump) error { _, err := bump.AllocateSlice[[16]byte](b, math.MaxInt/8); return err }, nil},
		{"AllocateSlice/huge pointers",
			func(b *bump.Bump) error { _, err := bump.AllocateSlice[[]int](b, math.MaxInt/64); return err }, nil},
		{"ResizeSlice/negative",
			func(b *bump.Bump) error {
				s := bump.MakeSlice[int](b, 2, 2)
				t, err := bump.ResizeSlice(b, s, -1)
				if &t[0] != &s[0] {
					return errors.New("s changed")
				}
				return err
			}, nil},
		{"ResizeSlice/overflow",
			func(b *bump.Bump) error {
				s, _ := bump.AllocateSlice[*int](b, 2)
				_, err := bump.ResizeSlice(b, s, math.MaxInt/2)
				return err
			}, nil},
		{"Allocate/zero",
			func(b *bump.Bump) error { _, err := b.Allocate(bump.LayoutOf[int](), 0); return err }, nil},
		{"Allocate/negative",
			func(b *bump.Bump) error { _, err := b.Allocate(bump.LayoutOf[string](), -5); return err }, nil},
		{"Allocate/huge",
			func(b *bump.Bump) error { _, err := b.Allocate(bump.LayoutOf[byte](), math.MaxInt/2); return err }, nil},
		{"Heap/negative",
			func(*bump.Bump) error { _, err := bump.AllocateSlice[int](nil, -1); return err }, nil},
		{"Heap/huge",
			func(*bump.Bump) error { _, err := bump.AllocateSlice[byte](nil, math.MaxInt/2); return err }, nil},
		{"Heap/zero",
			func(*bump.Bump) error { _, err := bump.Heap{}.Allocate(bump.LayoutOf[int](), 0); return err }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bump.Bump
			kept := bump.Alloc(&b, 12345)
			held := b.AllocatedBytes()
			if tt.try != nil {
				require.ErrorIs(t, tt.try(&b), bump.ErrInvalidSize)
			}
			if tt.must != nil {
				requirePanicsWith(t, bump.ErrInvalidSize, func() { tt.must(&b) })
			}
			// The arena is intact and usable.
			require.LessOrEqual(t, b.AllocatedBytes(), held+4096)
			require.Equal(t, 12345, *kept)
			require.Equal(t, []int{1, 2}, bump.CopySlice(&b, []int{1, 2}))
			requireChunksAccounted(t, &b)
		})
	}
}

// TestBeyondSystemMemory checks that a request the Go runtime could only
// answer with a fatal out-of-memory error (more than the machine's memory,
// or than the Go memory limit) is an error instead, and changes nothing
// (issue 10: these calls killed the process).
func TestBeyondSystemMemory(t *testing.T) {
	// 64 TiB, more than any test machine; on 32-bit platforms more than
	// the address space.
	huge := int(min(uint64(1)<<46, math.MaxInt))
	ptrs := huge / int(unsafe.Sizeof((*int)(nil)))
	var oneInt64 []int64 // the newest allocation of each test's arena
	tests := []struct {
		name string
		try  func(b *bump.Bump) error
	}{
		{"AlignedBytes/alignment", func(b *bump.Bump) error { _, err := bump.TryAlignedBytes(b, 1, 1<<(bits.UintSize-2)); return err }},
		{"AlignedBytes/size", func(b *bump.Bump) error { _, err := bump.TryAlignedBytes(b, huge, 1); return err }},
		{"Bytes", func(b *bump.Bump) error { _, err := bump.TryBytes(b, huge); return err }},
		{"MakeSlice/pointers", func(b *bump.Bump) error { _, err := bump.TryMakeSlice[*int](b, ptrs, ptrs); return err }},
		{"MakeSlice/int64", func(b *bump.Bump) error { _, err := bump.TryMakeSlice[int64](b, 0, huge/8); return err }},
		{"AllocateSlice/Bump", func(b *bump.Bump) error { _, err := bump.AllocateSlice[*int](b, ptrs); return err }},
		{"AllocateSlice/Heap", func(*bump.Bump) error { _, err := bump.AllocateSlice[*int](nil, ptrs); return err }},
		{"ResizeSlice", func(b *bump.Bump) error { _, err := bump.ResizeSlice(b, oneInt64, huge/8); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bump.Bump
			oneInt64 = bump.MakeSlice[int64](&b, 1, 1)
			before := arenaState(&b)
			err := tt.try(&b)
			if !errors.Is(err, bump.ErrInvalidSize) {
				require.ErrorIs(t, err, bump.ErrAllocationLimit)
			}
			require.Equal(t, before, arenaState(&b))
		})
	}
}

// TestBeyondMemoryLimit checks that with a Go memory limit set, a chunk
// larger than the limit is refused, while one within it is not.
func TestBeyondMemoryLimit(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(256 << 20))
	var b bump.Bump
	_, err := bump.TryBytes(&b, 300<<20)
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.ErrorContains(t, err, "Go memory limit")
	require.Zero(t, b.AllocatedBytes())
	_, err = bump.AllocateSlice[*int](nil, 300<<20/int(unsafe.Sizeof((*int)(nil))))
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	_, err = bump.TryBytes(&b, 4<<20)
	require.NoError(t, err)
}

// TestBeyondSystemMemoryUnderSoftLimit checks that a Go memory limit set
// above the machine's memory does not let a request through that the
// machine cannot hold: the bound is the smaller of the two (issue 20:
// such a request ended the process with the runtime's fatal
// out-of-memory error).
func TestBeyondSystemMemoryUnderSoftLimit(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64 / 2))
	huge := int(min(uint64(1)<<46, math.MaxInt/4))
	var b bump.Bump
	_, err := bump.TryBytes(&b, huge)
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.Zero(t, b.AllocatedBytes())
	_, err = bump.AllocateSlice[int64](nil, huge/8)
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	_, err = bump.TryMakeSliceIn[*int](nil, 0, huge/8)
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
}
