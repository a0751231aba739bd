package bench

import (
	"math/rand/v2"

	gbtree "github.com/google/btree"
	tbtree "github.com/tidwall/btree"

	"github.com/bumpkit/bumpkit/btree"
	"github.com/bumpkit/bumpkit/bump"
)

// The ordered-map workloads (btree_test.go) run on int keys and values, at
// the sizes of ../shared/ANCHORS.md: each implementation is filled with
// the same keys in the same random order, then looked up in another
// random order, or walked in ascending order. Each peer runs with the
// settings its README benchmarks with: tidwall/btree's Map (its fastest
// ordered-key type, default degree), google/btree's BTreeG of key-value
// pairs with a less function, degree 32.

// BTreeSizes are the numbers of keys of the ordered-map workloads.
var BTreeSizes = []int{1_000, 100_000}

// BTreeKeys returns n distinct keys in a random order fixed by n.
func BTreeKeys(n int) []int {
	keys := make([]int, n)
	for i := range keys {
		keys[i] = i * 3
	}
	r := rand.New(rand.NewPCG(uint64(n), 7))
	r.Shuffle(n, func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	return keys
}

// BTreeSink keeps the values read alive.
var BTreeSink int

// googleItem is an entry of a google/btree used as a map.
type googleItem struct{ k, v int }

func googleLess(a, b googleItem) bool { return a.k < b.k }

// NewGoogle returns an empty google/btree with the degree of its
// benchmarks.
func NewGoogle() *gbtree.BTreeG[googleItem] { return gbtree.NewG(32, googleLess) }

// FillBK, FillTidwall and FillGoogle insert each key with its index as
// value.
func FillBK(m *btree.Map[int, int], keys []int) {
	for i, k := range keys {
		m.Set(k, i)
	}
}

func FillTidwall(m *tbtree.Map[int, int], keys []int) {
	for i, k := range keys {
		m.Set(k, i)
	}
}

func FillGoogle(t *gbtree.BTreeG[googleItem], keys []int) {
	for i, k := range keys {
		t.ReplaceOrInsert(googleItem{k, i})
	}
}

// GetBK and its peers look up every key of keys.
func GetBK(m *btree.Map[int, int], keys []int) {
	s := 0
	for _, k := range keys {
		v, _ := m.Get(k)
		s += v
	}
	BTreeSink += s
}

func GetTidwall(m *tbtree.Map[int, int], keys []int) {
	s := 0
	for _, k := range keys {
		v, _ := m.Get(k)
		s += v
	}
	BTreeSink += s
}

func GetGoogle(t *gbtree.BTreeG[googleItem], keys []int) {
	s := 0
	for _, k := range keys {
		it, _ := t.Get(googleItem{k: k})
		s += it.v
	}
	BTreeSink += s
}

// AscendBK and its peers walk every entry in ascending order.
func AscendBK(m *btree.Map[int, int]) {
	s := 0
	for k, v := range m.All() {
		s += k ^ v
	}
	BTreeSink += s
}

func AscendTidwall(m *tbtree.Map[int, int]) {
	s := 0
	m.Scan(func(k, v int) bool {
		s += k ^ v
		return true
	})
	BTreeSink += s
}

func AscendGoogle(t *gbtree.BTreeG[googleItem]) {
	s := 0
	t.Ascend(func(it googleItem) bool {
		s += it.k ^ it.v
		return true
	})
	BTreeSink += s
}

// ChurnBK and its peers delete each key of del and insert the matching
// key of ins, the steady state of a long-lived map.
func ChurnBK(m *btree.Map[int, int], del, ins []int) {
	for i, k := range del {
		m.Delete(k)
		m.Set(ins[i], i)
	}
}

func ChurnTidwall(m *tbtree.Map[int, int], del, ins []int) {
	for i, k := range del {
		m.Delete(k)
		m.Set(ins[i], i)
	}
}

func ChurnGoogle(t *gbtree.BTreeG[googleItem], del, ins []int) {
	for i, k := range del {
		t.Delete(googleItem{k: k})
		t.ReplaceOrInsert(googleItem{ins[i], i})
	}
}

// NewBK returns a bumpkit map on a.
func NewBK(a bump.Allocator) *btree.Map[int, int] { return btree.New[int, int](a) }
