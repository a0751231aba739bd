package vec_test

import (
	"fmt"
	"testing"

	"github.com/bumpkit/bumpkit/vec"
	"github.com/stretchr/testify/require"
)

type celsius float64

type pair struct {
	K string
	V *int
}

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

// TestFormatLikeSlice checks that a Vec prints as the slice of its
// elements does, for every verb and flag.
func TestFormatLikeSlice(t *testing.T) {
	formats := []string{"%v", "%+v", "%#v", "%s", "%d", "%q", "%x", "%X", "%08.3f", "%-5d|", "%5v", "%t", "%e", "%c", "%U", "%o", "%b", "%10.2v"}
	one := 1
	slices := []any{
		[]int{1, -2, 300},
		[]string{"a", "b c", "\"q\""},
		[]float64{1.5, -0.25},
		[]byte("hi"),
		[]rune("hé"),
		[]bool{true, false},
		[]pair{{"k", &one}, {"z", nil}},
		[]celsius{21.5},
		[]error{nil, fmt.Errorf("boom")},
		[]int{},
		[]int(nil),
	}
	for _, s := range slices {
		v := fromAny(s)
		for _, f := range formats {
			require.Equal(t, fmt.Sprintf(f, s), fmt.Sprintf(f, v), "format %s of %#v", f, s)
		}
		require.Equal(t, fmt.Sprint(s), fmt.Sprint(v))
		require.Equal(t, fmt.Sprintln(s), fmt.Sprintln(v))
	}
}

// fromAny returns a Vec holding the elements of s, one of the slice types
// of TestFormatLikeSlice; a nil s gives a Vec with no storage.
func fromAny(s any) any {
	switch s := s.(type) {
	case []int:
		if s == nil {
			return (*vec.Vec[int])(nil)
		}
		return vec.From(nil, s)
	case []string:
		return vec.From(nil, s)
	case []float64:
		return vec.From(nil, s)
	case []byte:
		return vec.From(nil, s)
	case []rune:
		return vec.From(nil, s)
	case []bool:
		return vec.From(nil, s)
	case []celsius:
		return vec.From(nil, s)
	case []error:
		return vec.From(nil, s)
	case []pair:
		return vec.From(nil, s)
	}
	panic(fmt.Sprintf("fromAny: %T", s))
}

func TestFormatNil(t *testing.T) {
	var v *vec.Vec[int]
	var s []int
	for _, f := range []string{"%v", "%#v", "%d", "%+v", "%s", "%q"} {
		require.Equal(t, fmt.Sprintf(f, s), fmt.Sprintf(f, v), f)
	}
	require.Equal(t, "[]", v.String())
	// An empty Vec prints as an empty slice, with or without storage.
	w := vec.From(nil, []int{1})
	w.Clear()
	require.Equal(t, "[]int{}", fmt.Sprintf("%#v", w))
	w.Clip()
	require.Equal(t, "[]int{}", fmt.Sprintf("%#v", w))
	var zero vec.Vec[int]
	require.Equal(t, "[]int{}", fmt.Sprintf("%#v", &zero))
}
