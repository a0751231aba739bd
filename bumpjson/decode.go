package bumpjson

import (
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
)

// Unmarshal parses the JSON-encoded data and stores the result in the
// value pointed to by v, as [encoding/json.Unmarshal] does, with the
// storage of what it creates taken from a (the Go heap if a is nil):
// strings, slices and the values new pointers point to, the elements of
// []any and the boxes of the values stored in interfaces. Go maps, and
// everything decoded into them, are on the Go heap (see the package
// documentation).
//
// It accepts and rejects exactly the inputs encoding/json does, with
// errors of the same types and messages: a *json.SyntaxError for
// malformed input (and then v is unchanged), a *json.InvalidUnmarshalError
// if v is not a non-nil pointer, a *json.UnmarshalTypeError for a value
// that does not fit its Go type (decoding goes on, and the first such
// error is returned at the end). An error from a's allocation, such as
// one wrapping [bump.ErrAllocationLimit], or from a json.Unmarshaler
// stops decoding; what was stored until then stays stored.
func Unmarshal(a bump.Allocator, data []byte, v any) error {
	if !valid(data) {
		return syntaxError(data)
	}
	d := newDecodeState(a)
	defer d.free()
	return d.unmarshal(data, v)
}

// decodeState is one decoding's state. Decoders keep theirs; Unmarshal
// takes one from a pool, so that its scratch buffers are reused.
type decodeState struct {
	data  []byte
	a     bump.Allocator // never nil
	arena *bump.Bump     // a, when it is a *bump.Bump: strings take its fast path
	// heap counts the Go maps being decoded: inside one, everything is
	// allocated from the Go heap.
	heap int
	buf  []byte // scratch for unescaping strings

	useNumber             bool
	disallowUnknownFields bool

	savedError error
	// The error context, as encoding/json keeps it: the struct whose
	// field is being decoded, and the path of field names to it.
	errStruct  reflect.Type
	fieldStack []string
}

var statePool = sync.Pool{New: func() any { return new(decodeState) }}

func newDecodeState(a bump.Allocator) *decodeState {
	d := statePool.Get().(*decodeState)
	d.setAllocator(a)
	return d
}

func (d *decodeState) setAllocator(a bump.Allocator) {
	d.a = bump.Or(a)
	d.arena, _ = a.(*bump.Bump)
}

func (d *decodeState) free() {
	d.data, d.a, d.arena = nil, nil, nil
	d.useNumber, d.disallowUnknownFields = false, false
	d.savedError, d.errStruct = nil, nil
	clear(d.fieldStack)
	d.fieldStack = d.fieldStack[:0]
	if cap(d.buf) > 64<<10 {
		d.buf = nil
	}
	statePool.Put(d)
}

// unmarshal decodes data, which valid accepted, into v.
func (d *decodeState) unmarshal(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &json.InvalidUnmarshalError{Type: reflect.TypeOf(v)}
	}
	d.data = data
	d.savedError, d.errStruct, d.heap = nil, nil, 0
	d.fieldStack = d.fieldStack[:0]
	// Like encoding/json, start at the pointer itself, which is not
	// settable: its methods count, and a null does not clear it.
	i := skipSpace(data, 0)
	if _, err := d.top(planFor(rv.Type()), rv.UnsafePointer(), i); err != nil {
		return d.addErrorContext(err)
	}
	return d.savedError
}

// top decodes the value at data[i] through Unmarshal's argument, the
// non-nil pointer ptr of plan pl. Like encoding/json, it starts at the
// pointer itself, which is not settable: its methods count, and a null
// does not clear it.
func (d *decodeState) top(pl *plan, ptr unsafe.Pointer, i int) (int, error) {
	if t, ok := stage(pl, ptr, d.data[i] == 'n'); ok {
		return d.method(t, pl, i)
	}
	if pl.elem.kind == kInterface {
		// An interface that holds the argument itself (var x any; x =
		// &x) is decoded into, not through.
		v := reflect.NewAt(pl.elem.t, ptr).Elem()
		if !v.IsNil() && v.Elem().Kind() == reflect.Pointer && v.Elem().UnsafePointer() == ptr {
			return d.finish(target{plan: pl.elem, p: ptr}, i)
		}
	}
	// As value, with the argument's type as the one errors name.
	data := d.data
	switch c := data[i]; c {
	case '{', '[':
		t, err := d.indirect(pl.elem, ptr, false, true)
		if err != nil {
			return i, err
		}
		if t.m != noMethod {
			return d.method(t, pl, i)
		}
		return d.finish(t, i)
	default:
		end := skipValue(data, i)
		item := data[i:end]
		t, err := d.indirect(pl.elem, ptr, c == 'n', true)
		if err != nil {
			return i, err
		}
		switch t.m {
		case unmarshalJSON:
			return end, d.callUnmarshalJSON(t, item)
		case unmarshalText:
			return end, d.literalText(t, pl, item, false, end)
		}
		return end, d.store(t.plan, t.p, item, false, end)
	}
}

