package hashmap

// The set algebra Go code writes by hand over map[K]struct{}. The names
// are those of the Go proposals for a set package (golang/go#47331,
// #69230): the functions Union, Intersection and Difference return a new
// set and leave their operands alone, and Equal is a method, as there,
// since the package-level Equal is the maps.Equal of [Map]. The in-place
// forms are [Set.Insert] (s.Insert(t.All()) adds t to s) and
// [Set.DeleteFunc].

// Union returns a new set holding the values in s1 or s2 (or both). Its
// storage, and the Set itself, come from s1's allocator (the Go heap if
// s1 is nil). It panics like [Set.Add] if the allocator cannot provide
// the storage.
func Union[K comparable](s1, s2 *Set[K]) *Set[K] {
	u := s1.Clone()
	if u == nil {
		u = newSet[K](nil, "Union")
	}
	for k := range s2.All() {
		u.mustAdd(k, "Union")
	}
	return u
}

// Intersection returns a new set holding the values in both s1 and s2,
// allocated like [Union]. It holds s1's values where s1 and s2 hold
// distinguishable == values (+0 and -0). NaN values are in no
// intersection: they are never found.
func Intersection[K comparable](s1, s2 *Set[K]) *Set[K] {
	i := newSet[K](s1.Allocator(), "Intersection")
	if s1.Len() <= s2.Len() {
		for k := range s1.All() {
			if s2.Has(k) {
				i.mustAdd(k, "Intersection")
			}
		}
		return i
	}
	// Fewer lookups the other way round.
	for k := range s2.All() {
		if sl := s1.m.lookup(k); sl != nil {
			i.mustAdd(sl.key, "Intersection")
		}
	}
	return i
}

// Difference returns a new set holding the values in s1 that are not in
// s2, allocated like [Union]. NaN values of s1 are kept: they are never
// found in s2.
func Difference[K comparable](s1, s2 *Set[K]) *Set[K] {
	d := newSet[K](s1.Allocator(), "Difference")
	for k := range s1.All() {
		if !s2.Has(k) {
			d.mustAdd(k, "Difference")
		}
	}
	return d
}

// Equal reports whether s and t hold the same values, like maps.Equal on
// two map[K]struct{}: a nil and an empty Set are equal, and a set holding
// a NaN equals no set, since that value is found in neither.
func (s *Set[K]) Equal(t *Set[K]) bool {
	if s.Len() != t.Len() {
		return false
	}
	for k := range s.All() {
		if !t.Has(k) {
			return false
		}
	}
	return true
}

// mustAdd adds k to s, panicking for the function fn if it cannot.
func (s *Set[K]) mustAdd(k K, fn string) {
	if _, err := s.add(k, fn); err != nil {
		panic(err)
	}
}
