package bumpjson

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
)

// A mapEntry is a member of a map being encoded: its name, and where its
// value is. A map's entries are collected, sorted by name as encoding/json
// sorts them, and then encoded; they are allocated from the encoding's
// allocator for each map, so that a map encoded inside another (which
// allocates after it and frees before it) never moves them.
type mapEntry struct {
	key string         // the name, unless numLen is set
	val unsafe.Pointer // the value; nil if it is in small
	// small holds a pointer-free value of up to smallValue bytes, so that
	// the common maps of numbers and booleans need no other storage.
	small  [smallValue / 8]uint64
	num    [20]byte // an integer key, in decimal
	numLen uint8
}

const smallValue = 16

// name returns the member name of m.
func (m *mapEntry) name() string {
	if m.numLen > 0 {
		return unsafe.String(&m.num[0], m.numLen)
	}
	return m.key
}

// setInt and setUint make an integer key the name of m.
func (m *mapEntry) setInt(n int64)   { m.numLen = uint8(len(strconv.AppendInt(m.num[:0], n, 10))) }
func (m *mapEntry) setUint(n uint64) { m.numLen = uint8(len(strconv.AppendUint(m.num[:0], n, 10))) }

// byName sorts entries by name in place, through the EncodeState's
// sorter field: a byName converted to sort.Interface would be a slice
// header on the Go heap, a pointer to the field is not. (slices.SortFunc
// would pass the entries to the comparison by value, and their names'
// addresses would move those copies to the Go heap.)
type byName []mapEntry

func (s *byName) Len() int           { return len(*s) }
func (s *byName) Less(i, j int) bool { return (*s)[i].name() < (*s)[j].name() }
func (s *byName) Swap(i, j int)      { (*s)[i], (*s)[j] = (*s)[j], (*s)[i] }

// inlineValue reports whether a map's values of plan pl go in its
// entries' small field.
func inlineValue(pl *encPlan) bool { return !pl.hasPtr && pl.size <= smallValue }

// mapValue appends the Go map of plan pl at p as encoding/json does: an
// object whose members are sorted by name, null for a nil map.
func (e *EncodeState) mapValue(pl *encPlan, p unsafe.Pointer) error {
	if pl.key == keyUnsupported {
		return &json.UnsupportedTypeError{Type: pl.t}
	}
	m := *(*unsafe.Pointer)(p)
	if m == nil {
		return e.writeString("null")
	}
	key, ok := e.enter(cycleKey{p: m})
	if !ok {
		return cycleError(pl, reflect.NewAt(pl.t, p).Elem())
	}
	mv := reflect.NewAt(pl.t, p).Elem()
	var err error
	if n := mv.Len(); n == 0 {
		err = e.writeString("{}")
	} else {
		err = e.goMap(pl, mv, n)
	}
	e.leave(key)
	return err
}

// goMap appends the n entries of the Go map mv, of plan pl.
func (e *EncodeState) goMap(pl *encPlan, mv reflect.Value, n int) error {
	ents, err := bump.AllocateSlice[mapEntry](e.a, n)
	if err != nil {
		return err
	}
	defer bump.FreeSlice(e.a, ents)
	elem := pl.elem
	var vals unsafe.Pointer // the values, when they do not fit in the entries
	if !inlineValue(elem) {
		if vals, err = e.a.Allocate(elem.layout, n); err != nil {
			return err
		}
		defer e.a.Free(elem.layout, vals, n)
	}
	kt := pl.t.Key()
	// A TextMarshaler key that an interface holds behind a pointer is
	// copied to keySlot, in e's allocator, and its method called through
	// a pointer to it (*K has K's methods): MapIter.Key would copy it to
	// the Go heap.
	var keySlot unsafe.Pointer
	if kp := encPlanFor(kt); pl.key == keyText && !kp.direct && kp.kind != kInterface && kp.size > 0 {
		if keySlot, err = e.a.Allocate(kp.layout, 1); err != nil {
			return err
		}
		defer func() {
			reflect.NewAt(kt, keySlot).Elem().SetZero()
			e.a.Free(kp.layout, keySlot, 1)
		}()
	}
	var it reflect.MapIter
	it.Reset(mv)
	defer it.Reset(reflect.Value{})
	i := 0
	for ; it.Next(); i++ {
		ent := &ents[i] // past n, the map grew while encoded: encoding/json panics too
		switch pl.key {
		case keyString:
			reflect.NewAt(kt, unsafe.Pointer(&ent.key)).Elem().SetIterKey(&it)
		case keyInt, keyUint:
			// The key's bits go in num, which then takes its text.
			p := unsafe.Pointer(&ent.num)
			reflect.NewAt(kt, p).Elem().SetIterKey(&it)
			if bits := kt.Bits(); pl.key == keyInt {
				ent.setInt(loadInt(p, bits))
			} else {
				ent.setUint(loadUint(p, bits))
			}
		case keyText:
			k := reflect.NewAt(kt, keySlot)
			if keySlot != nil {
				k.Elem().SetIterKey(&it)
			} else {
				k = it.Key()
			}
			if err := e.textKey(kt, elem.t, ent, k); err != nil {
				return err
			}
		}
		slot := unsafe.Pointer(&ent.small)
		if vals != nil {
			slot = unsafe.Add(vals, uintptr(i)*elem.size)
			ent.val = slot
		}
		reflect.NewAt(elem.t, slot).Elem().SetIterValue(&it)
	}
	return e.members(elem, ents[:i])
}

// textKey makes the text of the key k, which implements
// encoding.TextMarshaler, the name of ent; kt and vt are the map's key
// and value types, for the error.
func (e *EncodeState) textKey(kt, vt reflect.Type, ent *mapEntry, k reflect.Value) error {
	if k.Kind() == reflect.Pointer && k.IsNil() {
		return nil // encoding/json's name for a nil pointer key: ""
	}
	b, err := k.Interface().(encoding.TextMarshaler).MarshalText()
	if err != nil {
		// The map type's String, which the key and value types make.
		return fmt.Errorf("json: encoding error for type %q: %q", "map["+kt.String()+"]"+vt.String(), err.Error())
	}
	// A copy: the method may reuse its result.
	ent.key, err = bump.TryStringIn(e.a, b)
	return err
}

// members sorts ents and appends them as a JSON object.
func (e *EncodeState) members(elem *encPlan, ents []mapEntry) error {
	e.sorter = ents
	sort.Sort(&e.sorter)
	e.sorter = nil
	if err := e.writeByte('{'); err != nil {
		return err
	}
	for i := range ents {
		ent := &ents[i]
		if i > 0 {
			if err := e.writeByte(','); err != nil {
				return err
			}
		}
		if err := e.str(stringBytes(ent.name())); err != nil {
			return err
		}
		if err := e.writeByte(':'); err != nil {
			return err
		}
		p := ent.val
		if p == nil {
			p = unsafe.Pointer(&ent.small)
		}
		// A map's values are not addressable.
		if err := e.value(elem, p, false, false); err != nil {
			return err
		}
	}
	return e.writeByte('}')
}
