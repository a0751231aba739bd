package bumpjson

import (
	"encoding"
	"encoding/json"
	"reflect"
	"sync"
	"time"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
)

// An encMethod is what encoding/json calls instead of encoding a value by
// its kind.
type encMethod uint8

const (
	encKind     encMethod = iota // no method: the kind's encoding
	encJSON                      // MarshalJSON
	encText                      // MarshalText, quoted
	encAppender                  // AppendJSON, where encoding/json calls MarshalJSON
	encTime                      // time.Time's MarshalJSON, done as its AppendText
)

// A keyKind is how a map's keys become member names: encoding/json takes
// a string kind as it is, then a TextMarshaler's text, then an integer in
// decimal; other key types make the map unsupported.
type keyKind uint8

const (
	keyUnsupported keyKind = iota
	keyString
	keyText
	keyInt
	keyUint
)

// An encPlan is what encoding needs to know about a type, computed once
// with reflect and cached, so that encoding reflects only for maps,
// interfaces and the methods of the user's types.
type encPlan struct {
	t    reflect.Type
	kind kind
	size uintptr
	bits int // ints, uints and floats: the size in bits
	// direct is set for the types an interface holds in its data word
	// itself rather than behind a pointer to a copy.
	direct bool
	// val is the method encoding/json calls on any value of t, addr the
	// one on an addressable value, for which a pointer receiver's
	// methods count too (its condAddrEncoder).
	val, addr encMethod
	// scalar is set for the kinds encoded from their bits alone, with no
	// method: booleans, numbers and strings.
	scalar    bool
	number    bool    // json.Number
	bytes     bool    // a slice that encodes as base64
	asKey     keyKind // how a map key of type t becomes a member name
	key       keyKind // a map's keys
	elem      *encPlan
	layout    bump.Layout // allocates values of t, for map values
	hasPtr    bool        // values of t hold pointers
	arrayLen  int         // arrays
	cycleName string      // "encountered a cycle via T", for maps, slices and pointers

	once   sync.Once // builds fields, for a struct, on first use
	fields []encField
}

// An encField is a struct field as encoding/json encodes it.
type encField struct {
	name, nameHTML string // `"name":`, and the same with HTML escaped
	// derefs are the offsets of the embedded struct pointers on the way to
	// the field, each from the struct the previous one points to; offset
	// is the field's offset in the last struct.
	derefs    []uintptr
	offset    uintptr
	plan      *encPlan // the field's type
	omitEmpty bool
	omitZero  bool
	isZero    zeroMethod
	quoted    bool
}

// A zeroMethod is how omitzero tests a field: reflect's IsZero, or the
// field type's IsZero method reached in one of the ways encoding/json
// does.
type zeroMethod uint8

const (
	zeroReflect zeroMethod = iota
	zeroIface              // an interface type with IsZero: nil, holding a nil pointer, or the method
	zeroPtr                // a pointer type with IsZero: nil or the method
	zeroVal                // the type has IsZero
	zeroAddr               // the type's pointer has IsZero
)

type isZeroer interface{ IsZero() bool }

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	appenderType      = reflect.TypeFor[Appender]()
	isZeroerType      = reflect.TypeFor[isZeroer]()
	timeType          = reflect.TypeFor[time.Time]()
)

var encPlans sync.Map // reflect.Type -> *encPlan

// encPlanFor returns the encoding plan of t.
func encPlanFor(t reflect.Type) *encPlan {
	if p, ok := encPlans.Load(t); ok {
		return p.(*encPlan)
	}
	return buildEncPlan(t, map[reflect.Type]*encPlan{})
}

// buildEncPlan makes the plan of t and of the types it contains. building
// holds the plans under construction, for recursive types.
func buildEncPlan(t reflect.Type, building map[reflect.Type]*encPlan) *encPlan {
	if p, ok := encPlans.Load(t); ok {
		return p.(*encPlan)
	}
	if p := building[t]; p != nil {
		return p
	}
	l := layoutFor(t)
	p := &encPlan{t: t, size: t.Size(), layout: l, hasPtr: l.HasPointers()}
	building[t] = p
	switch t.Kind() {
	case reflect.Bool:
		p.kind = kBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.kind, p.bits = kInt, t.Bits()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		p.kind, p.bits = kUint, t.Bits()
	case reflect.Float32, reflect.Float64:
		p.kind, p.bits = kFloat, t.Bits()
	case reflect.String:
		p.kind = kString
		p.number = t == numberType
	case reflect.Slice:
		p.kind = kSlice
		// A []byte encodes as base64, unless its element type's pointer
		// has a method of its own; a [N]byte is an array like any other.
		if e := t.Elem(); e.Kind() == reflect.Uint8 {
			pe := reflect.PointerTo(e)
			p.bytes = !pe.Implements(marshalerType) && !pe.Implements(textMarshalerType)
		}
		p.elem = buildEncPlan(t.Elem(), building)
	case reflect.Array:
		p.kind, p.arrayLen = kArray, t.Len()
		p.elem = buildEncPlan(t.Elem(), building)
	case reflect.Struct:
		p.kind = kStruct
	case reflect.Map:
		p.kind = kMap
		p.key = keyKindOf(t.Key())
		p.elem = buildEncPlan(t.Elem(), building)
	case reflect.Pointer:
		p.kind = kPointer
		p.elem = buildEncPlan(t.Elem(), building)
	case reflect.Interface:
		p.kind = kInterface
	default:
		p.kind = kOther
	}
	switch p.kind {
	case kMap, kSlice, kPointer:
		p.cycleName = "encountered a cycle via " + t.String()
	}
	if p.kind != kInterface {
		p.direct = isDirect(t)
	}
	p.asKey = keyKindOf(t)
	p.val, p.addr = methodsOf(t)
	switch p.kind {
	case kBool, kInt, kUint, kFloat, kString:
		p.scalar = p.val == encKind && p.addr == encKind
	}
	encPlans.LoadOrStore(t, p)
	return p
}

