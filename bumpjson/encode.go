package bumpjson

import (
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"sync"
	"time"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
)

// Append appends the JSON encoding of v to dst, exactly as json.Marshal
// encodes it, and returns the extended slice. dst grows in a (the Go heap
// if a is nil): pass nil or a slice that Append or [bump.AllocateSlice]
// returned from a, so that it can grow in place; when it cannot, the
// encoding moves to new storage from a and dst's is left as it is. On
// error Append returns dst unchanged (its contents as they were) and the
// error json.Marshal returns for v: a *json.UnsupportedTypeError, a
// *json.UnsupportedValueError, a *json.MarshalerError, with the same
// message; or the error of an allocation from a that failed, such as one
// wrapping [bump.ErrAllocationLimit].
//
// Append encodes with bumpjson's own encoder, which takes nothing from
// the Go heap (its state and what it needs to sort a map's keys come from
// a too), unless v's MarshalJSON and MarshalText methods allocate there.
// Types that implement [Appender] as well as json.Marshaler, such as
// bumpkit's containers, are appended to the output directly.
func Append(a bump.Allocator, dst []byte, v any) ([]byte, error) {
	e, err := newEncodeState(a)
	if err != nil {
		return dst, err
	}
	e.escapeHTML = true
	if e.heap {
		// On the Go heap, the encoding runs in the pool's buffer and is
		// copied to dst once: grown by steps, dst would leave each step's
		// storage as garbage.
		e.buf, e.owned = e.scratch[:0], true
		err = e.encode(v)
		e.scratch = e.buf[:0]
		out := dst
		if err == nil {
			out = append(dst, e.buf...)
		}
		e.free()
		return out, err
	}
	e.buf = dst
	err = e.encode(v)
	out := e.buf
	if err != nil {
		e.release()
		out = dst
	}
	e.free()
	return out, err
}

// EncodeState is an encoding in progress, which bumpjson hands to the
// AppendJSON method of an [Appender]. It is valid only until that method
// returns, and only for the functions of this package that encode to it
// ([EncodeValue], [EncodeSlice], [EncodeString], [BeginArray], [BeginMap],
// [BeginObject]).
type EncodeState struct {
	output
	escapeHTML bool
	// ptrLevel and ptrSeen are encoding/json's cycle detection: the
	// number of maps, slices and pointers being encoded, and past
	// startDetectingCyclesAfter, those seen on the way.
	ptrLevel uint
	ptrSeen  map[cycleKey]struct{}
	// sorter holds the entries of the map being sorted, for members.
	sorter byName
	// word holds the value encode was given, when an interface holds it
	// in its data word, so that it has an address.
	word unsafe.Pointer
	// appending counts the AppendJSON calls in progress, values the
	// values the innermost one encoded (it must encode exactly one), and
	// open the arrays and objects it began and has not ended.
	appending int
	values    int
	open      int
	failed    error // the first error of an array or object it ended
	heap      bool  // from encodeStates rather than from a
	// scratch is the buffer a pooled EncodeState encodes in, kept with
	// it in the pool.
	scratch []byte
}

// startDetectingCyclesAfter is encoding/json's: past this many nested
// maps, slices and pointers, the encoder starts to look for a cycle.
const startDetectingCyclesAfter = 1000

// A cycleKey is a map, slice or pointer being encoded, as encoding/json's
// ptrSeen tells them apart: a map by its address, a slice by its first
// element's address and its length, a pointer by its address and type.
type cycleKey struct {
	t reflect.Type // pointers
	p unsafe.Pointer
	n int // slices: the length, plus one
}

var encodeStates = sync.Pool{New: func() any { return &EncodeState{heap: true} }}

// newEncodeState returns an EncodeState allocating from a, itself from a,
// or from a pool on the Go heap when a is nil.
func newEncodeState(a bump.Allocator) (*EncodeState, error) {
	if a == nil {
		e := encodeStates.Get().(*EncodeState)
		e.a = bump.Heap{}
		return e, nil
	}
	e, err := bump.TryNewIn[EncodeState](a)
	if err != nil {
		return nil, err
	}
	e.a = a
	return e, nil
}

