package btree

import (
	"cmp"
	"reflect"
	"sync"
)

// A searchFunc returns the index of the first key of n that is not less
// than k, and whether that key equals k.
//
// A Map holds the one its constructor chose: for [New], a search
// instantiated for the key type, whose comparisons compile to machine
// instructions; for [NewFunc], one that calls the user's function. The
// Map pays one indirect call per node instead of one per comparison.
type searchFunc[K, V any] func(n *node[K, V], k K) (int, bool)

// searchOrdered compares with < and ==, which is cmp.Compare's order for
// every ordered type but floating-point ones (see searchFloat).
func searchOrdered[K cmp.Ordered, V any](n *node[K, V], k K) (int, bool) {
	// A lower bound that halves the range with one comparison and one
	// branch per step. (A branch-free form, which adds half&-b2i(...),
	// measured slower: it makes every step wait for the previous load.)
	keys := n.keys[:n.n]
	base := 0
	for m := len(keys); m > 1; {
		half := m >> 1
		if keys[base+half-1] < k {
			base += half
		}
		m -= half
	}
	if base < len(keys) && keys[base] < k {
		base++
	}
	return base, base < len(keys) && keys[base] == k
}

// searchFloat orders like cmp.Compare: NaNs before every other value and
// equal to each other, -0 equal to +0.
func searchFloat[K cmp.Ordered, V any](n *node[K, V], k K) (int, bool) {
	keys := n.keys[:n.n]
	lo, hi := 0, len(keys)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if cmp.Less(keys[h], k) {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo, lo < len(keys) && !cmp.Less(k, keys[lo])
}

// searchWith returns the search of a Map made by NewFunc.
func searchWith[K, V any](compare func(K, K) int) searchFunc[K, V] {
	return func(n *node[K, V], k K) (int, bool) {
		keys := n.keys[:n.n]
		lo, hi := 0, len(keys)
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			c := compare(keys[h], k)
			if c == 0 {
				return h, true
			}
			if c < 0 {
				lo = h + 1
			} else {
				hi = h
			}
		}
		return lo, false
	}
}

// isFloat reports whether K is a floating-point type, whose NaNs < does
// not order.
func isFloat[K any]() bool {
	switch reflect.TypeFor[K]().Kind() {
	case reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// An ordering is what New gives a Map: its search and its comparison.
type ordering[K, V any] struct {
	search searchFunc[K, V]
	cmp    func(K, K) int
}

// orderings caches an *ordering[K, V] per key and value types: a func
// value of a generic function, taken in generic code, is a closure over
// the instantiation's dictionary, which would cost every New a Go-heap
// allocation.
var orderings sync.Map // reflect.Type of ordering[K, V] -> *ordering[K, V]

// orderingOf returns the ordering of a Map made by New.
func orderingOf[K cmp.Ordered, V any]() *ordering[K, V] {
	t := reflect.TypeFor[ordering[K, V]]()
	if o, ok := orderings.Load(t); ok {
		return o.(*ordering[K, V])
	}
	o := &ordering[K, V]{search: searchOrdered[K, V], cmp: cmp.Compare[K]}
	if isFloat[K]() {
		o.search = searchFloat[K, V]
	}
	v, _ := orderings.LoadOrStore(t, o)
	return v.(*ordering[K, V])
}