// keyKindOf returns how encoding/json makes a map key of type t a member
// name.
func keyKindOf(t reflect.Type) keyKind {
	switch {
	case t.Kind() == reflect.String:
		return keyString
	case t.Implements(textMarshalerType):
		return keyText
	case isKeyKind(t.Kind()) && t.Kind() <= reflect.Int64:
		return keyInt
	case isKeyKind(t.Kind()):
		return keyUint
	}
	return keyUnsupported
}

// methodsOf returns the methods encoding/json's newTypeEncoder finds for
// values of t, and for addressable values of t.
func methodsOf(t reflect.Type) (val, addr encMethod) {
	val = methodOf(t)
	addr = val
	if t.Kind() != reflect.Pointer {
		// A pointer receiver's MarshalJSON comes first for an addressable
		// value, then a value receiver's; then MarshalText the same way.
		// *T has T's methods, so the pointer's method set decides.
		addr = methodOf(reflect.PointerTo(t))
	}
	return val, addr
}

// methodOf returns what encoding/json calls on a value of t (a pointer
// type for an addressable value): MarshalJSON, then MarshalText. A type
// that implements Appender too is appended to directly, and time.Time's
// MarshalJSON is its AppendText, quoted.
func methodOf(t reflect.Type) encMethod {
	switch {
	case t.Implements(marshalerType):
		if t == timeType || t.Kind() == reflect.Pointer && t.Elem() == timeType {
			return encTime
		}
		if t.Implements(appenderType) {
			return encAppender
		}
		return encJSON
	case t.Implements(textMarshalerType):
		return encText
	}
	return encKind
}

// isDirect reports whether an interface holds a value of t in its data
// word itself (pointer-shaped types), which is what converting the zero
// value to an interface shows: a nil data word rather than a pointer to a
// zero copy.
func isDirect(t reflect.Type) bool {
	x := reflect.Zero(t).Interface()
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&x))[1] == nil
}

// structFields returns the fields of a struct plan, computing them on
// first use: they need the plans of their types, which may be p itself.
func (p *encPlan) structFields() []encField {
	p.once.Do(func() {
		list := typeFields(p.t)
		fields := make([]encField, len(list))
		for i := range list {
			f := &list[i]
			ef := &fields[i]
			t := p.t
			var off uintptr
			for k, x := range f.index {
				if t.Kind() == reflect.Pointer {
					ef.derefs = append(ef.derefs, off)
					off = 0
					t = t.Elem()
				}
				sf := t.Field(x)
				off += sf.Offset
				t = sf.Type
				if k == len(f.index)-1 {
					ef.isZero = zeroMethodOf(sf.Type)
				}
			}
			ef.offset = off
			ef.plan = encPlanFor(t)
			ef.omitEmpty, ef.omitZero, ef.quoted = f.omitEmpty, f.omitZero, f.quoted
			ef.name = `"` + f.name + `":`
			ef.nameHTML = `"` + string(appendHTMLEscape(nil, []byte(f.name))) + `":`
		}
		p.fields = fields
	})
	return p.fields
}

// zeroMethodOf returns how omitzero tests a field of type t.
func zeroMethodOf(t reflect.Type) zeroMethod {
	switch {
	case t.Kind() == reflect.Interface && t.Implements(isZeroerType):
		return zeroIface
	case t.Kind() == reflect.Pointer && t.Implements(isZeroerType):
		return zeroPtr
	case t.Implements(isZeroerType):
		return zeroVal
	case reflect.PointerTo(t).Implements(isZeroerType):
		return zeroAddr
	}
	return zeroReflect
}

// appendHTMLEscape appends src with <, >, & and U+2028 and U+2029
// escaped as \u003c, \u003e, \u0026, \u2028 and \u2029, as encoding/json
// escapes HTML in JSON text.
func appendHTMLEscape(dst, src []byte) []byte {
	start := 0
	for i, c := range src {
		if c == '<' || c == '>' || c == '&' {
			dst = append(dst, src[start:i]...)
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			start = i + 1
		}
		if c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8 {
			dst = append(dst, src[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[src[i+2]&0xF])
			start = i + 3
		}
	}
	return append(dst, src[start:]...)
}

const hexDigits = "0123456789abcdef"