// free gives e back to its allocator or pool: e must not be used after.
func (e *EncodeState) free() {
	a, heap, scratch := e.a, e.heap, e.scratch
	*e = EncodeState{heap: heap}
	if heap {
		e.scratch = scratch
		encodeStates.Put(e)
		return
	}
	bump.FreeSlice(a, unsafe.Slice(e, 1))
}

// Allocator returns the allocator the output grows in ([bump.Heap] when
// it is the Go heap), for the scratch storage an Appender may need.
func (e *EncodeState) Allocator() bump.Allocator { return e.a }

// encode appends the encoding of v.
func (e *EncodeState) encode(v any) error {
	e.ptrLevel = 0
	clear(e.ptrSeen)
	if v == nil {
		return e.writeString("null")
	}
	pl := encPlanFor(reflect.TypeOf(v))
	p := (*[2]unsafe.Pointer)(unsafe.Pointer(&v))[1]
	if pl.direct {
		e.word = p
		p = unsafe.Pointer(&e.word)
	}
	err := e.value(pl, p, false, false)
	e.word = nil
	return err
}

func (e *EncodeState) writeByte(c byte) error {
	if err := e.grow(1); err != nil {
		return err
	}
	e.buf = append(e.buf, c)
	return nil
}

func (e *EncodeState) writeString(s string) error {
	if err := e.grow(len(s)); err != nil {
		return err
	}
	e.buf = append(e.buf, s...)
	return nil
}

// value appends the encoding of the value of plan pl at p. addr tells
// whether encoding/json would see it as addressable (reached through a
// pointer or a slice), which decides whether a pointer receiver's methods
// count; quoted is the ",string" option.
func (e *EncodeState) value(pl *encPlan, p unsafe.Pointer, addr, quoted bool) error {
	m := pl.val
	if addr {
		m = pl.addr
	}
	if m != encKind {
		return e.method(pl, p, m)
	}
	switch pl.kind {
	case kBool, kInt, kUint, kFloat, kString:
		return e.scalar(pl, p, quoted)
	case kStruct:
		return e.structValue(pl, p, addr)
	case kMap:
		return e.mapValue(pl, p)
	case kSlice:
		h := (*sliceHeader)(p)
		return e.slice(pl, h.data, h.len)
	case kArray:
		return e.array(pl.elem, p, pl.arrayLen, addr)
	case kPointer:
		q := *(*unsafe.Pointer)(p)
		if q == nil {
			return e.writeString("null")
		}
		key, ok := e.enter(cycleKey{t: pl.t, p: q})
		if !ok {
			return cycleError(pl, reflect.NewAt(pl.t, p).Elem())
		}
		err := e.value(pl.elem, q, true, quoted)
		e.leave(key)
		return err
	case kInterface:
		x := ifaceValue(pl, p)
		if x == nil {
			return e.writeString("null")
		}
		dyn, q := dynamic(x, p)
		return e.value(dyn, q, false, quoted)
	default:
		return &json.UnsupportedTypeError{Type: pl.t}
	}
}

// scalar appends the boolean, number or string of plan pl at p. It does
// not keep p, so that callers may pass the address of a local.
func (e *EncodeState) scalar(pl *encPlan, p unsafe.Pointer, quoted bool) error {
	switch pl.kind {
	case kBool:
		if err := e.grow(7); err != nil {
			return err
		}
		b := mayQuote(e.buf, quoted)
		b = strconv.AppendBool(b, *(*bool)(p))
		e.buf = mayQuote(b, quoted)
	case kInt:
		if err := e.grow(22); err != nil {
			return err
		}
		b := mayQuote(e.buf, quoted)
		b = strconv.AppendInt(b, loadInt(p, pl.bits), 10)
		e.buf = mayQuote(b, quoted)
	case kUint:
		if err := e.grow(22); err != nil {
			return err
		}
		b := mayQuote(e.buf, quoted)
		b = strconv.AppendUint(b, loadUint(p, pl.bits), 10)
		e.buf = mayQuote(b, quoted)
	case kFloat:
		if pl.bits == 32 {
			return e.float(pl, float64(*(*float32)(p)), quoted)
		}
		return e.float(pl, *(*float64)(p), quoted)
	default: // kString
		s := *(*string)(p)
		switch {
		case pl.number:
			return e.number(s, quoted)
		case quoted:
			return e.quotedString(s)
		}
		return e.str(stringBytes(s))
	}
	return nil
}

