package bumpjson

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
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
// AppendJSON must encode exactly one value, with one call of
// [EncodeValue], [EncodeSlice] or [EncodeString], or one array or object
// made with [BeginArray], [BeginMap] or [BeginObject] and closed, and
// must not keep e. Errors it returns, and those of the values it encodes
// (those of an array or object even if AppendJSON ignores them), are
// returned as a *json.MarshalerError, as encoding/json returns those of
// MarshalJSON.
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
	// The encoding runs in the pool's buffer, and only the result is
	// copied out.
	e.buf, e.owned = e.scratch[:0], true
	err := e.callAppender(reflect.TypeOf(x), x)
	var out []byte
	if err == nil {
		out = bytes.Clone(e.buf)
	}
	e.scratch = e.buf[:0]
	e.free()
	return out, err
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

// EncodeString appends s as json.Marshal encodes a string: quoted,
// escaped, invalid UTF-8 replaced by U+FFFD, and <, > and & escaped if
// the encoding escapes HTML. It panics if e is not the EncodeState of an
// AppendJSON call in progress.
func EncodeString(e *EncodeState, s string) error {
	e.begin("EncodeString")
	return e.str(stringBytes(s))
}

// An ArrayEncoder appends a JSON array element by element, for an
// [Appender] whose elements are not in one slice: [BeginArray] starts it,
// Add appends each element as [EncodeSlice] appends those of a []T (a
// []byte's as base64), and End closes it. It is used through a variable,
// and only until End.
type ArrayEncoder[T any] struct {
	e     *EncodeState
	elem  *encPlan
	slot  []T // a copy of the element encoded, in e's allocator
	n     int
	bytes bool    // base64: group holds the bytes not yet encoded
	group [3]byte // in base64
	err   error
}

// BeginArray starts a JSON array of T, as EncodeSlice encodes a non-nil
// []T. It panics if e is not the EncodeState of an AppendJSON call in
// progress.
func BeginArray[T any](e *EncodeState) ArrayEncoder[T] {
	e.begin("BeginArray")
	e.open++
	pl := encPlanFor(reflect.TypeFor[[]T]())
	ae := ArrayEncoder[T]{e: e, elem: pl.elem, bytes: pl.bytes}
	if ae.bytes {
		ae.err = e.writeByte('"')
	} else {
		ae.err = e.writeByte('[')
		e.ptrLevel++
	}
	return ae
}

// Add appends v to the array. It returns the error of the encoding, if
// this or an earlier Add failed, and then End returns it too.
func (ae *ArrayEncoder[T]) Add(v T) error {
	e := ae.e
	if e == nil {
		panic("bumpjson: ArrayEncoder.Add without BeginArray, or after End")
	}
	if ae.err != nil {
		return ae.err
	}
	if ae.bytes {
		ae.group[ae.n%3] = *(*byte)(unsafe.Pointer(&v))
		if ae.n++; ae.n%3 == 0 {
			if ae.err = e.grow(4); ae.err == nil {
				e.buf = base64.StdEncoding.AppendEncode(e.buf, ae.group[:])
			}
		}
		return ae.err
	}
	if ae.n > 0 {
		if ae.err = e.writeByte(','); ae.err != nil {
			return ae.err
		}
	}
	ae.n++
	// Addressable, as a slice's elements are.
	ae.err = encodeCopy(e, ae.elem, &ae.slot, v, true)
	return ae.err
}

// encodeCopy appends v, of plan pl: a boolean, number or string from v
// itself, other values from a copy in (*slot)[0], allocated from e's
// allocator on first use, so that they have an address that does not
// move v to the Go heap. addr is as for value.
func encodeCopy[T any](e *EncodeState, pl *encPlan, slot *[]T, v T, addr bool) error {
	if pl.scalar {
		return e.scalar(pl, unsafe.Pointer(&v), false)
	}
	if *slot == nil {
		s, err := bump.AllocateSlice[T](e.a, 1)
		if err != nil {
			return err
		}
		*slot = s
	}
	(*slot)[0] = v
	return e.value(pl, unsafe.Pointer(&(*slot)[0]), addr, false)
}

