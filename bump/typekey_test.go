package bump

import (
	"reflect"
	"testing"
	"unsafe"
)

// typeKey reads the type word of an interface, a layout reflect also
// relies on but the language does not promise. This test pins it: distinct
// types give distinct keys, one type gives one key, and neither depends on
// how the generic code was instantiated (pointer types share one GC shape,
// and so one instantiation, whose dictionary supplies the type).

type (
	//lint:ignore U1000 the field gives the type its layout
	keyA struct{ x int }
	//lint:ignore U1000 same layout as keyA, distinct type
	keyB              struct{ x int }
	keyPtrA           *keyA
	keyInt            int
	keyPair[K, V any] struct {
		//lint:ignore U1000 the fields give the type its layout
		k K
		//lint:ignore U1000 the fields give the type its layout
		v V
	}
	keyAlias = keyA
)

type keyCase struct {
	typ reflect.Type
	key unsafe.Pointer
}

func caseOf[T any]() keyCase { return keyCase{reflect.TypeFor[T](), typeKey[T]()} }

// viaShape reaches typeKey through another generic function, so that T is
// known only from the caller's dictionary.
func viaShape[T any]() keyCase { return caseOf[T]() }

// viaSlice instantiates typeKey for a type built from T inside generic code.
func viaSlice[T any]() keyCase { return caseOf[[]T]() }

func TestTypeKeyMatchesReflect(t *testing.T) {
	distinct := []keyCase{
		caseOf[int](), caseOf[keyInt](), caseOf[int64](), caseOf[uint](), caseOf[string](),
		caseOf[keyA](), caseOf[keyB](), caseOf[*keyA](), caseOf[*keyB](), caseOf[keyPtrA](),
		caseOf[**keyA](), caseOf[[]keyA](), caseOf[[2]keyA](), caseOf[[3]keyA](),
		caseOf[map[string]int](), caseOf[map[string]int64](), caseOf[func()](), caseOf[func(int)](),
		caseOf[chan int](), caseOf[<-chan int](), caseOf[any](), caseOf[error](),
		caseOf[struct{ x int }](), caseOf[struct{ y int }](), caseOf[struct{}](), caseOf[[0]int](),
		caseOf[keyPair[int, string]](), caseOf[keyPair[string, int]](), caseOf[keyPair[*int, *string]](),
		caseOf[keyPair[*string, *int]](), caseOf[*keyPair[int, int]](), caseOf[unsafe.Pointer](),
		viaShape[*int](), viaShape[*string](), viaShape[keyPair[int, int]](),
		viaSlice[*int](), viaSlice[*string](), viaSlice[keyInt](),
	}
	// The same types again, through other paths: they must give the keys
	// above.
	again := []keyCase{
		viaShape[int](), viaShape[keyA](), viaShape[*keyA](), viaShape[keyAlias](), caseOf[keyAlias](),
		viaSlice[keyA](), viaShape[[]*int](), viaShape[keyPair[string, int]](),
	}
	byType := map[reflect.Type]unsafe.Pointer{}
	byKey := map[unsafe.Pointer]reflect.Type{}
	for _, c := range append(distinct, again...) {
		if c.key == nil {
			t.Fatalf("typeKey[%v] is nil", c.typ)
		}
		if k, ok := byType[c.typ]; ok && k != c.key {
			t.Errorf("%v has two keys: %p and %p", c.typ, k, c.key)
		}
		if typ, ok := byKey[c.key]; ok && typ != c.typ {
			t.Errorf("%v and %v share the key %p", typ, c.typ, c.key)
		}
		byType[c.typ], byKey[c.key] = c.key, c.typ
	}
	if len(byType) != len(distinct) {
		t.Fatalf("%d distinct types, want %d: the table repeats a type", len(byType), len(distinct))
	}
	// The key is the descriptor of *T that reflect uses: a reflect.Type
	// is an interface whose data word points to that descriptor.
	for typ, key := range byType {
		ptr := reflect.PointerTo(typ)
		if desc := (*[2]unsafe.Pointer)(unsafe.Pointer(&ptr))[1]; desc != key {
			t.Errorf("typeKey[%v] = %p, reflect's descriptor of %v is %p", typ, key, ptr, desc)
		}
	}
}
