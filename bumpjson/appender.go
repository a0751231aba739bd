package bumpjson

import (
	"encoding/base64"
	"encoding/json"
	"iter"
	"reflect"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
)

// Appender is implemented by types that append their JSON encoding to an
// encoding in progress, such as bumpkit's containers: where encoding/json
// would call a value's MarshalJSON, bumpjson calls its AppendJSON
// instead, so that the encoding goes straight to the output (in the
// arena) rather than through a []byte on the Go heap. A type implements
// both, with the same result: encoding/json only knows MarshalJSON, which
// [MarshalAppender] implements with AppendJSON.
//
// AppendJSON must encode exactly one value, with one call of one of the
// functions of this package that take the [EncodeState] ([EncodeValue],
// [EncodeSlice], [EncodeSeq], [EncodeMap], [EncodeObject],
// [EncodeString]), and must not keep e. Errors it returns, and those of
// the values it encodes, are returned as a *json.MarshalerError, as
// encoding/json returns those of MarshalJSON.
type Appender interface {
	AppendJSON(e *EncodeState) error
}

// MarshalAppender returns what x's AppendJSON encodes, in a new slice on
// the Go heap, with <, > and & not escaped in strings: it implements the
// MarshalJSON method of an Appender, through which encoding/json encodes
// it (escaping HTML as it is set to, as for the value's other strings).
// Errors are x's, not wrapped.
func MarshalAppender(x Appender) ([]byte, error) {
	e, _ := newEncodeState(nil)
	err := e.callAppender(x)
	out := e.buf
	e.buf = nil
	e.free()
	if err != nil {
		return nil, err
	}
	return out, nil
}

// begin checks that e is an EncodeState in use by an AppendJSON method,
// and counts one value encoded by it.
func (e *EncodeState) begin(fn string) {
	if e == nil || e.appending == 0 {
		panic("bumpjson: " + fn + " called outside an AppendJSON method")
	}
	e.values++
}

// EncodeValue appends the value *v as json.Marshal encodes it as part of
// a value (an addressable T: a pointer receiver's MarshalJSON counts). v
// must not be nil. It panics if e is not the EncodeState of an AppendJSON
// call in progress.
func EncodeValue[T any](e *EncodeState, v *T) error {
	e.begin("EncodeValue")
	return e.value(encPlanFor(reflect.TypeFor[T]()), unsafe.Pointer(v), true, false)
}

// EncodeSlice appends s as json.Marshal encodes a []T: a JSON array (a
// base64 string for bytes), null for a nil slice. It panics if e is not
// the EncodeState of an AppendJSON call in progress.
func EncodeSlice[T any](e *EncodeState, s []T) error {
	e.begin("EncodeSlice")
	return e.slice(encPlanFor(reflect.TypeFor[[]T]()), unsafe.Pointer(unsafe.SliceData(s)), len(s))
}

// EncodeSeq appends the values of seq as [EncodeSlice] appends the slice
// of them, without making that slice: a JSON array (a base64 string for
// bytes); a nil seq is null. It panics if e is not the EncodeState of an
// AppendJSON call in progress.
func EncodeSeq[T any](e *EncodeState, seq iter.Seq[T]) error {
	e.begin("EncodeSeq")
	pl := encPlanFor(reflect.TypeFor[[]T]())
	if seq == nil {
		return e.writeString("null")
	}
	if pl.bytes {
		return e.base64Seq(func(yield func(byte) bool) {
			for v := range seq {
				if !yield(*(*byte)(unsafe.Pointer(&v))) {
					return
				}
			}
		})
	}
	// Each value is encoded from a copy in e's allocator, where it is
	// addressable, as a slice's elements are.
	slot, err := bump.AllocateSlice[T](e.a, 1)
	if err != nil {
		return err
	}
	defer bump.FreeSlice(e.a, slot)
	e.ptrLevel++
	if err := e.writeByte('['); err != nil {
		return err
	}
	first := true
	for v := range seq {
		if !first {
			if err := e.writeByte(','); err != nil {
				return err
			}
		}
		first = false
		slot[0] = v
		if err := e.value(pl.elem, unsafe.Pointer(&slot[0]), true, false); err != nil {
			return err
		}
	}
	clear(slot)
	e.ptrLevel--
	return e.writeByte(']')
}

// base64Seq appends the bytes of seq as a base64 JSON string, as
// encoding/json encodes a []byte.
func (e *EncodeState) base64Seq(seq iter.Seq[byte]) error {
	if err := e.writeByte('"'); err != nil {
		return err
	}
	var group [3]byte
	n := 0
	for c := range seq {
		group[n] = c
		if n++; n == len(group) {
			if err := e.grow(4); err != nil {
				return err
			}
			e.buf = base64.StdEncoding.AppendEncode(e.buf, group[:])
			n = 0
		}
	}
	if err := e.grow(5); err != nil {
		return err
	}
	e.buf = append(base64.StdEncoding.AppendEncode(e.buf, group[:n]), '"')
	return nil
}