// ifaceValue returns the interface value of interface plan pl at p.
func ifaceValue(pl *encPlan, p unsafe.Pointer) any {
	if pl.t.NumMethod() == 0 {
		return *(*any)(p)
	}
	return reflect.NewAt(pl.t, p).Elem().Interface()
}

// dynamic returns the plan of the non-nil x, read from the interface at
// p, and the address of its value: the data word of the interface for a
// type held there, what it points to otherwise.
func dynamic(x any, p unsafe.Pointer) (*encPlan, unsafe.Pointer) {
	pl := encPlanFor(reflect.TypeOf(x))
	if pl.direct {
		return pl, unsafe.Add(p, unsafe.Sizeof(p))
	}
	return pl, (*[2]unsafe.Pointer)(unsafe.Pointer(&x))[1]
}

// enter counts one more nested map, slice or pointer and, past
// startDetectingCyclesAfter, records key, or reports false if key is
// being encoded already: a cycle. It returns the key to pass to leave,
// zero if it was not recorded.
func (e *EncodeState) enter(key cycleKey) (cycleKey, bool) {
	e.ptrLevel++
	if e.ptrLevel <= startDetectingCyclesAfter {
		return cycleKey{}, true
	}
	if _, ok := e.ptrSeen[key]; ok {
		return cycleKey{}, false
	}
	if e.ptrSeen == nil {
		e.ptrSeen = make(map[cycleKey]struct{})
	}
	e.ptrSeen[key] = struct{}{}
	return key, true
}

// cycleError is encoding/json's error for a cycle through v, of plan pl.
func cycleError(pl *encPlan, v reflect.Value) error {
	return &json.UnsupportedValueError{Value: v, Str: pl.cycleName}
}

func (e *EncodeState) leave(key cycleKey) {
	if key.p != nil {
		delete(e.ptrSeen, key)
	}
	e.ptrLevel--
}

func mayQuote(b []byte, quoted bool) []byte {
	if quoted {
		b = append(b, '"')
	}
	return b
}

func loadInt(p unsafe.Pointer, bits int) int64 {
	switch bits {
	case 8:
		return int64(*(*int8)(p))
	case 16:
		return int64(*(*int16)(p))
	case 32:
		return int64(*(*int32)(p))
	}
	return *(*int64)(p)
}

func loadUint(p unsafe.Pointer, bits int) uint64 {
	switch bits {
	case 8:
		return uint64(*(*uint8)(p))
	case 16:
		return uint64(*(*uint16)(p))
	case 32:
		return uint64(*(*uint32)(p))
	}
	return *(*uint64)(p)
}

// stringBytes returns the bytes of s, to be read only.
func stringBytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// float appends f, of float plan pl, as encoding/json's floatEncoder
// does: like ES6's number to string conversion, and an error for NaN and
// infinities.
func (e *EncodeState) float(pl *encPlan, f float64, quoted bool) error {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		v := reflect.New(pl.t).Elem()
		v.SetFloat(f)
		return &json.UnsupportedValueError{Value: v, Str: strconv.FormatFloat(f, 'g', -1, pl.bits)}
	}
	if err := e.grow(40); err != nil {
		return err
	}
	b := mayQuote(e.buf, quoted)
	abs := math.Abs(f)
	format := byte('f')
	// float32 comparisons for a float32, for the cutoffs to be exact.
	if abs != 0 {
		if pl.bits == 64 && (abs < 1e-6 || abs >= 1e21) || pl.bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, pl.bits)
	if format == 'e' {
		// e-09 becomes e-9.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	e.buf = mayQuote(b, quoted)
	return nil
}

