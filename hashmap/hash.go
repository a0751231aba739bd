package hashmap

import "hash/maphash"

// A Hasher returns the hash of key under seed, for maps made with
// [NewWithHasher]. Keys that are == must have equal hashes under the same
// seed; each map has its own random seed, so that a Hasher that mixes it in
// (as the functions of hash/maphash do) resists hash flooding.
//
// The hash is truncated to a uintptr (all 64 bits on 64-bit platforms,
// the low 32 on 32-bit ones): its low 7 bits select a key's tag within a
// group and the rest its group, so a hash with poor low or high bits
// makes probe sequences long.
type Hasher[K comparable] func(seed maphash.Seed, key K) uint64

// hash returns the hash of k: the map's Hasher, or maphash.Comparable,
// which is the hash function of Go's own maps and panics, as they do, on
// an interface key holding an unhashable dynamic type.
//
// The lookup paths repeat its body instead of calling it: it is too large
// to inline, and the extra call costs about a tenth of a lookup.
func (m *Map[K, V]) hash(k K) uintptr {
	if m.hasher == nil {
		return uintptr(maphash.Comparable(m.seed, k))
	}
	return uintptr(m.hasher(m.seed, k))
}

// h1 selects the first group of k's probe sequence, h2 its control byte.
func h1(h uintptr) uintptr { return h >> 7 }
func h2(h uintptr) uint64  { return ctrlFull | uint64(h&0x7f) }
