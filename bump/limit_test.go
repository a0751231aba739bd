package bump_test

import (
	"fmt"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// limitStep is one allocation of the limit workload: it returns the error
// of a Try variant and, on success, a check that the value is intact.
type limitStep func(b *bump.Bump, i int) (check func() bool, err error)

var limitSteps = []limitStep{
	func(b *bump.Bump, i int) (func() bool, error) {
		p, err := bump.TryAlloc(b, int64(i))
		return func() bool { return *p == int64(i) }, err
	},
	func(b *bump.Bump, i int) (func() bool, error) {
		p, err := bump.TryAlloc(b, node{a: int64(i)})
		return func() bool { return p.a == int64(i) }, err
	},
	func(b *bump.Bump, i int) (func() bool, error) {
		s, err := bump.TryString(b, fmt.Sprint("s", i))
		return func() bool { return s == fmt.Sprint("s", i) }, err
	},
	func(b *bump.Bump, i int) (func() bool, error) {
		s, err := bump.TryBytes(b, i%3000+1)
		if err == nil {
			s[len(s)-1] = byte(i)
		}
		return func() bool { return s[len(s)-1] == byte(i) }, err
	},
	func(b *bump.Bump, i int) (func() bool, error) {
		s, err := bump.TryMakeSlice[string](b, 1, i%200+1)
		if err == nil {
			s[0] = fmt.Sprint(i)
		}
		return func() bool { return s[0] == fmt.Sprint(i) }, err
	},
	func(b *bump.Bump, i int) (func() bool, error) {
		s, err := bump.TryAlignedBytes(b, 10, 256)
		if err == nil {
			s[9] = byte(i)
		}
		return func() bool { return s[9] == byte(i) }, err
	},
	func(b *bump.Bump, i int) (func() bool, error) {
		if i%50 != 0 {
			return func() bool { return true }, nil
		}
		s, err := bump.TryBytes(b, 300<<10) // a large chunk of its own
		if err == nil {
			s[0] = byte(i)
		}
		return func() bool { return s[0] == byte(i) }, err
	},
	func(b *bump.Bump, i int) (func() bool, error) {
		if i%70 != 0 {
			return func() bool { return true }, nil
		}
		s, err := bump.AllocateSlice[*int](b, 40000) // a large typed chunk
		if err == nil {
			s[0] = &i
		}
		return func() bool { return *s[0] == i }, err
	},
}

func TestAllocationLimit(t *testing.T) {
	limits := []int{0, 1, 16, 100, 512, 600, 1000, 4096, 10000, 100000, 1 << 20, 3 << 20}
	for _, limit := range limits {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			var b bump.Bump
			b.SetAllocationLimit(limit)
			require.Equal(t, limit, b.AllocationLimit())
			var checks []func() bool
			failures := 0
			for i := range 2000 {
				step := limitSteps[i%len(limitSteps)]
				check, err := step(&b, i)
				if err != nil {
					require.ErrorIs(t, err, bump.ErrAllocationLimit)
					failures++
				} else {
					checks = append(checks, check)
				}
				require.LessOrEqual(t, b.AllocatedBytes(), limit)
				if i%100 == 0 {
					requireChunksAccounted(t, &b)
				}
			}
			require.Positive(t, failures, "the workload should reach the limit")
			for i, ok := range checks {
				require.Truef(t, ok(), "value %d changed after failed allocations", i)
			}
			requireChunksAccounted(t, &b)

			// Reset keeps at most what was held, and the arena works again.
			b.Reset()
			require.LessOrEqual(t, b.AllocatedBytes(), limit)
			requireChunksAccounted(t, &b)
			for i := range 200 {
				_, _ = limitSteps[i%len(limitSteps)](&b, i)
				require.LessOrEqual(t, b.AllocatedBytes(), limit)
			}
			requireChunksAccounted(t, &b)

			// Lifting the limit lifts the failures.
			b.SetAllocationLimit(-1)
			require.Equal(t, -1, b.AllocationLimit())
			for i := range 200 {
				_, err := limitSteps[i%len(limitSteps)](&b, i)
				require.NoError(t, err)
			}
		})
	}
}

