package bump_test

import (
	"fmt"
	"testing"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/stretchr/testify/require"
)

// scope allocates a recognisable mix of values and returns a check that
// they still hold them, and a check that they were all zeroed.
func scope(b *bump.Bump, tag int, n int) (intact, zeroed func() bool) {
	var ints []*int64
	var nodes []*node
	var strs []string
	var ptrs [][]*int
	for i := range n {
		ints = append(ints, bump.Alloc(b, int64(tag*1000+i)))
		nodes = append(nodes, bump.Alloc(b, node{a: int64(tag), b: int64(i)}))
		strs = append(strs, bump.String(b, fmt.Sprint(tag, "/", i)))
		ps := bump.MakeSlice[*int](b, 3, 3)
		ps[2] = &tag
		ptrs = append(ptrs, ps)
	}
	intact = func() bool {
		for i := range n {
			if *ints[i] != int64(tag*1000+i) || nodes[i].a != int64(tag) || nodes[i].b != int64(i) ||
				strs[i] != fmt.Sprint(tag, "/", i) || ptrs[i][2] != &tag {
				return false
			}
		}
		return true
	}
	zeroed = func() bool {
		for i := range n {
			if ptrs[i][2] != nil {
				return false
			}
			if bump.CheckedBuild {
				// The checked build protects released pointer-free memory:
				// reading it faults (see debug_test.go).
				continue
			}
			if *ints[i] != 0 || *nodes[i] != (node{}) {
				return false
			}
			for _, c := range []byte(strs[i]) {
				if c != 0 {
					return false
				}
			}
		}
		return true
	}
	return intact, zeroed
}

func TestCheckpointNested(t *testing.T) {
	for _, n := range []int{1, 10, 1000, 20000} { // from within one chunk to many
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var b bump.Bump
			base, _ := scope(&b, 1, n)
			cp1 := b.Checkpoint()
			outer, outerZeroed := scope(&b, 2, n)
			cp2 := b.Checkpoint()
			inner, innerZeroed := scope(&b, 3, n)
			require.True(t, base() && outer() && inner())

			require.NoError(t, b.ResetTo(cp2))
			require.True(t, innerZeroed(), "rewinding zeroes what it frees")
			require.True(t, base() && outer(), "rewinding keeps what came before")

			// cp2 stays open: rewind to it again and again.
			for round := range 3 {
				again, againZeroed := scope(&b, 4+round, n)
				require.True(t, again())
				require.NoError(t, b.ResetTo(cp2))
				require.True(t, againZeroed())
			}

			require.NoError(t, b.ResetTo(cp1))
			require.True(t, outerZeroed())
			require.True(t, base())
			require.ErrorIs(t, b.ResetTo(cp2), bump.ErrStaleCheckpoint, "inner after outer rewind")
			requireChunksAccounted(t, &b)
		})
	}
}

func TestCheckpointReusesMemory(t *testing.T) {
	if bump.CheckedBuild {
		t.Skip("the checked build does not reuse rewound memory")
	}
	var b bump.Bump
	bump.New[int](&b)
	cp := b.Checkpoint()
	var held int
	var first []uintptr
	for round := range 4 {
		var addrs []uintptr
		for i := range 5000 {
			addrs = append(addrs,
				uintptr(unsafe.Pointer(bump.New[small](&b))),
				uintptr(unsafe.Pointer(bump.New[node](&b))),
				uintptr(unsafe.Pointer(unsafe.StringData(bump.String(&b, fmt.Sprint(i))))))
		}
		require.NoError(t, b.ResetTo(cp))
		if round == 0 {
			held, first = b.AllocatedBytes(), addrs
			continue
		}
		require.Equal(t, held, b.AllocatedBytes(), "ResetTo keeps the chunks for reuse")
		require.Equal(t, first, addrs, "round %d", round)
	}
}