// method calls the method indirect found, t, for the value at data[i],
// reached from a value of plan orig.
func (d *decodeState) method(t target, orig *plan, i int) (int, error) {
	data := d.data
	end := skipValue(data, i)
	if t.m == unmarshalJSON {
		return end, d.callUnmarshalJSON(t, data[i:end])
	}
	switch data[i] {
	case '{':
		d.typeError("object", orig.t, i+1)
		return end, nil
	case '[':
		d.typeError("array", orig.t, i+1)
		return end, nil
	}
	return end, d.literalText(t, orig, data[i:end], false, end)
}

// finish decodes the value at data[i] into the target of indirect, t,
// which has no method.
func (d *decodeState) finish(t target, i int) (int, error) {
	data := d.data
	switch data[i] {
	case '[':
		return d.array(t.plan, t.p, i)
	case '{':
		return d.object(t.plan, t.p, i)
	}
	end := skipValue(data, i)
	return end, d.store(t.plan, t.p, data[i:end], false, end)
}

func (d *decodeState) saveError(err error) {
	if d.savedError == nil {
		d.savedError = d.addErrorContext(err)
	}
}

func (d *decodeState) addErrorContext(err error) error {
	if d.errStruct != nil || len(d.fieldStack) > 0 {
		if err, ok := err.(*json.UnmarshalTypeError); ok {
			err.Struct = d.errStruct.Name()
			stack := d.fieldStack
			if err.Field != "" {
				stack = append(stack[:len(stack):len(stack)], err.Field)
			}
			err.Field = strings.Join(stack, ".")
		}
	}
	return err
}

func (d *decodeState) typeError(what string, t reflect.Type, off int) {
	d.saveError(&json.UnmarshalTypeError{Value: what, Type: t, Offset: int64(off)})
}

// allocator returns where values go: the Go heap inside a Go map.
func (d *decodeState) allocator() bump.Allocator {
	if d.heap > 0 {
		return bump.Heap{}
	}
	return d.a
}

// alloc returns zeroed storage for n values of p's type.
func (d *decodeState) alloc(p *plan, n int) (unsafe.Pointer, error) {
	return d.allocator().Allocate(p.layout, n)
}

// makeString returns a copy of b in the arena (on the Go heap inside a
// Go map).
func (d *decodeState) makeString(b []byte) (string, error) {
	if len(b) == 0 {
		return "", nil
	}
	if d.heap > 0 {
		return string(b), nil
	}
	if d.arena != nil {
		return bump.TryString(d.arena, b)
	}
	s, err := bump.AllocateSlice[byte](d.a, len(b))
	if err != nil {
		return "", err
	}
	copy(s, b)
	return unsafe.String(&s[0], len(s)), nil
}

// A method is what indirect found on the way to a value.
type method uint8

const (
	noMethod method = iota
	unmarshalJSON
	unmarshalText
)

// A target is where indirect leads: a value of plan at p, or a method to
// call on a pointer recv to a value of recvPlan.
type target struct {
	plan     *plan
	p        unsafe.Pointer
	m        method
	recvPlan *plan
	recv     unsafe.Pointer
}

// indirect is encoding/json's indirect: it follows pointers from the
// value of pl at p, allocating the nil ones, until a non-pointer, and
// stops early at a json.Unmarshaler or (unless null) an
// encoding.TextUnmarshaler. With null it stops at the first settable
// pointer, for the null to clear it. settable is false only for
// Unmarshal's own argument.
func (d *decodeState) indirect(pl *plan, p unsafe.Pointer, null, settable bool) (target, error) {
	if pl.named && pl.kind != kInterface {
		if pl.u {
			return target{m: unmarshalJSON, recvPlan: pl, recv: p}, nil
		}
		if pl.tu && !null {
			return target{m: unmarshalText, recvPlan: pl, recv: p}, nil
		}
	}
	for {
		switch pl.kind {
		case kInterface:
			v := reflect.NewAt(pl.t, p).Elem()
			if v.IsNil() {
				return target{plan: pl, p: p}, nil
			}
			e := v.Elem()
			if e.Kind() != reflect.Pointer || e.IsNil() || null && e.Elem().Kind() != reflect.Pointer {
				return target{plan: pl, p: p}, nil
			}
			// Decode into what the interface points to: its pointer is
			// not settable, so it stays.
			ep := planFor(e.Type())
			ptr := e.UnsafePointer()
			if t, ok := stage(ep, ptr, null); ok {
				return t, nil
			}
			pl, p, settable = ep.elem, ptr, true
			continue
		case kPointer:
			if null && settable {
				return target{plan: pl, p: p}, nil
			}
			ptr := *(*unsafe.Pointer)(p)
			if pl.elem.kind == kInterface && ptr != nil {
				// A pointer to an interface that holds the pointer itself
				// (var v any; v = &v) would loop forever.
				v := reflect.NewAt(pl.t, p).Elem()
				if v.Elem().Elem().Equal(v) {
					return target{plan: pl.elem, p: ptr}, nil
				}
			}
			if ptr == nil {
				var err error
				if ptr, err = d.alloc(pl.elem, 1); err != nil {
					return target{}, err
				}
				*(*unsafe.Pointer)(p) = ptr
			}
			if t, ok := stage(pl, ptr, null); ok {
				return t, nil
			}
			pl, p, settable = pl.elem, ptr, true
			continue
		}
		return target{plan: pl, p: p}, nil
	}
}

