//go:build bumpdebug

package bump_test

import (
	"os"
	"runtime"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
	"github.com/stretchr/testify/require"
)

var sink byte

// TestDebugFaultAfterReset checks that every kind of pointer-free arena
// memory faults when read or written after Reset, at the stale address.
func TestDebugFaultAfterReset(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" || runtime.GOOS == "plan9" {
		t.Skip("no mprotect: released memory is only poisoned")
	}
	tests := []struct {
		name string
		// alloc allocates from b and returns where the memory is, and a
		// function that reads (or writes) it.
		alloc func(b *bump.Bump) (unsafe.Pointer, func())
	}{
		{"New", func(b *bump.Bump) (unsafe.Pointer, func()) {
			p := bump.New[int64](b)
			*p = 7
			return unsafe.Pointer(p), func() { *p++ }
		}},
		{"MakeSlice", func(b *bump.Bump) (unsafe.Pointer, func()) {
			s := bump.MakeSlice[uint32](b, 10, 10)
			return unsafe.Pointer(&s[9]), func() { sink = byte(s[9]) }
		}},
		{"Bytes", func(b *bump.Bump) (unsafe.Pointer, func()) {
			s := bump.Bytes(b, 100)
			return unsafe.Pointer(&s[50]), func() { s[50] = 1 }
		}},
		{"String", func(b *bump.Bump) (unsafe.Pointer, func()) {
			s := bump.String(b, "hello, arena")
			return unsafe.Pointer(unsafe.StringData(s)), func() { sink = s[0] }
		}},
		{"large Bytes", func(b *bump.Bump) (unsafe.Pointer, func()) {
			s := bump.Bytes(b, 4<<20)
			return unsafe.Pointer(&s[3<<20]), func() { sink = s[3<<20] }
		}},
	}
	page := uintptr(os.Getpagesize())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bump.Bump
			bump.New[int64](&b) // something before, as in a real round
			p, access := tt.alloc(&b)
			_, ok := alloctest.Fault(access)
			require.False(t, ok, "live memory faulted")
			b.Reset()
			addr, ok := alloctest.Fault(access)
			require.True(t, ok, "stale access did not fault")
			require.Equal(t, uintptr(p)&^(page-1), addr&^(page-1), "fault address %#x, stale memory at %p", addr, p)
			// The arena itself goes on in fresh memory.
			q := bump.New[int64](&b)
			*q = 1
			require.NotEqual(t, p, unsafe.Pointer(q))
		})
	}
}

// TestDebugFaultAfterResetTo checks ResetTo: memory allocated after the
// checkpoint faults from the first page boundary past it, the sub-page
// part before that reads as the pattern, and what came before the
// checkpoint stays usable.
func TestDebugFaultAfterResetTo(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" || runtime.GOOS == "plan9" {
		t.Skip("no mprotect: released memory is only poisoned")
	}
	page := os.Getpagesize()
	b := bump.WithCapacity(8 * page)
	before := bump.New[int64](b)
	*before = 42
	cp := b.Checkpoint()
	near := bump.New[uint64](b) // in the page of before
	*near = 1
	far := bump.Bytes(b, 3*page) // spans whole pages
	far[2*page] = 1
	held, capacity := b.AllocatedBytes(), b.ChunkCapacity()
	require.NoError(t, b.ResetTo(cp))

	_, ok := alloctest.Fault(func() { far[2*page]++ })
	require.True(t, ok, "whole pages after the checkpoint fault")
	_, ok = alloctest.Fault(func() { sink = byte(*near) })
	require.False(t, ok, "a sub-page rest cannot be protected")
	//bumpvet:ignore reads the released memory to check that it is poisoned
	require.Equal(t, uint64(0xa5a5a5a5a5a5a5a5), *near, "the sub-page rest is poisoned")
	require.Equal(t, int64(42), *before, "memory before the checkpoint is intact")
	*before = 43

	// The arena's accounting and capacity are those of the normal build.
	require.Equal(t, held, b.AllocatedBytes())
	require.Equal(t, capacity+int(unsafe.Sizeof(*near))+3*page, b.ChunkCapacity())
	again := bump.New[uint64](b)
	require.NotEqual(t, unsafe.Pointer(near), unsafe.Pointer(again), "rewound memory is not reused")
	require.Zero(t, *again)
	require.NoError(t, b.ResetTo(cp), "the checkpoint stays open")
	require.Equal(t, held, b.AllocatedBytes())
}

type poisonable struct {
	p     *int
	n     uint64
	small int8
	ok    bool
	s     string
	bs    []byte
	a     any
	arr   [2]struct {
		f float64
		q *int
	}
}

// TestDebugPoison checks what the checked build does to released
// pointer-holding values: pointers nil, strings, slices and interfaces
// empty, other scalars the pattern, and the memory not reused at once.
func TestDebugPoison(t *testing.T) {
	resets := []struct {
		name  string
		reset func(b *bump.Bump, cp bump.Checkpoint)
	}{
		{"Reset", func(b *bump.Bump, _ bump.Checkpoint) { b.Reset() }},
		{"ResetTo", func(b *bump.Bump, cp bump.Checkpoint) {
			if err := b.ResetTo(cp); err != nil {
				panic(err)
			}
		}},
	}
	for _, rs := range resets {
		t.Run(rs.name, func(t *testing.T) {
			var b bump.Bump
			x := 1
			keep := bump.New[poisonable](&b)
			keep.p = &x
			cp := b.Checkpoint()
			v := bump.New[poisonable](&b)
			*v = poisonable{p: &x, n: 1, small: 2, ok: false, s: "s", bs: []byte("b"), a: 3}
			v.arr[1] = struct {
				f float64
				q *int
			}{1.5, &x}
			vs := bump.MakeSlice[poisonable](&b, 3, 3)
			vs[2].p = &x
			rs.reset(&b, cp)
			for _, w := range []*poisonable{v, &vs[2]} {
				require.Nil(t, w.p)
				require.Equal(t, uint64(0xa5a5a5a5a5a5a5a5), w.n)
				require.Equal(t, int8(-0x5b), w.small)
				require.True(t, w.ok, "bools read true")
				require.Empty(t, w.s)
				require.Nil(t, w.bs)
				require.Nil(t, w.a)
				require.Nil(t, w.arr[1].q)
				require.NotZero(t, w.arr[1].f)
			}
			if rs.name == "ResetTo" {
				require.Same(t, &x, keep.p, "values before the checkpoint are intact")
			}
			for range 10 {
				require.NotEqual(t, unsafe.Pointer(v), unsafe.Pointer(bump.New[poisonable](&b)), "released values are not reused at once")
			}
		})
	}
}