// number appends the json.Number s.
func (e *EncodeState) number(s string, quoted bool) error {
	if s == "" {
		s = "0" // the zero Number, which encoding/json accepts
	}
	if !isValidNumber(stringBytes(s)) {
		return fmt.Errorf("json: invalid number literal %q", s)
	}
	if err := e.grow(len(s) + 2); err != nil {
		return err
	}
	e.buf = mayQuote(append(mayQuote(e.buf, quoted), s...), quoted)
	return nil
}

// structValue appends the struct of plan pl at p.
func (e *EncodeState) structValue(pl *encPlan, p unsafe.Pointer, addr bool) error {
	fields := pl.structFields()
	next := byte('{')
fields:
	for i := range fields {
		f := &fields[i]
		q, faddr := p, addr
		for _, off := range f.derefs {
			q = *(*unsafe.Pointer)(unsafe.Add(q, off))
			if q == nil {
				continue fields
			}
			faddr = true
		}
		q = unsafe.Add(q, f.offset)
		if f.omitEmpty && isEmpty(f.plan, q) {
			continue
		}
		if f.omitZero {
			zero, err := e.isZero(f, q, faddr)
			if err != nil {
				return err
			}
			if zero {
				continue
			}
		}
		name := f.name
		if e.escapeHTML {
			name = f.nameHTML
		}
		if err := e.grow(1 + len(name)); err != nil {
			return err
		}
		e.buf = append(append(e.buf, next), name...)
		next = ','
		if err := e.value(f.plan, q, faddr, f.quoted); err != nil {
			return err
		}
	}
	if next == '{' {
		return e.writeString("{}")
	}
	return e.writeByte('}')
}

// isEmpty reports whether the value of plan pl at p is empty, as
// omitempty means it: false, 0, a nil pointer or interface, an array,
// slice, map or string of length zero.
func isEmpty(pl *encPlan, p unsafe.Pointer) bool {
	switch pl.kind {
	case kArray:
		return pl.arrayLen == 0
	case kMap:
		return *(*unsafe.Pointer)(p) == nil || reflect.NewAt(pl.t, p).Elem().Len() == 0
	case kSlice:
		return (*sliceHeader)(p).len == 0
	case kString:
		return len(*(*string)(p)) == 0
	case kBool:
		return !*(*bool)(p)
	case kInt, kUint:
		return loadUint(p, pl.bits) == 0
	case kFloat:
		// reflect's IsZero, which encoding/json uses: -0 is empty too.
		if pl.bits == 32 {
			return *(*float32)(p) == 0
		}
		return *(*float64)(p) == 0
	case kPointer, kInterface:
		return *(*unsafe.Pointer)(p) == nil
	}
	return false
}

// isZero reports whether the field f at p is zero, as omitzero means it:
// its IsZero method says so, or it is its type's zero value.
func (e *EncodeState) isZero(f *encField, p unsafe.Pointer, addr bool) (bool, error) {
	pl := f.plan
	switch f.isZero {
	case zeroIface:
		v := reflect.NewAt(pl.t, p).Elem()
		return v.IsNil() || v.Elem().Kind() == reflect.Pointer && v.Elem().IsNil() || v.Interface().(isZeroer).IsZero(), nil
	case zeroPtr:
		return *(*unsafe.Pointer)(p) == nil || reflect.NewAt(pl.t, p).Elem().Interface().(isZeroer).IsZero(), nil
	case zeroVal:
		return reflect.NewAt(pl.t, p).Interface().(isZeroer).IsZero(), nil
	case zeroAddr:
		if addr || pl.size == 0 {
			return reflect.NewAt(pl.t, p).Interface().(isZeroer).IsZero(), nil
		}
		// encoding/json calls the method on a copy, which it makes on
		// the Go heap; this one is in the encoding's allocator, and
		// given back when the method returns.
		c, err := e.a.Allocate(pl.layout, 1)
		if err != nil {
			return false, err
		}
		v := reflect.NewAt(pl.t, c)
		v.Elem().Set(reflect.NewAt(pl.t, p).Elem())
		zero := v.Interface().(isZeroer).IsZero()
		v.Elem().SetZero()
		e.a.Free(pl.layout, c, 1)
		return zero, nil
	}
	return reflect.NewAt(pl.t, p).Elem().IsZero(), nil
}