// End closes the array and returns the first error of the encoding.
func (ae *ArrayEncoder[T]) End() error {
	e := ae.e
	if e == nil {
		panic("bumpjson: ArrayEncoder.End without BeginArray, or twice")
	}
	if ae.slot != nil {
		clear(ae.slot)
		bump.FreeSlice(e.a, ae.slot)
		ae.slot = nil
	}
	if !ae.bytes {
		e.ptrLevel--
	}
	if ae.err == nil {
		if ae.bytes {
			if ae.err = e.grow(5); ae.err == nil {
				e.buf = append(base64.StdEncoding.AppendEncode(e.buf, ae.group[:ae.n%3]), '"')
			}
		} else {
			ae.err = e.writeByte(']')
		}
	}
	e.end(ae.err)
	ae.e = nil
	return ae.err
}

// end closes an array or object begun in the AppendJSON call in progress
// and keeps its error, if it is the first, for callAppender to return
// even if AppendJSON does not: its output is incomplete.
func (e *EncodeState) end(err error) {
	e.open--
	if err != nil && e.failed == nil {
		e.failed = err
	}
}

// A MapEncoder appends a JSON object member by member, for an [Appender]
// whose entries are not in a Go map: [BeginMap] starts one whose members
// are sorted as json.Marshal sorts a map's, [BeginObject] one whose
// members are in the order they are added; Add adds each entry and End
// closes the object. Keys become member names as a map's keys do (a
// string as it is, the text of an encoding.TextMarshaler, an integer in
// decimal) and values are encoded as a map's (not addressable). It is
// used through a variable, and only until End.
type MapEncoder[K, V any] struct {
	e      *EncodeState
	kp, vp *encPlan
	sorted bool
	// A sorted object's entries are collected until End, with the
	// values that do not fit in them in vals.
	ents  []mapEntry
	vals  []V
	slot  []V // an unsorted object's value, copied to e's allocator
	kslot []K // a TextMarshaler key, copied to e's allocator
	n     int
	err   error
}

// BeginMap starts a JSON object encoded as json.Marshal encodes a
// map[K]V: the members are collected and sorted by name at End. If K
// cannot name a member, the encoding fails with encoding/json's
// *json.UnsupportedTypeError for map[K]V, even with no entries. It panics
// if e is not the EncodeState of an AppendJSON call in progress.
func BeginMap[K comparable, V any](e *EncodeState) MapEncoder[K, V] {
	e.begin("BeginMap")
	e.open++
	pl := encPlanFor(reflect.TypeFor[map[K]V]())
	me := MapEncoder[K, V]{e: e, kp: encPlanFor(pl.t.Key()), vp: pl.elem, sorted: true}
	if pl.key == keyUnsupported {
		me.err = &json.UnsupportedTypeError{Type: pl.t}
	}
	return me
}

// BeginObject starts a JSON object whose members come in the order they
// are added, for containers whose order is their own. A key of a type
// that cannot name a member fails the encoding with a
// *json.UnsupportedTypeError for K when it is added. It panics if e is
// not the EncodeState of an AppendJSON call in progress.
func BeginObject[K, V any](e *EncodeState) MapEncoder[K, V] {
	e.begin("BeginObject")
	e.open++
	me := MapEncoder[K, V]{e: e, kp: encPlanFor(reflect.TypeFor[K]()), vp: encPlanFor(reflect.TypeFor[V]())}
	me.err = e.writeByte('{')
	e.ptrLevel++
	return me
}

// Add adds the entry k: v. It returns the error of the encoding, if this
// or an earlier Add failed, and then End returns it too.
func (me *MapEncoder[K, V]) Add(k K, v V) error {
	e := me.e
	if e == nil {
		panic("bumpjson: MapEncoder.Add without BeginMap or BeginObject, or after End")
	}
	if me.err != nil {
		return me.err
	}
	if me.sorted {
		me.err = me.collect(k, v)
		return me.err
	}
	if me.kp.asKey == keyUnsupported {
		me.err = &json.UnsupportedTypeError{Type: me.kp.t}
		return me.err
	}
	if me.n > 0 {
		if me.err = e.writeByte(','); me.err != nil {
			return me.err
		}
	}
	me.n++
	var ent mapEntry
	if me.err = me.key(&ent, k); me.err != nil {
		return me.err
	}
	if me.err = e.str(stringBytes(ent.name())); me.err != nil {
		return me.err
	}
	if me.err = e.writeByte(':'); me.err != nil {
		return me.err
	}
	// Not addressable, as a map's values are not.
	me.err = encodeCopy(e, me.vp, &me.slot, v, false)
	return me.err
}

