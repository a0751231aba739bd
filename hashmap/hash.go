package hashmap

import (
	"hash/maphash"
	"math/bits"
	"math/rand/v2"
	"reflect"
	"unsafe"
)

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

// hashKind says how a map hashes its keys. maphash.Comparable, the hash
// of Go's own maps, costs about 5 ns for an int through its generic entry;
// for integer keys a specialised hash with a per-map random seed gives
// the same flooding resistance for less.
type hashKind uint8

const (
	hashComparable hashKind = iota // maphash.Comparable
	hashCustom                     // the map's Hasher
	hash64                         // 8-byte integer kinds: hashWord
	hash32                         // 4-byte integer kinds: hashWord
	hashString                     // string kinds: maphash.String
)

// kindOf returns the hash kind for keys of type K. Floats are left to
// maphash.Comparable: +0 and -0 must hash alike, and NaN at random.
func kindOf[K comparable]() hashKind {
	t := reflect.TypeFor[K]()
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Uint, reflect.Uint64, reflect.Uintptr,
		reflect.Int32, reflect.Uint32:
		switch t.Size() {
		case 8:
			return hash64
		case 4:
			return hash32
		}
	}
	if t.Kind() == reflect.String {
		return hashString
	}
	return hashComparable
}

// initHash sets how m hashes its keys and gives it its random seeds, once;
// the zero Map gets them when it allocates its first table.
func (m *Map[K, V]) initHash() {
	if m.seeded {
		return
	}
	m.seed = maphash.MakeSeed()
	// math/rand/v2's top-level generator is the runtime's ChaCha8, seeded
	// from the operating system: the word seed is as unpredictable as
	// maphash's.
	m.wordSeed = rand.Uint64()
	m.seeded = true
	if m.hasher != nil {
		m.kind = hashCustom
	} else {
		m.kind = kindOf[K]()
	}
}

// hash returns the hash of k.
func (m *Map[K, V]) hash(k K) uintptr {
	switch m.kind {
	case hash64:
		// Sound: K is an integer kind of 8 bytes (see kindOf).
		return uintptr(hashWord(*(*uint64)(unsafe.Pointer(&k)), m.wordSeed))
	case hash32:
		// Sound: K is an integer kind of 4 bytes.
		return uintptr(hashWord(uint64(*(*uint32)(unsafe.Pointer(&k))), m.wordSeed))
	case hashString:
		// Sound: K is a string kind. maphash.String is the runtime's
		// string hash, without maphash.Comparable's generic dispatch.
		return uintptr(maphash.String(m.seed, *(*string)(unsafe.Pointer(&k))))
	}
	return m.hashSlow(k)
}

// hashSlow hashes k with the map's Hasher or maphash.Comparable, which is
// the hash function of Go's own maps and panics, as they do, on an
// interface key holding an unhashable dynamic type.
func (m *Map[K, V]) hashSlow(k K) uintptr {
	if m.kind == hashCustom {
		return uintptr(m.hasher(m.seed, k))
	}
	return uintptr(maphash.Comparable(m.seed, k))
}

// hashWord hashes an integer key with the wyhash mixing that Go's runtime
// uses for 8-byte keys where it has no AES instructions
// (memhash64Fallback): two 64x64->128-bit multiplies, each folded, with
// the seed mixed into the first.
func hashWord(x, seed uint64) uint64 {
	const (
		m1 = 0xa0761d6478bd642f
		m2 = 0xe7037ed1a0b428db
		m5 = 0x1d8e4e27c47d124f
	)
	return mix(m5^8, mix(x^m2, x^seed^m1))
}

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// h1 selects the first group of k's probe sequence, h2 its control byte.
func h1(h uintptr) uintptr { return h >> 7 }
func h2(h uintptr) uint64  { return ctrlFull | uint64(h&0x7f) }