// array appends the n values of plan elem from p on.
func (e *EncodeState) array(elem *encPlan, p unsafe.Pointer, n int, addr bool) error {
	if err := e.writeByte('['); err != nil {
		return err
	}
	for i := range n {
		if i > 0 {
			if err := e.writeByte(','); err != nil {
				return err
			}
		}
		if err := e.value(elem, unsafe.Add(p, uintptr(i)*elem.size), addr, false); err != nil {
			return err
		}
	}
	return e.writeByte(']')
}

// slice appends the slice of plan pl whose n elements are at data.
func (e *EncodeState) slice(pl *encPlan, data unsafe.Pointer, n int) error {
	if data == nil {
		return e.writeString("null")
	}
	if pl.bytes {
		return e.base64(unsafe.Slice((*byte)(data), n))
	}
	key, ok := e.enter(cycleKey{p: data, n: n + 1})
	if !ok {
		return cycleError(pl, reflect.NewAt(pl.t, unsafe.Pointer(&sliceHeader{data, n, n})).Elem())
	}
	err := e.array(pl.elem, data, n, true)
	e.leave(key)
	return err
}

func (e *EncodeState) base64(b []byte) error {
	if err := e.grow(base64.StdEncoding.EncodedLen(len(b)) + 2); err != nil {
		return err
	}
	buf := append(e.buf, '"')
	buf = base64.StdEncoding.AppendEncode(buf, b)
	e.buf = append(buf, '"')
	return nil
}

// method appends the value of plan pl at p with the method m, as
// encoding/json's marshalerEncoder and textMarshalerEncoder (and their
// addr variants) do.
func (e *EncodeState) method(pl *encPlan, p unsafe.Pointer, m encMethod) error {
	var x any
	switch pl.kind {
	case kPointer:
		q := *(*unsafe.Pointer)(p)
		if q == nil {
			return e.writeString("null")
		}
		if m == encTime {
			return e.time(pl.t, (*time.Time)(q))
		}
		x = reflect.NewAt(pl.t, p).Elem().Interface()
	case kInterface:
		if x = ifaceValue(pl, p); x == nil {
			return e.writeString("null")
		}
		if ap, ok := x.(Appender); ok && m == encJSON {
			return e.appender(pl.t, ap)
		}
	default:
		if m == encTime {
			return e.time(pl.t, (*time.Time)(p))
		}
		// *T has T's methods too: calling one through the pointer is
		// calling it on a copy, without converting the value to an
		// interface on the Go heap. Pointer receivers' methods are only
		// found (in pl.addr) for values that are addressable.
		x = reflect.NewAt(pl.t, p).Interface()
	}
	switch m {
	case encAppender:
		return e.appender(pl.t, x.(Appender))
	case encJSON:
		b, err := x.(json.Marshaler).MarshalJSON()
		if err == nil {
			err = e.compact(b)
		}
		if err != nil {
			return &json.MarshalerError{Type: pl.t, Err: err}
		}
		return nil
	default: // encText
		b, err := x.(encoding.TextMarshaler).MarshalText()
		if err != nil {
			return textMarshalerError(pl.t, err)
		}
		return e.str(b)
	}
}

// time appends t as its MarshalJSON does: its AppendText, quoted, made
// in the output rather than in a new slice on the Go heap. typ is the
// type encoded (time.Time or *time.Time), for the error.
func (e *EncodeState) time(typ reflect.Type, t *time.Time) error {
	// RFC 3339 with nanoseconds and a zone is 35 bytes; a year out of the
	// range it allows is an error, made in no more than 64.
	if err := e.grow(64); err != nil {
		return err
	}
	b, err := t.AppendText(append(e.buf, '"'))
	if err != nil || len(b) > cap(e.buf) || unsafe.SliceData(b) != unsafe.SliceData(e.buf) {
		// The error as MarshalJSON words it.
		if _, err = t.MarshalJSON(); err == nil {
			err = fmt.Errorf("bumpjson: time.Time's AppendText and MarshalJSON disagree on %v", *t)
		}
		return &json.MarshalerError{Type: typ, Err: err}
	}
	e.buf = append(b, '"')
	return nil
}

