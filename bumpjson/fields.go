package bumpjson

import (
	"cmp"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A field is a JSON object member a struct decodes: encoding/json's
// field, with what decoding needs to reach it without reflect.
type field struct {
	name   string
	tag    bool // the name came from a json tag
	index  []int
	quoted bool // the ",string" option applies
	// omitEmpty and omitZero are the options of the same names, which
	// only encoding looks at.
	omitEmpty, omitZero bool
	// path reaches the field from the struct: one step per embedded
	// struct on the way, then the field itself.
	path []fieldStep
	// names are the Go names of the embedded fields on the way, which
	// encoding/json puts in an UnmarshalTypeError's Field.
	names []string
	plan  *plan // the field's declared type
}

// A fieldStep is a field offset within the current struct; if deref is
// set, the field is a pointer to the next struct, allocated from the
// decoding's allocator when nil.
type fieldStep struct {
	offset uintptr
	deref  *plan // the embedded pointer's plan, or nil
	// unexported is set for an embedded pointer to an unexported struct
	// type, which reflect cannot set: encoding/json reports an error
	// when it is nil.
	unexported bool
}

// structFields is a struct's fields, found by exact name and then by
// encoding/json's case folding.
type structFields struct {
	list    []field
	byExact map[string]*field
	byFold  map[string]*field
}

// typeFields returns the fields encoding/json decodes for the struct type
// t: the exported fields, those of embedded structs promoted by Go's
// rules modified by json tags, named by their tags.
func typeFields(t reflect.Type) []field {
	current := []field{}
	next := []field{{index: nil}}
	nextTypes := []reflect.Type{t}
	var count, nextCount map[reflect.Type]int
	visited := map[reflect.Type]bool{}
	var fields []field

	for len(next) > 0 {
		current, next = next, current[:0]
		currentTypes := nextTypes
		nextTypes = nil
		count, nextCount = nextCount, map[reflect.Type]int{}

		for k, f := range current {
			ftyp := currentTypes[k]
			if visited[ftyp] {
				continue
			}
			visited[ftyp] = true
			for i := 0; i < ftyp.NumField(); i++ {
				sf := ftyp.Field(i)
				if sf.Anonymous {
					t := sf.Type
					if t.Kind() == reflect.Pointer {
						t = t.Elem()
					}
					if !sf.IsExported() && t.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !isValidTag(name) {
					name = ""
				}
				index := make([]int, len(f.index)+1)
				copy(index, f.index)
				index[len(f.index)] = i

				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				quoted := false
				if hasOption(opts, "string") {
					switch ft.Kind() {
					case reflect.Bool,
						reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
						reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
						reflect.Float32, reflect.Float64,
						reflect.String:
						quoted = true
					}
				}
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					tagged := name != ""
					if name == "" {
						name = sf.Name
					}
					fields = append(fields, field{name: name, tag: tagged, index: index, quoted: quoted,
						omitEmpty: hasOption(opts, "omitempty"), omitZero: hasOption(opts, "omitzero")})
					if count[ftyp] > 1 {
						fields = append(fields, fields[len(fields)-1])
					}
					continue
				}
				nextCount[ft]++
				if nextCount[ft] == 1 {
					next = append(next, field{name: ft.Name(), index: index})
					nextTypes = append(nextTypes, ft)
				}
			}
		}
	}

	slices.SortFunc(fields, func(a, b field) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := cmp.Compare(len(a.index), len(b.index)); c != 0 {
			return c
		}
		if a.tag != b.tag {
			if a.tag {
				return -1
			}
			return +1
		}
		return slices.Compare(a.index, b.index)
	})
	out := fields[:0]
	for advance, i := 0, 0; i < len(fields); i += advance {
		fi := fields[i]
		for advance = 1; i+advance < len(fields); advance++ {
			if fields[i+advance].name != fi.name {
				break
			}
		}
		if advance == 1 {
			out = append(out, fi)
			continue
		}
		// Two fields at the top of the sorted run with the same depth and
		// the same tagging cancel each other out.
		dom := fields[i : i+advance]
		if len(dom[0].index) == len(dom[1].index) && dom[0].tag == dom[1].tag {
			continue
		}
		out = append(out, dom[0])
	}
	fields = out
	slices.SortFunc(fields, func(a, b field) int { return slices.Compare(a.index, b.index) })
	return fields
}

func hasOption(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}

func isValidTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// appendFolded appends to out the name in folded form: two names match
// case-insensitively for encoding/json exactly when their folded forms
// are equal.
func appendFolded(out, in []byte) []byte {
	for i := 0; i < len(in); {
		if c := in[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			out = append(out, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(in[i:])
		out = utf8.AppendRune(out, foldRune(r))
		i += n
	}
	return out
}

// foldRune returns the smallest rune of r's case-folding orbit.
func foldRune(r rune) rune {
	for {
		r2 := unicode.SimpleFold(r)
		if r2 <= r {
			return r2
		}
		r = r2
	}
}
