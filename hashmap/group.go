package hashmap

import "math/bits"

// The table is an array of groups of groupSize slots. Each group has one
// control word: eight control bytes, byte i (in little-endian order, i.e.
// bits 8i..8i+7) describing slot i of the group:
//
//	  empty: 0 0 0 0 0 0 0 0
//	deleted: 0 1 1 1 1 1 1 1
//	   full: 1 h h h h h h h  // h: the key's 7-bit H2 hash
//
// This is the runtime's encoding (internal/runtime/maps) with the top bit
// inverted, so that zeroed memory, which is what bump.AllocateSlice returns,
// is a table of empty slots: a new table needs no initialising pass and
// Clear is a memclr.
//
// The control word is matched eight bytes at a time with SWAR ("SIMD within
// a register") arithmetic; a match is a bitset with bit 7 of byte i set for
// each matching slot i.
const (
	groupSize = 8

	ctrlEmpty   = 0x00
	ctrlDeleted = 0x7f
	ctrlFull    = 0x80 // ORed with H2

	// ctrlNeeded marks, only while pruneTombstones runs, a tombstone
	// that a probe sequence needs. Its top bit is clear and bit 6 set,
	// so every match treats it as ctrlDeleted.
	//lint:ignore U1000 the value markNeeded and unmarkNeeded compute with masks
	ctrlNeeded = 0x7e

	lsb = 0x0101010101010101
	msb = 0x8080808080808080

	// Load factor: at most maxLoadNum/maxLoadDen of the slots are used
	// (full or deleted), so every probe sequence ends at an empty slot.
	maxLoadNum = 7
	maxLoadDen = 8
)

// A group is groupSize slots and their control word. The table is a
// []group, so that a lookup finds the control word and (for the first few
// slots) the entry in the same cache line; it is allocated with its real
// type, so the garbage collector sees the pointers in keys and values.
type group[K comparable, V any] struct {
	ctrl  ctrlWord
	slots [groupSize]slot[K, V]
}

// slot holds one entry. The value comes first so that a zero-size value
// (a Set's struct{}) takes no room: as the last field it would be padded.
type slot[K comparable, V any] struct {
	value V
	key   K
}

// ctrlWord is the control word of one group.
type ctrlWord uint64

// bitset is a set of slots of a group: bit 7 of byte i is set if slot i is
// in the set; all other bits are zero.
type bitset uint64

// matchH2 returns the full slots whose control byte equals c (ctrlFull|h2).
// It may report false positives: a full slot directly above a true match
// whose byte differs from c only in its lowest bit (the subtraction's
// borrow runs into it). Callers compare keys anyway, and a false positive is
// never an empty or deleted slot: their top bit is clear, so the XOR with c
// sets it and such a byte is never flagged.
func (w ctrlWord) matchH2(c uint64) bitset {
	v := uint64(w) ^ (lsb * c)
	return bitset((v - lsb) &^ v & msb)
}

// matchEmpty returns the empty slots. Exact: a byte is empty iff its bit 7
// and bit 6 are clear (a deleted byte has bit 6 set, a full one bit 7).
func (w ctrlWord) matchEmpty() bitset {
	v := uint64(w)
	return bitset(^(v | v<<1) & msb)
}

// matchEmptyOrDeleted returns the slots that are not full.
func (w ctrlWord) matchEmptyOrDeleted() bitset {
	return bitset(^uint64(w) & msb)
}

// matchFull returns the full slots.
func (w ctrlWord) matchFull() bitset {
	return bitset(uint64(w) & msb)
}

// set returns w with the control byte of slot i replaced by c.
func (w ctrlWord) set(i uintptr, c uint64) ctrlWord {
	shift := i * 8
	return ctrlWord(uint64(w)&^(0xff<<shift) | c<<shift)
}

// markNeeded returns w with its tombstones marked ctrlNeeded.
func (w ctrlWord) markNeeded() ctrlWord {
	return w &^ ctrlWord(w.unneededTombstones()>>7)
}

// unneededTombstones returns the slots whose byte is ctrlDeleted, not
// ctrlNeeded: of the bytes with the top bit clear, those with bit 0 set.
func (w ctrlWord) unneededTombstones() bitset {
	v := uint64(w)
	return bitset(^v & msb & (v << 7))
}

// unmarkNeeded returns w with its ctrlNeeded bytes back to ctrlDeleted.
func (w ctrlWord) unmarkNeeded() ctrlWord {
	v := uint64(w)
	needed := ^v & msb & (v << 1) &^ (v << 7) // top bit clear, bit 6 set, bit 0 clear
	return ctrlWord(v | needed>>7)
}

// pruneUnneeded returns w with its ctrlDeleted bytes made empty and its
// ctrlNeeded bytes back to ctrlDeleted.
func (w ctrlWord) pruneUnneeded() ctrlWord {
	t := uint64(w.unneededTombstones()) >> 7 // bit 0 of each such byte
	return (w &^ ctrlWord(t*0xff)).unmarkNeeded()
}

// first returns the index of the lowest slot in b, which must not be empty.
// The mask is free and proves the result in range of a group's slots.
func (b bitset) first() uintptr {
	return uintptr(bits.TrailingZeros64(uint64(b))>>3) & (groupSize - 1)
}

// count returns the number of slots in b.
func (b bitset) count() int {
	return bits.OnesCount64(uint64(b))
}

// removeFirst returns b without its lowest slot.
func (b bitset) removeFirst() bitset {
	return b & (b - 1)
}

// probeSeq is the sequence of groups a key visits: quadratic (triangular)
// probing, which visits every group exactly once when the number of groups
// is a power of two.
type probeSeq struct {
	mask   uintptr
	offset uintptr
	index  uintptr
}

func makeProbeSeq(h1, mask uintptr) probeSeq {
	return probeSeq{mask: mask, offset: h1 & mask}
}

func (s probeSeq) next() probeSeq {
	s.index++
	s.offset = (s.offset + s.index) & s.mask
	return s
}