func TestAllocationLimitPanics(t *testing.T) {
	tests := []struct {
		name string
		f    func(b *bump.Bump)
	}{
		{"New", func(b *bump.Bump) { bump.New[int](b) }},
		{"New/pointers", func(b *bump.Bump) { bump.New[*int](b) }},
		{"Alloc", func(b *bump.Bump) { bump.Alloc(b, "x") }},
		{"MakeSlice", func(b *bump.Bump) { bump.MakeSlice[int](b, 1, 1) }},
		{"CopySlice", func(b *bump.Bump) { bump.CopySlice(b, []any{1}) }},
		{"FillSlice", func(b *bump.Bump) { bump.FillSlice(b, 3, 1.5) }},
		{"SliceFunc", func(b *bump.Bump) { bump.SliceFunc(b, 3, func(int) []int { return nil }) }},
		{"Collect", func(b *bump.Bump) { bump.Collect(b, func(yield func(int) bool) { yield(1) }) }},
		{"String", func(b *bump.Bump) { bump.String(b, "x") }},
		{"Bytes", func(b *bump.Bump) { bump.Bytes(b, 1) }},
		{"AlignedBytes", func(b *bump.Bump) { bump.AlignedBytes(b, 1, 64) }},
		{"large", func(b *bump.Bump) { bump.Bytes(b, 1<<20) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bump.Bump
			b.SetAllocationLimit(0)
			requirePanicsWith(t, bump.ErrAllocationLimit, func() { tt.f(&b) })
			require.Zero(t, b.AllocatedBytes())
			b.SetAllocationLimit(-1)
			tt.f(&b) // usable once the limit is lifted
			require.Positive(t, b.AllocatedBytes())
		})
	}
}

// TestAllocationLimitExact checks that the limit is neither exceeded nor
// enforced early: a request is refused only when no chunk that fits it
// would fit under the limit.
func TestAllocationLimitExact(t *testing.T) {
	const ptrSize = int(unsafe.Sizeof((*int)(nil)))
	tests := []struct {
		name  string
		limit int
		alloc func(b *bump.Bump, n int) error
	}{
		{"bytes", 64, func(b *bump.Bump, n int) error { _, err := bump.TryBytes(b, n); return err }},
		{"bytes", 1000, func(b *bump.Bump, n int) error { _, err := bump.TryBytes(b, n); return err }},
		{"bytes", 1 << 20, func(b *bump.Bump, n int) error { _, err := bump.TryBytes(b, n); return err }},
		{"int64", 1000, func(b *bump.Bump, n int) error { _, err := bump.TryMakeSlice[int64](b, n/8, n/8); return err }},
		{"pointers", 64, func(b *bump.Bump, n int) error {
			_, err := bump.TryMakeSlice[*int](b, n/ptrSize, n/ptrSize)
			return err
		}},
		{"pointers", 1000, func(b *bump.Bump, n int) error {
			_, err := bump.TryMakeSlice[*int](b, n/ptrSize, n/ptrSize)
			return err
		}},
		{"pointers", 1 << 20, func(b *bump.Bump, n int) error {
			_, err := bump.TryMakeSlice[*int](b, n/ptrSize, n/ptrSize)
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.name, "/", tt.limit), func(t *testing.T) {
			var b bump.Bump
			b.SetAllocationLimit(tt.limit)
			// Up to 16 bytes of rounding, any request that fits is granted.
			require.NoError(t, tt.alloc(&b, tt.limit-16))
			require.LessOrEqual(t, b.AllocatedBytes(), tt.limit)
			requireChunksAccounted(t, &b)
			err := tt.alloc(&b, tt.limit-b.AllocatedBytes()+8)
			require.ErrorIs(t, err, bump.ErrAllocationLimit)
			require.LessOrEqual(t, b.AllocatedBytes(), tt.limit)

			// The same after a Reset, which keeps the chunk.
			b.Reset()
			require.NoError(t, tt.alloc(&b, tt.limit-16))
			require.LessOrEqual(t, b.AllocatedBytes(), tt.limit)
			requireChunksAccounted(t, &b)
		})
	}
}

func TestAllocationLimitBelowHeld(t *testing.T) {
	var b bump.Bump
	bump.New[int](&b)
	bump.New[*int](&b)
	held := b.AllocatedBytes()
	b.SetAllocationLimit(1)
	require.Equal(t, held, b.AllocatedBytes(), "lowering the limit releases nothing")
	// Room left in the current chunks can still be used.
	for range 10 {
		_, err := bump.TryNew[int](&b)
		require.NoError(t, err)
		_, err = bump.TryNew[*int](&b)
		require.NoError(t, err)
	}
	_, err := bump.TryBytes(&b, 1<<16)
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	_, err = bump.TryNew[string](&b) // a new type needs a new chunk
	require.ErrorIs(t, err, bump.ErrAllocationLimit)
	require.Equal(t, held, b.AllocatedBytes())
}
