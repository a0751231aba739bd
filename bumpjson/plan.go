package bumpjson

import (
	"encoding"
	"encoding/json"
	"reflect"
	"sync"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
)

// kind is how a plan decodes: a reflect.Kind folded to what decoding
// distinguishes.
type kind uint8

const (
	kOther kind = iota // channels, funcs, complex numbers, unsafe pointers: type errors
	kBool
	kInt
	kUint
	kFloat
	kString
	kSlice
	kArray
	kStruct
	kMap
	kPointer
	kInterface
)

// A plan is what decoding needs to know about a type, computed once with
// reflect and cached, so that decoding itself reflects only for maps,
// interfaces holding pointers, and the methods of the user's types.
type plan struct {
	t      reflect.Type
	kind   kind
	size   uintptr
	bits   int  // ints, uints and floats: the size in bits
	named  bool // a named non-pointer type: encoding/json looks at its pointer's methods
	u, tu  bool // the methods encoding/json finds at this type's stage (see indirect)
	raw    bool // json.RawMessage, whose UnmarshalJSON this package does in the arena
	number bool // json.Number
	bytes  bool // a slice of a uint8 kind: a JSON string decodes as base64
	// pinned is set for a type that holds, not behind a pointer, a value
	// that decodes itself into an allocator (a bumpkit container): such
	// values record their address and must not be moved once decoded, so
	// that a slice of them is allocated at its final size.
	pinned bool
	empty  bool // an interface with no methods
	elem   *plan
	key    reflect.Type // map key
	keyTU  bool         // map key decoded by its pointer's UnmarshalText
	// layout allocates values of t from an Allocator.
	layout bump.Layout
	fields structFields
	once   sync.Once // builds fields, for a struct, on first use
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	rawMessageType      = reflect.TypeFor[json.RawMessage]()
	numberType          = reflect.TypeFor[json.Number]()
)

var plans sync.Map // reflect.Type -> *plan

// planFor returns the plan of t.
func planFor(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	return buildPlan(t, map[reflect.Type]*plan{})
}

// buildPlan makes the plan of t and of the types it contains. building
// holds the plans under construction, for recursive types.
func buildPlan(t reflect.Type, building map[reflect.Type]*plan) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	if p := building[t]; p != nil {
		return p
	}
	p := &plan{t: t, size: t.Size(), layout: layoutFor(t)}
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
		p.bytes = t.Elem().Kind() == reflect.Uint8
		p.elem = buildPlan(t.Elem(), building)
	case reflect.Array:
		p.kind = kArray
		p.elem = buildPlan(t.Elem(), building)
	case reflect.Struct:
		p.kind = kStruct
	case reflect.Map:
		p.kind = kMap
		p.key = t.Key()
		p.keyTU = reflect.PointerTo(t.Key()).Implements(textUnmarshalerType)
		p.elem = buildPlan(t.Elem(), building)
	case reflect.Pointer:
		p.kind = kPointer
		p.elem = buildPlan(t.Elem(), building)
	case reflect.Interface:
		p.kind = kInterface
		p.empty = t.NumMethod() == 0
	}
	// The methods encoding/json's indirect finds: a named non-pointer type
	// is first addressed, and its pointer's methods count; a pointer's own
	// methods count when it is followed.
	switch {
	case t.Kind() != reflect.Pointer && t.Name() != "":
		p.named = true
		pt := reflect.PointerTo(t)
		p.u = pt.Implements(unmarshalerType)
		p.tu = !p.u && pt.Implements(textUnmarshalerType)
		p.raw = t == rawMessageType
	case t.Kind() == reflect.Pointer:
		p.u = t.Implements(unmarshalerType)
		p.tu = !p.u && t.Implements(textUnmarshalerType)
	}
	p.pinned = isPinned(t, map[reflect.Type]bool{})
	plans.LoadOrStore(t, p)
	return p
}

var unmarshalerInType = reflect.TypeFor[Unmarshaler]()

// isPinned reports whether values of t hold, other than behind a
// pointer, a value whose pointer implements Unmarshaler.
func isPinned(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if reflect.PointerTo(t).Implements(unmarshalerInType) {
		return true
	}
	switch t.Kind() {
	case reflect.Array:
		return isPinned(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if isPinned(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

// structFields returns p's fields, computing them on first use: a struct's
// fields need the plans of its field types, which may be p itself.
func (p *plan) structFields() *structFields {
	p.once.Do(func() {
		list := typeFields(p.t)
		sf := structFields{
			list:    list,
			byExact: make(map[string]*field, len(list)),
			byFold:  make(map[string]*field, len(list)),
		}
		for i := range list {
			f := &sf.list[i]
			t := p.t
			for k, x := range f.index {
				if t.Kind() == reflect.Pointer {
					t = t.Elem()
				}
				ft := t.Field(x)
				step := fieldStep{offset: ft.Offset}
				if k < len(f.index)-1 {
					f.names = append(f.names, ft.Name)
					if ft.Type.Kind() == reflect.Pointer {
						step.deref = planFor(ft.Type)
						step.unexported = !ft.IsExported()
					}
				}
				f.path = append(f.path, step)
				t = ft.Type
			}
			f.plan = planFor(t)
			sf.byExact[f.name] = f
			folded := string(appendFolded(nil, []byte(f.name)))
			if _, ok := sf.byFold[folded]; !ok {
				sf.byFold[folded] = f
			}
		}
		p.fields = sf
	})
	return &p.fields
}

// layoutFor returns the Layout values of t are allocated with: the
// generic Layout for the types decoding itself makes (so that their
// values share storage with the containers'), LayoutFor otherwise.
func layoutFor(t reflect.Type) bump.Layout {
	switch t {
	case reflect.TypeFor[string]():
		return bump.LayoutOf[string]()
	case reflect.TypeFor[any]():
		return bump.LayoutOf[any]()
	case reflect.TypeFor[float64]():
		return bump.LayoutOf[float64]()
	case reflect.TypeFor[byte]():
		return bump.LayoutOf[byte]()
	}
	return bump.LayoutFor(t)
}

// sliceHeader is the layout of every slice. Storing through its data
// field is a typed pointer store, with the write barrier the garbage
// collector needs.
type sliceHeader struct {
	data unsafe.Pointer
	len  int
	cap  int
}