// stage returns the method target for the pointer ptr of plan pl, if pl
// has one.
func stage(pl *plan, ptr unsafe.Pointer, null bool) (target, bool) {
	switch {
	case pl.u:
		return target{m: unmarshalJSON, recvPlan: pl.elem, recv: ptr}, true
	case pl.tu && !null:
		return target{m: unmarshalText, recvPlan: pl.elem, recv: ptr}, true
	}
	return target{}, false
}

// value decodes the JSON value at data[i] into the value of pl at p and
// returns the index after it.
//
// settable is false only for Unmarshal's own argument, which encoding/json
// does not set: a null does not clear it.
func (d *decodeState) value(pl *plan, p unsafe.Pointer, i int, settable bool) (int, error) {
	data := d.data
	switch c := data[i]; c {
	case '{', '[':
		t, err := d.indirect(pl, p, false, settable)
		if err != nil {
			return i, err
		}
		if t.m != noMethod {
			return d.method(t, pl, i)
		}
		if c == '[' {
			return d.array(t.plan, t.p, i)
		}
		return d.object(t.plan, t.p, i)
	default:
		var end int
		switch c {
		case '"':
			end = skipString(data, i)
		case 't', 'n':
			end = i + 4
		case 'f':
			end = i + 5
		default:
			end = scanNumber(data, i)
		}
		return end, d.literal(pl, p, data[i:end], false, end, settable)
	}
}

// callUnmarshalJSON calls t's UnmarshalJSON with item. json.RawMessage
// is copied into the arena instead, as its method would on the heap.
func (d *decodeState) callUnmarshalJSON(t target, item []byte) error {
	if t.recvPlan.raw {
		return d.storeRaw((*json.RawMessage)(t.recv), item)
	}
	recv := reflect.NewAt(t.recvPlan.t, t.recv).Interface()
	if ok, err := d.callIn(recv, item); ok {
		return err
	}
	return recv.(json.Unmarshaler).UnmarshalJSON(item)
}

// storeRaw is RawMessage.UnmarshalJSON with the copy in the arena: it
// reuses m's storage when it is large enough, as append does.
func (d *decodeState) storeRaw(m *json.RawMessage, item []byte) error {
	if cap(*m) >= len(item) {
		*m = append((*m)[:0], item...)
		return nil
	}
	b, err := bump.AllocateSlice[byte](d.allocator(), len(item))
	if err != nil {
		return err
	}
	copy(b, item)
	*m = b
	return nil
}

