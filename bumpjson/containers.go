package bumpjson

import (
	"encoding/json"
	"reflect"
	"strconv"
	"unsafe"

	"github.com/bumpkit/bumpkit/bump"
)

// Unmarshaler is implemented by types that can decode themselves into an
// allocator, such as bumpkit's containers. Where encoding/json would call
// UnmarshalJSON, bumpjson calls UnmarshalJSONIn with the allocator
// decoding uses (the Go heap inside a Go map), so that a container in a
// decoded struct puts its elements in the same arena as the struct, even
// a zero container that has no allocator of its own yet. data is one
// valid JSON value; the method must copy what it keeps of it.
type Unmarshaler interface {
	UnmarshalJSONIn(a bump.Allocator, data []byte) error
}

// UnmarshalSlice decodes the JSON array data as json.Unmarshal decodes it
// into a []T, with the slice's storage, and what its elements need, from
// a (the Go heap if a is nil): for containers that replace slices. null
// gives a nil slice and no error. On error it returns nil and
// json.Unmarshal's error; what it allocated stays in a.
func UnmarshalSlice[T any](a bump.Allocator, data []byte) ([]T, error) {
	// The slice's header is allocated from a too: decoding into a local
	// would move it to the Go heap.
	tmp, err := bump.AllocateSlice[[]T](a, 1)
	if err != nil {
		return nil, err
	}
	err = Unmarshal(a, data, &tmp[0])
	s := tmp[0]
	tmp[0] = nil
	bump.FreeSlice(a, tmp)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// UnmarshalEntries decodes the JSON object data as json.Unmarshal decodes
// it into a map[K]V, but into two slices, the keys and the values of the
// object's members in order (a repeated key repeats), with their storage
// and the values' from a, for containers that replace Go maps. null gives
// nil slices and no error. On error (the same as json.Unmarshal's into a
// map[K]V) it returns nil slices; what it allocated stays in a.
func UnmarshalEntries[K comparable, V any](a bump.Allocator, data []byte) (keys []K, vals []V, err error) {
	if !valid(data) {
		return nil, nil, syntaxError(data)
	}
	i := skipSpace(data, 0)
	kt := reflect.TypeFor[K]()
	keyPlan := planFor(reflect.TypeFor[map[K]V]())
	switch data[i] {
	case 'n':
		return nil, nil, nil
	case '{':
		if keyPlan.keyTU || isKeyKind(kt.Kind()) {
			break
		}
		fallthrough
	default:
		// Not an object, or keys no JSON object has: encoding/json's own
		// error, made on the heap (it is an error path).
		var m map[K]V
		return nil, nil, json.Unmarshal(data, &m)
	}
	d := newDecodeState(a)
	defer d.free()
	d.data = data
	kp, vp := planFor(reflect.TypeFor[[]K]()), planFor(reflect.TypeFor[[]V]())
	var kh, vh sliceHeader
	var kOwned, vOwned bool
	i = skipSpace(data, i+1)
	for data[i] != '}' {
		start := i
		end, _ := stringEnd(data, i)
		item := data[i:end]
		i = skipSpace(data, end)
		i = skipSpace(data, i+1) // ':'
		if vh.len == vh.cap {
			if err := d.grow(vp, &vh, &vOwned); err != nil {
				return nil, nil, err
			}
		}
		if i, err = d.value(vp.elem, unsafe.Add(vh.data, uintptr(vh.len)*vp.elem.size), i, true); err != nil {
			return nil, nil, d.addErrorContext(err)
		}
		if kh.len == kh.cap {
			if err := d.grow(kp, &kh, &kOwned); err != nil {
				return nil, nil, err
			}
		}
		ok, err := d.mapKey(keyPlan, unsafe.Add(kh.data, uintptr(kh.len)*kp.elem.size), item, start)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			kh.len++
			vh.len++
		} else {
			typedClear(vp.elem, unsafe.Add(vh.data, uintptr(vh.len)*vp.elem.size))
		}
		i = skipSpace(data, i)
		if data[i] == ',' {
			i = skipSpace(data, i+1)
		}
	}
	if d.savedError != nil {
		return nil, nil, d.savedError
	}
	keys = *(*[]K)(unsafe.Pointer(&kh))
	vals = *(*[]V)(unsafe.Pointer(&vh))
	if keys == nil {
		keys, vals = []K{}, []V{}
	}
	return keys, vals, nil
}

func isKeyKind(k reflect.Kind) bool {
	switch k {
	case reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true
	}
	return false
}

// mapKey stores at p the key of the map type of mp that the quoted member
// name item decodes to, as encoding/json decodes map keys, and reports
// whether it did; a key that does not fit its type is a saved type error.
func (d *decodeState) mapKey(mp *plan, p unsafe.Pointer, item []byte, start int) (bool, error) {
	kt := mp.key
	kv := reflect.NewAt(kt, p)
	if mp.keyTU {
		if kv.Type().Implements(unmarshalerType) {
			return true, kv.Interface().(json.Unmarshaler).UnmarshalJSON(item)
		}
		key, _ := d.unquote(item)
		return true, kv.Interface().(interface{ UnmarshalText([]byte) error }).UnmarshalText(key)
	}
	key, _ := d.unquote(item)
	s := unsafe.String(unsafe.SliceData(key), len(key)) // only parsed here
	switch kt.Kind() {
	case reflect.String:
		str, err := d.makeString(key)
		if err != nil {
			return false, err
		}
		kv.Elem().SetString(str)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || kt.OverflowInt(n) {
			d.typeError("number "+string(key), kt, start+1)
			return false, nil
		}
		kv.Elem().SetInt(n)
	default:
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil || kt.OverflowUint(n) {
			d.typeError("number "+string(key), kt, start+1)
			return false, nil
		}
		kv.Elem().SetUint(n)
	}
	return true, nil
}

// callIn calls recv's UnmarshalJSONIn, if it has one, with the allocator
// decoding uses.
func (d *decodeState) callIn(recv any, item []byte) (bool, error) {
	if u, ok := recv.(Unmarshaler); ok {
		return true, u.UnmarshalJSONIn(d.allocator(), item)
	}
	return false, nil
}