// EncodeMap appends the entries of seq as json.Marshal encodes a map[K]V
// that holds them: a JSON object whose member names are the keys (a
// string as it is, the text of an encoding.TextMarshaler, an integer in
// decimal) sorted as encoding/json sorts them, and whose values are
// encoded as a map's (not addressable); a nil seq is null. If seq yields
// a key twice, both members are encoded. Keys of other types give
// encoding/json's *json.UnsupportedTypeError for map[K]V. It panics if e
// is not the EncodeState of an AppendJSON call in progress.
func EncodeMap[K comparable, V any](e *EncodeState, seq iter.Seq2[K, V]) error {
	e.begin("EncodeMap")
	pl := encPlanFor(reflect.TypeFor[map[K]V]())
	kp := encPlanFor(pl.t.Key())
	if pl.key == keyUnsupported {
		return &json.UnsupportedTypeError{Type: pl.t}
	}
	if seq == nil {
		return e.writeString("null")
	}
	// The entries, and the values that do not fit in them, are collected
	// in storage from e's allocator that grows as append would, then
	// sorted and encoded.
	var ents []mapEntry
	var vals []V
	inline := inlineValue(pl.elem)
	defer func() {
		bump.FreeSlice(e.a, vals)
		bump.FreeSlice(e.a, ents)
	}()
	for k, v := range seq {
		if len(ents) == cap(ents) {
			grown, err := bump.ResizeSlice(e.a, ents[:cap(ents)], bump.GrowCap(cap(ents), len(ents)+1))
			if err != nil {
				return err
			}
			ents = grown[:len(ents)]
		}
		ents = ents[:len(ents)+1]
		ent := &ents[len(ents)-1]
		if err := e.genericKey(kp, pl.elem, ent, unsafe.Pointer(&k), func() any { return k }); err != nil {
			return err
		}
		if inline {
			*(*V)(unsafe.Pointer(&ent.small)) = v
			continue
		}
		if len(vals) == cap(vals) {
			grown, err := bump.ResizeSlice(e.a, vals[:cap(vals)], bump.GrowCap(cap(vals), len(vals)+1))
			if err != nil {
				return err
			}
			vals = grown[:len(vals)]
		}
		vals = append(vals, v)
	}
	if !inline {
		for i := range vals {
			ents[i].val = unsafe.Pointer(&vals[i])
		}
	}
	e.ptrLevel++
	err := e.members(pl.elem, ents)
	e.ptrLevel--
	clear(vals)
	return err
}

// genericKey makes the key at p, of key plan kp, the name of ent; elem
// is the plan of the values, and boxed returns the key as an interface,
// for a TextMarshaler.
func (e *EncodeState) genericKey(kp, elem *encPlan, ent *mapEntry, p unsafe.Pointer, boxed func() any) error {
	switch kp.asKey {
	case keyString:
		ent.key = *(*string)(p)
	case keyInt:
		ent.setInt(loadInt(p, kp.bits))
	case keyUint:
		ent.setUint(loadUint(p, kp.bits))
	case keyText:
		return e.textKey(kp.t, elem.t, ent, reflect.ValueOf(boxed()))
	}
	return nil
}

// EncodeObject appends the entries of seq as a JSON object, in the order
// seq yields them, their keys and values encoded as [EncodeMap] encodes
// them: for containers whose order is their own rather than sorted by
// key. A key of a type a JSON object cannot name gives a
// *json.UnsupportedTypeError for K, when seq yields one. A nil seq is
// null. It panics if e is not the EncodeState of an AppendJSON call in
// progress.
func EncodeObject[K, V any](e *EncodeState, seq iter.Seq2[K, V]) error {
	e.begin("EncodeObject")
	kp, vp := encPlanFor(reflect.TypeFor[K]()), encPlanFor(reflect.TypeFor[V]())
	if seq == nil {
		return e.writeString("null")
	}
	// Each value is encoded from a copy in e's allocator.
	slot, err := bump.AllocateSlice[V](e.a, 1)
	if err != nil {
		return err
	}
	defer bump.FreeSlice(e.a, slot)
	e.ptrLevel++
	if err := e.writeByte('{'); err != nil {
		return err
	}
	first := true
	for k, v := range seq {
		if !first {
			if err := e.writeByte(','); err != nil {
				return err
			}
		}
		first = false
		if kp.asKey == keyUnsupported {
			return &json.UnsupportedTypeError{Type: kp.t}
		}
		var ent mapEntry
		if err := e.genericKey(kp, vp, &ent, unsafe.Pointer(&k), func() any { return k }); err != nil {
			return err
		}
		if err := e.str(stringBytes(ent.name())); err != nil {
			return err
		}
		if err := e.writeByte(':'); err != nil {
			return err
		}
		slot[0] = v
		if err := e.value(vp, unsafe.Pointer(&slot[0]), false, false); err != nil {
			return err
		}
	}
	clear(slot)
	e.ptrLevel--
	return e.writeByte('}')
}

// EncodeString appends s as json.Marshal encodes a string: quoted,
// escaped, invalid UTF-8 replaced by U+FFFD, and <, > and & escaped if
// the encoding escapes HTML. It panics if e is not the EncodeState of an
// AppendJSON call in progress.
func EncodeString(e *EncodeState, s string) error {
	e.begin("EncodeString")
	return e.str(stringBytes(s))
}
