package str_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/bumpkit/bumpkit/str"
	"github.com/stretchr/testify/require"
)

// TestNilReadsEmpty checks that a nil *String reads like an empty one, as
// len of a nil slice is 0.
func TestNilReadsEmpty(t *testing.T) {
	var s *str.String
	require.Equal(t, 0, s.Len())
	require.Equal(t, 0, s.Cap())
	require.Equal(t, "", s.String())
	require.Nil(t, s.Bytes())
	require.Nil(t, s.Allocator())
	require.True(t, s.IsBoundary(0))
	require.False(t, s.IsBoundary(1))
	require.Equal(t, "[]", fmt.Sprintf("[%s]", s))
	require.Equal(t, `""`, fmt.Sprintf("%q", s))
	b, err := s.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, `""`, string(b))
	b, err = s.MarshalText()
	require.NoError(t, err)
	require.Empty(t, b)
	b, err = s.AppendText([]byte("x"))
	require.NoError(t, err)
	require.Equal(t, "x", string(b))

	// encoding/json itself writes null for a nil pointer field.
	out, err := json.Marshal(struct{ S *str.String }{})
	require.NoError(t, err)
	require.Equal(t, `{"S":null}`, string(out))
}
