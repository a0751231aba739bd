package btree

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
)

// TestRandomOps drives maps of several sizes with random insertions and
// deletions, checking every invariant and the contents against a Go map
// after each operation.
func TestRandomOps(t *testing.T) {
	for _, keys := range []int{10, 100, 3000} {
		for _, a := range []bump.Allocator{nil, new(bump.Bump)} {
			r := rand.New(rand.NewPCG(1, uint64(keys)))
			m := New[int, int](a)
			model := map[int]int{}
			ops := 20 * keys
			if testing.Short() {
				ops = 4 * keys
			}
			for op := range ops {
				k := r.IntN(keys)
				switch r.IntN(3) {
				case 0, 1:
					m.Set(k, op)
					model[k] = op
				case 2:
					v, ok := m.Delete(k)
					mv, mok := model[k]
					if v != mv || ok != mok {
						t.Fatalf("Delete(%d) = %d, %v; want %d, %v", k, v, ok, mv, mok)
					}
					delete(model, k)
				}
				if keys <= 100 || op%29 == 0 {
					if err := m.verify(); err != nil {
						t.Fatalf("after op %d: %v", op, err)
					}
				}
				if op%97 == 0 || keys <= 100 {
					compare(t, m, model)
				}
			}
			compare(t, m, model)
			for m.Len() > 0 {
				k, v, _ := m.PopMin()
				if model[k] != v {
					t.Fatalf("PopMin = %d, %d; want %d", k, v, model[k])
				}
				delete(model, k)
				if m.Len()%29 == 0 {
					if err := m.verify(); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
}

func compare(t *testing.T, m *Map[int, int], model map[int]int) {
	t.Helper()
	if m.Len() != len(model) {
		t.Fatalf("Len = %d, want %d", m.Len(), len(model))
	}
	keys := make([]int, 0, len(model))
	for k := range model {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	got := slices.Collect(m.Keys())
	if !slices.Equal(got, keys) {
		t.Fatalf("Keys = %v, want %v", got, keys)
	}
	back := slices.Collect(func(yield func(int) bool) {
		for k, v := range m.Backward() {
			if v != model[k] || !yield(k) {
				return
			}
		}
	})
	slices.Reverse(back)
	if !slices.Equal(back, keys) {
		t.Fatalf("Backward = %v, want reversed %v", back, keys)
	}
	for _, k := range keys {
		if v, ok := m.Get(k); !ok || v != model[k] {
			t.Fatalf("Get(%d) = %d, %v", k, v, ok)
		}
	}
	if len(keys) > 0 {
		from := keys[len(keys)/2] - 1
		i, _ := slices.BinarySearch(keys, from)
		asc := slices.Collect(func(yield func(int) bool) {
			for k := range m.Ascend(from) {
				if !yield(k) {
					return
				}
			}
		})
		if !slices.Equal(asc, keys[i:]) {
			t.Fatalf("Ascend(%d) = %v, want %v", from, asc, keys[i:])
		}
		j, found := slices.BinarySearch(keys, from+1)
		if found {
			j++
		}
		want := slices.Clone(keys[:j])
		slices.Reverse(want)
		desc := slices.Collect(func(yield func(int) bool) {
			for k := range m.Descend(from + 1) {
				if !yield(k) {
					return
				}
			}
		})
		if !slices.Equal(desc, want) {
			t.Fatalf("Descend(%d) = %v, want %v", from+1, desc, want)
		}
	}
}