// literal is encoding/json's literalStore: it decodes the literal item
// (a string, number, true, false or null) into the value of pl at p.
// fromQuoted is set when item is the contents of a string under a
// ",string" option. end is the offset encoding/json reports errors at.
func (d *decodeState) literal(pl *plan, p unsafe.Pointer, item []byte, fromQuoted bool, end int, settable bool) error {
	if len(item) == 0 {
		d.saveError(fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal %q into %v", item, pl.t))
		return nil
	}
	null := item[0] == 'n'
	t, err := d.indirect(pl, p, null, settable)
	if err != nil {
		return err
	}
	switch t.m {
	case unmarshalJSON:
		return d.callUnmarshalJSON(t, item)
	case unmarshalText:
		return d.literalText(t, pl, item, fromQuoted, end)
	}
	return d.store(t.plan, t.p, item, fromQuoted, end)
}

// literalText decodes the literal item with the UnmarshalText method t,
// found on the way from a value of plan pl.
func (d *decodeState) literalText(t target, pl *plan, item []byte, fromQuoted bool, end int) error {
	if item[0] != '"' {
		if fromQuoted {
			d.saveError(fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal %q into %v", item, pl.t))
			return nil
		}
		what := "number"
		switch item[0] {
		case 'n':
			what = "null"
		case 't', 'f':
			what = "bool"
		}
		d.typeError(what, pl.t, end)
		return nil
	}
	s, ok := d.unquote(item)
	if !ok {
		return fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal %q into %v", item, pl.t)
	}
	u := reflect.NewAt(t.recvPlan.t, t.recv).Interface().(encoding.TextUnmarshaler)
	return u.UnmarshalText(s)
}

// store decodes the literal item into the value of v at p, which
// indirect reached.
func (d *decodeState) store(v *plan, p unsafe.Pointer, item []byte, fromQuoted bool, end int) error {
	switch c := item[0]; c {
	case 'n':
		if fromQuoted && string(item) != "null" {
			d.saveError(fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal %q into %v", item, v.t))
			break
		}
		switch v.kind {
		case kInterface, kPointer, kMap, kSlice:
			typedClear(v, p)
		}
	case 't', 'f':
		value := c == 't'
		if fromQuoted && string(item) != "true" && string(item) != "false" {
			d.saveError(fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal %q into %v", item, v.t))
			break
		}
		switch {
		case v.kind == kBool:
			*(*bool)(p) = value
		case v.kind == kInterface && v.empty:
			d.setInterface(v, p, value)
		case fromQuoted && v.kind != kInterface:
			d.saveError(fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal %q into %v", item, v.t))
		default:
			d.typeError("bool", v.t, end)
		}
	case '"':
		if v.kind == kString || v.kind == kInterface && v.empty {
			str, ok, err := d.unquoteString(item)
			switch {
			case err != nil:
				return err
			case !ok && fromQuoted:
				return fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal %q into %v", item, v.t)
			case !ok:
				panic("bumpjson: invalid string literal after validation")
			case v.kind == kInterface:
				return d.boxString(p, str, false)
			case v.number && !isValidNumber(unsafe.Slice(unsafe.StringData(str), len(str))):
				return fmt.Errorf("json: invalid number literal, trying to unmarshal %q into Number", item)
			}
			*(*string)(p) = str
			break
		}
		s, ok := d.unquote(item)
		if !ok {
			if fromQuoted {
				return fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal %q into %v", item, v.t)
			}
			panic("bumpjson: invalid string literal after validation")
		}
		if v.kind == kSlice && v.bytes {
			return d.storeBase64(p, s)
		}
		d.typeError("string", v.t, end)
	default:
		if c != '-' && (c < '0' || c > '9') {
			if fromQuoted {
				return fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal %q into %v", item, v.t)
			}
			panic("bumpjson: invalid literal after validation")
		}
		return d.number(v, p, item, fromQuoted, end)
	}
	return nil
}

// number stores the number literal item in the value of v at p.
func (d *decodeState) number(v *plan, p unsafe.Pointer, item []byte, fromQuoted bool, end int) error {
	s := unsafe.String(unsafe.SliceData(item), len(item)) // only parsed, never kept
	switch v.kind {
	case kInt:
		n, ok := parseInt(item)
		if !ok {
			var err error
			n, err = strconv.ParseInt(s, 10, 64)
			ok = err == nil
		}
		if !ok || overflowInt(n, v.bits) {
			d.typeError("number "+string(item), v.t, end)
			break
		}
		storeBits(p, v.bits, uint64(n)) // two's complement: the low bits are the int's
	case kUint:
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil || v.bits < 64 && n>>v.bits != 0 {
			d.typeError("number "+string(item), v.t, end)
			break
		}
		storeBits(p, v.bits, n)
	case kFloat:
		n, err := strconv.ParseFloat(s, v.bits)
		if err != nil {
			d.typeError("number "+string(item), v.t, end)
			break
		}
		if v.bits == 32 {
			*(*float32)(p) = float32(n)
		} else {
			*(*float64)(p) = n
		}
	case kInterface:
		if d.useNumber {
			if !v.empty {
				d.typeError("number", v.t, end)
				break
			}
			str, err := d.makeString(item)
			if err != nil {
				return err
			}
			return d.boxString(p, str, true)
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			d.typeError("number "+string(item), reflect.TypeFor[float64](), end+1)
			break
		}
		if !v.empty {
			d.typeError("number", v.t, end)
			break
		}
		return d.boxFloat(p, f)
	case kString:
		if v.number {
			str, err := d.makeString(item)
			if err != nil {
				return err
			}
			*(*string)(p) = str
			break
		}
		fallthrough
	default:
		if fromQuoted {
			return fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal %q into %v", item, v.t)
		}
		d.typeError("number", v.t, end)
	}
	return nil
}

// storeBits stores the low bits of n in the integer of that size at p.
func storeBits(p unsafe.Pointer, bits int, n uint64) {
	switch bits {
	case 8:
		*(*uint8)(p) = uint8(n)
	case 16:
		*(*uint16)(p) = uint16(n)
	case 32:
		*(*uint32)(p) = uint32(n)
	default:
		*(*uint64)(p) = n
	}
}

// parseInt parses a JSON integer of at most 18 digits, the common case,
// without strconv's error value.
func parseInt(b []byte) (int64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

func overflowInt(n int64, bits int) bool {
	if bits >= 64 {
		return false
	}
	return n < -1<<(bits-1) || n >= 1<<(bits-1)
}

// unquoteString returns the contents of the quoted string item,
// unescaped, in a new string from the arena (the Go heap inside a Go
// map), and false if item is not a valid string literal. A string with
// escapes is unescaped straight into the arena: into room for the
// longest it can become (an invalid byte becomes three), given back at
// once but for what it took.
func (d *decodeState) unquoteString(item []byte) (string, bool, error) {
	if len(item) < 2 || item[0] != '"' || item[len(item)-1] != '"' {
		return "", false, nil
	}
	body := item[1 : len(item)-1]
	if plain(body) {
		s, err := d.makeString(body)
		return s, true, err
	}
	if d.heap > 0 {
		s, ok := d.unquote(item)
		return string(s), ok, nil
	}
	room, err := bump.AllocateSlice[byte](d.a, 3*len(body))
	if err != nil {
		return "", false, err
	}
	out, ok := unquote(room[:0], item)
	if !ok || len(out) == 0 {
		bump.FreeSlice(d.a, room)
		return "", ok, nil
	}
	if len(out) < len(room) {
		bump.ResizeInPlace(d.a, room, len(out))
	}
	// Sound: out is room's storage, which nothing else refers to.
	return unsafe.String(&out[0], len(out)), true, nil
}

// unquote returns the contents of the quoted string item, unescaped. The
// result may alias item or d.buf: it is valid until the next unquote.
func (d *decodeState) unquote(item []byte) ([]byte, bool) {
	if len(item) >= 2 && item[0] == '"' && item[len(item)-1] == '"' && plain(item[1:len(item)-1]) {
		return item[1 : len(item)-1], true
	}
	var ok bool
	d.buf, ok = unquote(d.buf[:0], item)
	return d.buf, ok
}

// storeBase64 decodes s into a new byte slice at p.
func (d *decodeState) storeBase64(p unsafe.Pointer, s []byte) error {
	n := base64.StdEncoding.DecodedLen(len(s))
	var b []byte
	if n == 0 {
		b = []byte{}
	} else {
		var err error
		if b, err = bump.AllocateSlice[byte](d.allocator(), n); err != nil {
			return err
		}
	}
	m, err := base64.StdEncoding.Decode(b, s)
	if err != nil {
		d.saveError(err)
		return nil
	}
	*(*[]byte)(p) = b[:m]
	return nil
}

// typedClear sets the value of v at p to its zero value.
func typedClear(v *plan, p unsafe.Pointer) {
	switch v.kind {
	case kPointer, kMap:
		*(*unsafe.Pointer)(p) = nil
	case kSlice:
		*(*sliceHeader)(p) = sliceHeader{}
	default:
		reflect.NewAt(v.t, p).Elem().SetZero()
	}
}

var (
	typeWordFloat64 = typeWord(float64(0))
	typeWordString  = typeWord("")
	typeWordNumber  = typeWord(json.Number(""))
)

// typeWord returns the type word of an interface holding x.
func typeWord(x any) unsafe.Pointer { return (*[2]unsafe.Pointer)(unsafe.Pointer(&x))[0] }

// setInterface stores x in the empty interface at p, or through reflect
// for an interface with methods.
func (d *decodeState) setInterface(v *plan, p unsafe.Pointer, x any) {
	if v.empty {
		*(*any)(p) = x
		return
	}
	reflect.NewAt(v.t, p).Elem().Set(reflect.ValueOf(x))
}

// box stores in the empty interface at p the value of type word typ at
// data, as converting it to any would, but without the Go heap
// allocation of the conversion.
func box(p unsafe.Pointer, typ, data unsafe.Pointer) {
	var x any
	w := (*[2]unsafe.Pointer)(unsafe.Pointer(&x))
	w[0], w[1] = typ, data
	*(*any)(p) = x
}

// boxFloat stores f in the empty interface at p, boxed in the arena.
func (d *decodeState) boxFloat(p unsafe.Pointer, f float64) error {
	if d.heap > 0 {
		*(*any)(p) = f
		return nil
	}
	q, err := d.a.Allocate(bump.LayoutOf[float64](), 1)
	if err != nil {
		return err
	}
	*(*float64)(q) = f
	box(p, typeWordFloat64, q)
	return nil
}

// boxString stores s (as a json.Number if number) in the empty interface
// at p, boxed in the arena.
func (d *decodeState) boxString(p unsafe.Pointer, s string, number bool) error {
	typ := typeWordString
	if number {
		typ = typeWordNumber
	}
	if d.heap > 0 {
		if number {
			*(*any)(p) = json.Number(s)
		} else {
			*(*any)(p) = s
		}
		return nil
	}
	q, err := d.a.Allocate(bump.LayoutOf[string](), 1)
	if err != nil {
		return err
	}
	*(*string)(q) = s
	box(p, typ, q)
	return nil
}

// array decodes the array at data[i] into the value of v at p.
func (d *decodeState) array(v *plan, p unsafe.Pointer, i int) (int, error) {
	data := d.data
	switch v.kind {
	case kSlice, kArray:
	case kInterface:
		if v.empty {
			return d.arrayInterface(p, i)
		}
		fallthrough
	default:
		d.typeError("array", v.t, i+1)
		return skipValue(data, i), nil
	}
	ep := v.elem
	var h *sliceHeader
	var base unsafe.Pointer
	length := 0
	if v.kind == kSlice {
		h = (*sliceHeader)(p)
	} else {
		base = p
		length = int(v.t.Len())
	}
	owned := false // h.data was allocated by this call
	n := 0
	if h != nil && ep.pinned && ep.size > 0 {
		// Decoded elements must not move: make room for all at once.
		if count := countElements(data, i); count > h.cap {
			if err := d.growTo(v, h, &owned, count); err != nil {
				return i, err
			}
		}
	}
	i = skipSpace(data, i+1)
	if data[i] != ']' {
		for {
			if h != nil {
				if n >= h.cap {
					if err := d.grow(v, h, &owned); err != nil {
						return i, err
					}
				}
				if n >= h.len {
					h.len = n + 1
				}
				base, length = h.data, h.len
			}
			var err error
			if n < length {
				i, err = d.value(ep, unsafe.Add(base, uintptr(n)*ep.size), i, true)
			} else {
				i = skipValue(data, i)
			}
			if err != nil {
				return i, err
			}
			n++
			i = skipSpace(data, i)
			if data[i] == ']' {
				break
			}
			i = skipSpace(data, i+1) // ','
		}
	}
	if h == nil {
		for ; n < length; n++ {
			typedClear(ep, unsafe.Add(base, uintptr(n)*ep.size))
		}
		return i + 1, nil
	}
	if n < h.len {
		h.len = n
	}
	if n == 0 {
		*h = sliceHeader{data: unsafe.Pointer(&zeroArray)}
	} else if owned && n < h.cap && d.allocator().Resize(ep.layout, h.data, h.cap, n) {
		h.cap = n
	}
	return i + 1, nil
}

// zeroArray is where empty non-nil slices point, as reflect.MakeSlice's
// do.
var zeroArray [0]uint64

// grow makes room in the slice h for one more element: in place if this
// decoding allocated it and the allocator can, otherwise in new storage.
func (d *decodeState) grow(v *plan, h *sliceHeader, owned *bool) error {
	return d.growTo(v, h, owned, max(4, 2*h.cap))
}

// countElements returns the number of elements of the array at data[i].
func countElements(data []byte, i int) int {
	i = skipSpace(data, i+1)
	n := 0
	for data[i] != ']' {
		n++
		i = skipSpace(data, skipValue(data, i))
		if data[i] == ',' {
			i = skipSpace(data, i+1)
		}
	}
	return n
}

// growTo gives the slice h room for newCap elements, as grow does.
func (d *decodeState) growTo(v *plan, h *sliceHeader, owned *bool, newCap int) error {
	ep := v.elem
	a := d.allocator()
	if ep.size == 0 {
		h.cap = newCap
		if h.data == nil {
			h.data = unsafe.Pointer(&zeroArray)
		}
		return nil
	}
	if *owned && a.Resize(ep.layout, h.data, h.cap, newCap) {
		h.cap = newCap
		return nil
	}
	q, err := a.Allocate(ep.layout, newCap)
	if err != nil {
		return err
	}
	old := *h
	if old.len > 0 {
		typedCopy(v, q, old.data, old.len)
	}
	if *owned {
		a.Free(ep.layout, old.data, old.cap)
	}
	*h = sliceHeader{data: q, len: old.len, cap: newCap}
	*owned = true
	return nil
}

// typedCopy copies n elements of the slice type v from src to dst, with
// the write barriers of a typed copy when they hold pointers.
func typedCopy(v *plan, dst, src unsafe.Pointer, n int) {
	if !v.elem.layout.HasPointers() {
		size := int(v.elem.size) * n
		copy(unsafe.Slice((*byte)(dst), size), unsafe.Slice((*byte)(src), size))
		return
	}
	dh := sliceHeader{dst, n, n}
	sh := sliceHeader{src, n, n}
	reflect.Copy(reflect.NewAt(v.t, unsafe.Pointer(&dh)).Elem(), reflect.NewAt(v.t, unsafe.Pointer(&sh)).Elem())
}

// arrayInterface decodes the array at data[i] into a []any stored in the
// empty interface at p.
func (d *decodeState) arrayInterface(p unsafe.Pointer, i int) (int, error) {
	var s []any
	h := (*sliceHeader)(unsafe.Pointer(&s))
	owned := false
	data := d.data
	i = skipSpace(data, i+1)
	if data[i] != ']' {
		for {
			if h.len >= h.cap {
				if err := d.grow(anySlicePlan, h, &owned); err != nil {
					return i, err
				}
			}
			h.len++
			var err error
			if i, err = d.valueInterface(unsafe.Pointer(&s[h.len-1]), i); err != nil {
				return i, err
			}
			i = skipSpace(data, i)
			if data[i] == ']' {
				break
			}
			i = skipSpace(data, i+1)
		}
	}
	if h.len == 0 {
		s = []any{}
	} else if owned && h.len < h.cap && d.allocator().Resize(anySlicePlan.elem.layout, h.data, h.cap, h.len) {
		h.cap = h.len
	}
	if d.heap > 0 {
		*(*any)(p) = s
		return i + 1, nil
	}
	q, err := d.a.Allocate(anySlicePlan.layout, 1)
	if err != nil {
		return i, err
	}
	*(*[]any)(q) = s
	box(p, typeWordAnySlice, q)
	return i + 1, nil
}

var (
	anySlicePlan     = planFor(reflect.TypeFor[[]any]())
	anyPlan          = planFor(reflect.TypeFor[any]())
	typeWordAnySlice = typeWord([]any(nil))
)

// valueInterface decodes the value at data[i] into the empty interface at
// p, as encoding/json decodes into a nil any.
func (d *decodeState) valueInterface(p unsafe.Pointer, i int) (int, error) {
	data := d.data
	switch data[i] {
	case '[':
		return d.arrayInterface(p, i)
	case '{':
		return d.objectInterface(p, i)
	}
	end, err := d.value(anyPlan, p, i, true)
	return end, err
}

// objectInterface decodes the object at data[i] into a map[string]any, on
// the Go heap, stored in the empty interface at p.
func (d *decodeState) objectInterface(p unsafe.Pointer, i int) (int, error) {
	d.heap++
	defer func() { d.heap-- }()
	m := make(map[string]any)
	data := d.data
	i = skipSpace(data, i+1)
	if data[i] == '}' {
		*(*any)(p) = m
		return i + 1, nil
	}
	for {
		end, _ := stringEnd(data, i)
		kb, _ := d.unquote(data[i:end])
		key := string(kb)
		i = skipSpace(data, end)
		i = skipSpace(data, i+1) // ':'
		var x any
		var err error
		if i, err = d.valueInterface(unsafe.Pointer(&x), i); err != nil {
			return i, err
		}
		m[key] = x
		i = skipSpace(data, i)
		if data[i] == '}' {
			break
		}
		i = skipSpace(data, i+1)
	}
	*(*any)(p) = m
	return i + 1, nil
}

// object decodes the object at data[i] into the value of v at p.
func (d *decodeState) object(v *plan, p unsafe.Pointer, i int) (int, error) {
	data := d.data
	switch v.kind {
	case kInterface:
		if v.empty {
			return d.objectInterface(p, i)
		}
	case kMap:
		switch v.key.Kind() {
		case reflect.String,
			reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		default:
			if !v.keyTU {
				d.typeError("object", v.t, i+1)
				return skipValue(data, i), nil
			}
		}
		return d.mapObject(v, p, i)
	case kStruct:
		return d.structObject(v, p, i)
	}
	d.typeError("object", v.t, i+1)
	return skipValue(data, i), nil
}

// structObject decodes the object at data[i] into the struct of v at p.
func (d *decodeState) structObject(v *plan, p unsafe.Pointer, i int) (int, error) {
	data := d.data
	fields := v.structFields()
	origStruct, origDepth := d.errStruct, len(d.fieldStack)
	i = skipSpace(data, i+1)
	if data[i] == '}' {
		return i + 1, nil
	}
	var fold [64]byte
	for {
		end, plain := stringEnd(data, i)
		var key []byte
		if plain {
			key = data[i+1 : end-1]
		} else {
			key, _ = d.unquote(data[i:end])
		}
		f := fields.byExact[string(key)]
		if f == nil {
			f = fields.byFold[string(appendFolded(fold[:0], key))]
		}
		var fp unsafe.Pointer
		var fpl *plan
		quoted := false
		if f != nil {
			var err error
			if fp, fpl, quoted, err = d.fieldPointer(f, p); err != nil {
				return i, err
			}
			d.errStruct = v.t
			d.fieldStack = append(d.fieldStack, f.name)
		} else if d.disallowUnknownFields {
			d.saveError(fmt.Errorf("json: unknown field %q", key))
		}
		i = skipSpace(data, end)
		i = skipSpace(data, i+1) // ':'
		var err error
		switch {
		case fpl == nil:
			i = skipValue(data, i)
		case quoted:
			i, err = d.quotedValue(fpl, fp, i)
		default:
			i, err = d.value(fpl, fp, i, true)
		}
		if err != nil {
			return i, err
		}
		clear(d.fieldStack[origDepth:])
		d.fieldStack = d.fieldStack[:origDepth]
		d.errStruct = origStruct
		i = skipSpace(data, i)
		if data[i] == '}' {
			return i + 1, nil
		}
		i = skipSpace(data, i+1)
	}
}

// fieldPointer returns where f is in the struct at p, allocating the
// embedded structs on the way that are nil pointers. It returns a nil
// plan, after saving encoding/json's error, when an embedded pointer to
// an unexported struct type is nil. The Go names of the embedded fields
// go on the error context's field stack.
func (d *decodeState) fieldPointer(f *field, p unsafe.Pointer) (unsafe.Pointer, *plan, bool, error) {
	for k, step := range f.path {
		p = unsafe.Add(p, step.offset)
		if k == len(f.path)-1 {
			break
		}
		d.fieldStack = append(d.fieldStack, f.names[k])
		if step.deref == nil {
			continue
		}
		ptr := *(*unsafe.Pointer)(p)
		if ptr == nil {
			if step.unexported {
				d.saveError(fmt.Errorf("json: cannot set embedded pointer to unexported struct: %v", step.deref.elem.t))
				for k++; k < len(f.path)-1; k++ {
					d.fieldStack = append(d.fieldStack, f.names[k])
				}
				return nil, nil, false, nil
			}
			var err error
			if ptr, err = d.alloc(step.deref.elem, 1); err != nil {
				return nil, nil, false, err
			}
			*(*unsafe.Pointer)(p) = ptr
		}
		p = ptr
	}
	return p, f.plan, f.quoted, nil
}

// quotedValue decodes the value at data[i] under a ",string" option.
func (d *decodeState) quotedValue(v *plan, p unsafe.Pointer, i int) (int, error) {
	data := d.data
	switch c := data[i]; c {
	case '{', '[':
		i = skipValue(data, i)
	case 'n':
		return i + 4, d.literal(v, p, []byte("null"), false, i+4, true)
	case '"':
		end := skipString(data, i)
		s, _ := d.unquote(data[i:end])
		// The contents are decoded again as a literal: copy them out of
		// the scratch buffer that decoding reuses.
		item := append(make([]byte, 0, 32), s...)
		return end, d.literal(v, p, item, true, end, true)
	default:
		end := skipValue(data, i)
		if c != 't' && c != 'f' && !d.useNumber {
			// encoding/json converts the number to float64 first; one
			// that does not fit is reported, and then taken for a null.
			if _, err := strconv.ParseFloat(string(data[i:end]), 64); err != nil {
				d.typeError("number "+string(data[i:end]), reflect.TypeFor[float64](), end+1)
				return end, d.literal(v, p, []byte("null"), false, end, true)
			}
		}
		i = end
	}
	d.saveError(fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal unquoted value into %v", v.t))
	return i, nil
}

// mapObject decodes the object at data[i] into the Go map of v at p. The
// map, its keys and its values are on the Go heap.
func (d *decodeState) mapObject(v *plan, p unsafe.Pointer, i int) (int, error) {
	d.heap++
	defer func() { d.heap-- }()
	data := d.data
	mv := reflect.NewAt(v.t, p).Elem()
	if mv.IsNil() {
		mv.Set(reflect.MakeMap(v.t))
	}
	elem := reflect.New(v.elem.t).Elem()
	ep := elem.Addr().UnsafePointer()
	kt := v.key
	i = skipSpace(data, i+1)
	if data[i] == '}' {
		return i + 1, nil
	}
	for {
		start := i
		end, _ := stringEnd(data, i)
		item := data[i:end]
		i = skipSpace(data, end)
		i = skipSpace(data, i+1) // ':'
		elem.SetZero()
		var err error
		if i, err = d.value(v.elem, ep, i, true); err != nil {
			return i, err
		}
		var kv reflect.Value
		if v.keyTU {
			kp := reflect.New(kt)
			if reflect.PointerTo(kt).Implements(unmarshalerType) {
				err = kp.Interface().(json.Unmarshaler).UnmarshalJSON(item)
			} else {
				key, _ := d.unquote(item)
				err = kp.Interface().(encoding.TextUnmarshaler).UnmarshalText(key)
			}
			if err != nil {
				return i, err
			}
			kv = kp.Elem()
		} else {
			key, _ := d.unquote(item)
			switch kt.Kind() {
			case reflect.String:
				kv = reflect.New(kt).Elem()
				kv.SetString(string(key))
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				n, err := strconv.ParseInt(string(key), 10, 64)
				if err != nil || kt.OverflowInt(n) {
					d.typeError("number "+string(key), kt, start+1)
					break
				}
				kv = reflect.New(kt).Elem()
				kv.SetInt(n)
			default:
				n, err := strconv.ParseUint(string(key), 10, 64)
				if err != nil || kt.OverflowUint(n) {
					d.typeError("number "+string(key), kt, start+1)
					break
				}
				kv = reflect.New(kt).Elem()
				kv.SetUint(n)
			}
		}
		if kv.IsValid() {
			mv.SetMapIndex(kv, elem)
		}
		i = skipSpace(data, i)
		if data[i] == '}' {
			return i + 1, nil
		}
		i = skipSpace(data, i+1)
	}
}

// isValidNumber reports whether s is a JSON number.
func isValidNumber(s []byte) bool {
	if len(s) == 0 {
		return false
	}
	end, ok := validNumber(s, 0)
	return ok && end == len(s)
}