// collect adds an entry of a sorted object, in storage from e's
// allocator that grows as append would.
func (me *MapEncoder[K, V]) collect(k K, v V) error {
	e := me.e
	if len(me.ents) == cap(me.ents) {
		grown, err := bump.ResizeSlice(e.a, me.ents[:cap(me.ents)], bump.GrowCap(cap(me.ents), len(me.ents)+1))
		if err != nil {
			return err
		}
		me.ents = grown[:len(me.ents)]
	}
	me.ents = me.ents[:len(me.ents)+1]
	ent := &me.ents[len(me.ents)-1]
	if err := me.key(ent, k); err != nil {
		return err
	}
	if inlineValue(me.vp) {
		*(*V)(unsafe.Pointer(&ent.small)) = v
		return nil
	}
	if len(me.vals) == cap(me.vals) {
		grown, err := bump.ResizeSlice(e.a, me.vals[:cap(me.vals)], bump.GrowCap(cap(me.vals), len(me.vals)+1))
		if err != nil {
			return err
		}
		me.vals = grown[:len(me.vals)]
	}
	me.vals = append(me.vals, v)
	return nil
}

// End closes the object (for a sorted one, sorts and encodes its
// members) and returns the first error of the encoding.
func (me *MapEncoder[K, V]) End() error {
	e := me.e
	if e == nil {
		panic("bumpjson: MapEncoder.End without BeginMap or BeginObject, or twice")
	}
	if me.sorted && me.err == nil {
		if !inlineValue(me.vp) {
			for i := range me.vals {
				me.ents[i].val = unsafe.Pointer(&me.vals[i])
			}
		}
		e.ptrLevel++
		me.err = e.members(me.vp, me.ents)
		e.ptrLevel--
	} else if !me.sorted {
		e.ptrLevel--
		if me.err == nil {
			me.err = e.writeByte('}')
		}
	}
	clear(me.vals[:cap(me.vals)])
	clear(me.ents[:cap(me.ents)])
	clear(me.slot)
	clear(me.kslot)
	bump.FreeSlice(e.a, me.vals[:cap(me.vals)])
	bump.FreeSlice(e.a, me.ents[:cap(me.ents)])
	bump.FreeSlice(e.a, me.slot)
	bump.FreeSlice(e.a, me.kslot)
	me.vals, me.ents, me.slot, me.kslot = nil, nil, nil, nil
	e.end(me.err)
	me.e = nil
	return me.err
}

// key makes k the name of ent. A TextMarshaler key that an interface
// holds behind a pointer has its method called through a pointer to a
// copy in e's allocator (*K has K's methods): converted to an interface,
// k would be copied to the Go heap.
func (me *MapEncoder[K, V]) key(ent *mapEntry, k K) error {
	e, kp := me.e, me.kp
	if kp.asKey != keyText || kp.direct || kp.kind == kInterface || kp.size == 0 {
		return e.entryKey(kp, me.vp, ent, unsafe.Pointer(&k), func() any { return k })
	}
	if me.kslot == nil {
		var err error
		if me.kslot, err = bump.AllocateSlice[K](e.a, 1); err != nil {
			return err
		}
	}
	me.kslot[0] = k
	return e.textKey(kp.t, me.vp.t, ent, reflect.NewAt(kp.t, unsafe.Pointer(&me.kslot[0])))
}

// entryKey makes the key at p, of key plan kp, the name of ent; elem is
// the plan of the values, and boxed returns the key as an interface, for
// a TextMarshaler. It does not keep p.
func (e *EncodeState) entryKey(kp, elem *encPlan, ent *mapEntry, p unsafe.Pointer, boxed func() any) error {
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
