package hashmap

// Equal reports whether m1 and m2 hold the same entries, with values
// compared with ==, like maps.Equal: a nil and an empty Map are equal, and
// a map holding a NaN key equals no map, since that key is found in
// neither.
func Equal[K, V comparable](m1, m2 *Map[K, V]) bool {
	if m1.Len() != m2.Len() {
		return false
	}
	for k, v1 := range m1.All() {
		if v2, ok := m2.Get(k); !ok || v1 != v2 {
			return false
		}
	}
	return true
}

// EqualFunc is like [Equal] but compares values with eq, like
// maps.EqualFunc. Keys are still compared with ==.
func EqualFunc[K comparable, V1, V2 any](m1 *Map[K, V1], m2 *Map[K, V2], eq func(V1, V2) bool) bool {
	if m1.Len() != m2.Len() {
		return false
	}
	for k, v1 := range m1.All() {
		if v2, ok := m2.Get(k); !ok || !eq(v1, v2) {
			return false
		}
	}
	return true
}

// DeleteFunc deletes the entries of m for which del returns true, like
// maps.DeleteFunc, and unlike it also those with NaN keys (which a
// delete by key cannot reach). It does nothing on a nil m. del may modify
// m with the semantics of [Map.All].
func (m *Map[K, V]) DeleteFunc(del func(K, V) bool) {
	if m != nil {
		m.own("DeleteFunc")
	}
	it := m.iter()
	defer it.stop()
	for s := it.next(); s != nil; s = it.next() {
		if !del(s.key, s.value) {
			continue
		}
		if m.gen.table() == it.gen.table() {
			m.deleteSlot(s, it.g, it.i)
		} else {
			m.Delete(s.key) // s is in the current table, found by key
		}
		m.checkInvariants()
	}
}