// textMarshalerError returns encoding/json's error for a MarshalText
// method of type t that failed with err. Its message names MarshalText,
// which only encoding/json can set: the error is made by encoding/json,
// for a value of a type whose MarshalText fails with err, and its Type
// set to t.
func textMarshalerError(t reflect.Type, err error) error {
	_, jerr := json.Marshal(failingText{err})
	if me, ok := jerr.(*json.MarshalerError); ok && me.Err == err {
		me.Type = t
		return me
	}
	return &json.MarshalerError{Type: t, Err: err}
}

type failingText struct{ err error }

func (f failingText) MarshalText() ([]byte, error) { return nil, f.err }

// appender appends what ap's AppendJSON encodes, where encoding/json
// would call its MarshalJSON; t is the type encoded, for errors.
func (e *EncodeState) appender(t reflect.Type, ap Appender) error {
	mark := len(e.buf)
	err := e.callAppender(t, ap)
	if err != nil {
		e.buf = e.buf[:mark]
		return &json.MarshalerError{Type: t, Err: err}
	}
	return nil
}

// callAppender calls ap's AppendJSON and checks that it encoded one value.
// t is the type encoded, for the errors: ap may be a pointer to it, the
// method called through the pointer.
func (e *EncodeState) callAppender(t reflect.Type, ap Appender) error {
	values, open, failed := e.values, e.open, e.failed
	e.values, e.open, e.failed = 0, 0, nil
	e.appending++
	err := ap.AppendJSON(e)
	e.appending--
	n, unclosed, endErr := e.values, e.open, e.failed
	e.values, e.open, e.failed = values, open, failed
	switch {
	case err != nil:
	case endErr != nil:
		err = endErr
	case n != 1:
		err = fmt.Errorf("bumpjson: %v.AppendJSON encoded %d values, want 1", t, n)
	case unclosed != 0:
		err = fmt.Errorf("bumpjson: %v.AppendJSON left an array or object open", t)
	}
	return err
}

// compact appends the output b of a MarshalJSON method as encoding/json
// does: checked to be one JSON value, without its white space, and with
// HTML escaped in its strings if the encoding escapes HTML.
func (e *EncodeState) compact(b []byte) error {
	if !valid(b) {
		err := syntaxError(b)
		// encoding/json's compaction does not count bytes: its syntax
		// errors are at offset 0.
		if se, ok := err.(*json.SyntaxError); ok {
			se.Offset = 0
		}
		return err
	}
	if err := e.grow(len(b)); err != nil {
		return err
	}
	for i := 0; i < len(b); {
		switch c := b[i]; {
		case c == '"':
			j := skipString(b, i)
			if e.escapeHTML {
				if err := e.htmlEscaped(b[i:j], len(b)-j); err != nil {
					return err
				}
			} else {
				e.buf = append(e.buf, b[i:j]...)
			}
			i = j
		case isSpace(c):
			i++
		default:
			j := i + 1
			for j < len(b) && b[j] != '"' && !isSpace(b[j]) {
				j++
			}
			e.buf = append(e.buf, b[i:j]...)
			i = j
		}
	}
	return nil
}

// htmlEscaped appends the JSON string s with HTML escaped, keeping room
// for rest more bytes.
func (e *EncodeState) htmlEscaped(s []byte, rest int) error {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var esc [6]byte
		switch {
		case c == '<' || c == '>' || c == '&':
			esc = [6]byte{'\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF]}
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2]&^1 == 0xA8:
			esc = [6]byte{'\\', 'u', '2', '0', '2', hexDigits[s[i+2]&0xF]}
		default:
			continue
		}
		e.buf = append(e.buf, s[start:i]...)
		n := 1
		if c == 0xE2 {
			n = 3
		}
		if err := e.grow(len(esc) + len(s) - i - n + rest); err != nil {
			return err
		}
		e.buf = append(e.buf, esc[:]...)
		i += n - 1
		start = i + 1
	}
	e.buf = append(e.buf, s[start:]...)
	return nil
}
