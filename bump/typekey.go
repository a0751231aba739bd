package bump

import (
	"reflect"
	"unsafe"
)

// typeKey returns a pointer that identifies T: the runtime type descriptor
// of *T, taken from the type word of an interface holding a nil *T.
// Converting a nil pointer to an interface does not allocate, so this costs
// one load. Descriptors are unique per type within a program (reflect
// relies on the same property), which makes the pointer a valid map key.
func typeKey[T any]() unsafe.Pointer {
	e := any((*T)(nil))
	// An empty interface is two words: the type, then the data.
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&e))[0]
}

// keyHash spreads type keys, which are 8-aligned addresses of runtime
// type descriptors, over the slots of a direct-mapped cache.
func keyHash(key unsafe.Pointer) uintptr {
	k := uintptr(key)
	return k>>3 ^ k>>9
}

// hasPointers reports whether values of t contain anything the garbage
// collector must trace.
func hasPointers(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return false
	case reflect.Array:
		return t.Len() > 0 && hasPointers(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if hasPointers(t.Field(i).Type) {
				return true
			}
		}
		return false
	default:
		// Pointer, UnsafePointer, String, Slice, Map, Interface, Func, Chan.
		return true
	}
}