func TestCheckpointFreesLarge(t *testing.T) {
	var b bump.Bump
	bump.New[int](&b)
	bump.New[*int](&b)
	held := b.AllocatedBytes()
	cp := b.Checkpoint()
	bump.Bytes(&b, 1<<20)
	bump.MakeSlice[*int](&b, 100000, 100000)
	bump.MakeSlice[map[int]int](&b, 100000, 100000) // a type new since cp
	require.Greater(t, b.AllocatedBytes(), held+2<<20)
	require.NoError(t, b.ResetTo(cp))
	require.Equal(t, held, b.AllocatedBytes())
	requireChunksAccounted(t, &b)
}

func TestCheckpointStale(t *testing.T) {
	tests := []struct {
		name string
		// stale returns a checkpoint that is no longer valid on b.
		stale func(b *bump.Bump) bump.Checkpoint
	}{
		{"zero", func(*bump.Bump) bump.Checkpoint { return bump.Checkpoint{} }},
		{"after Reset", func(b *bump.Bump) bump.Checkpoint {
			cp := b.Checkpoint()
			b.Reset()
			return cp
		}},
		{"after Reset and a new checkpoint", func(b *bump.Bump) bump.Checkpoint {
			cp := b.Checkpoint()
			b.Reset()
			b.Checkpoint()
			return cp
		}},
		{"from another Bump", func(*bump.Bump) bump.Checkpoint {
			var other bump.Bump
			bump.New[int](&other)
			return other.Checkpoint()
		}},
		{"inner after outer rewind", func(b *bump.Bump) bump.Checkpoint {
			outer := b.Checkpoint()
			inner := b.Checkpoint()
			if err := b.ResetTo(outer); err != nil {
				panic(err)
			}
			return inner
		}},
		{"inner after outer rewind and a new inner", func(b *bump.Bump) bump.Checkpoint {
			outer := b.Checkpoint()
			inner := b.Checkpoint()
			if err := b.ResetTo(outer); err != nil {
				panic(err)
			}
			b.Checkpoint() // at the same depth as inner
			return inner
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bump.Bump
			bump.New[int](&b)
			cp := tt.stale(&b)
			intact, _ := scope(&b, 9, 500)
			var cleaned bool
			b.Cleanup(func() { cleaned = true })
			held := b.AllocatedBytes()

			err := b.ResetTo(cp)
			require.ErrorIs(t, err, bump.ErrStaleCheckpoint)
			require.True(t, intact(), "a failed ResetTo changes nothing")
			require.False(t, cleaned, "a failed ResetTo runs no cleanup")
			require.Equal(t, held, b.AllocatedBytes())
			// The arena still works, and so do fresh checkpoints.
			good := b.Checkpoint()
			_, zeroed := scope(&b, 10, 10)
			require.NoError(t, b.ResetTo(good))
			require.True(t, zeroed())
			require.True(t, intact())
		})
	}
}

func TestCheckpointCleanups(t *testing.T) {
	var b bump.Bump
	var got []string
	b.Cleanup(func() { got = append(got, "before") })
	cp1 := b.Checkpoint()
	b.Cleanup(func() { got = append(got, "a") })
	cp2 := b.Checkpoint()
	b.Cleanup(func() { got = append(got, "b") })
	b.Cleanup(func() { got = append(got, "c") })

	require.NoError(t, b.ResetTo(cp2))
	require.Equal(t, []string{"c", "b"}, got)
	require.NoError(t, b.ResetTo(cp2))
	require.Equal(t, []string{"c", "b"}, got, "cleanups run once")
	require.NoError(t, b.ResetTo(cp1))
	require.Equal(t, []string{"c", "b", "a"}, got)
	b.Reset()
	require.Equal(t, []string{"c", "b", "a", "before"}, got)
}

func TestCheckpointZeroValue(t *testing.T) {
	var b bump.Bump
	cp := b.Checkpoint()
	_, zeroed := scope(&b, 1, 100)
	require.NoError(t, b.ResetTo(cp))
	require.True(t, zeroed())
	require.Positive(t, b.AllocatedBytes(), "chunks are kept for reuse")
	requireChunksAccounted(t, &b)
}
