package jsontree_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/jsontree"
	"github.com/stretchr/testify/require"
)

var nodeAPI = filepath.Join("..", "..", "..", "testdata", "node-api.json.gz")

// toAny converts a tree to the value encoding/json decodes into an any.
func toAny(n *jsontree.Node) any {
	switch n.Kind {
	case jsontree.Null:
		return nil
	case jsontree.False:
		return false
	case jsontree.True:
		return true
	case jsontree.Number:
		return n.Num
	case jsontree.String:
		return n.Str
	case jsontree.Array:
		a := make([]any, len(n.Children))
		for i := range n.Children {
			a[i] = toAny(&n.Children[i])
		}
		return a
	case jsontree.Object:
		m := make(map[string]any, len(n.Children))
		for i := range n.Children {
			m[n.Children[i].Key] = toAny(&n.Children[i])
		}
		return m
	}
	panic(fmt.Sprintf("bad kind %v", n.Kind))
}

func stdDecode(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(data, &v))
	return v
}

// wrapped hides the *bump.Bump inside it, so that the decoder takes the
// path of an arbitrary bump.Allocator.
type wrapped struct{ bump.Allocator }

// allocators returns the allocators under test, fresh for each call: the
// decoder has a path of its own for nil (the Go heap), for a *bump.Bump,
// and for any other bump.Allocator.
func allocators() map[string]bump.Allocator {
	return map[string]bump.Allocator{
		"nil":       nil,
		"bump.Heap": bump.Heap{},
		"arena":     new(bump.Bump),
		"wrapped":   wrapped{new(bump.Bump)},
	}
}

// decoders returns a decode function per allocator of allocators.
func decoders() map[string]func([]byte) (jsontree.Node, error) {
	out := map[string]func([]byte) (jsontree.Node, error){}
	for name, a := range allocators() {
		out[name] = func(data []byte) (jsontree.Node, error) { return jsontree.Decode(a, data) }
	}
	return out
}

func TestDecodeValid(t *testing.T) {
	docs := []string{
		`null`, `true`, `false`, `0`, `-0.5`, `1e3`, `-12.5E-2`,
		`""`, `"plain"`, `"esc \" \\ \/ \b \f \n \r \t"`, `"\u00e9\u4e2d"`,
		`"\ud83d\ude00 pair"`, `"\ud83d lone high"`, `"\ude00 lone low"`, `"\ud83d\ud83d\ude00"`,
		`"héllo, 世界"`, `[]`, `{}`, ` [1, "two", [3], {"four": 4}] `,
		`{"a": {"b": {"c": [true, false, null]}}, "d": ""}`,
		"[\n\t1 ,\r\n2\n]",
	}
	for name, decode := range decoders() {
		for _, doc := range docs {
			t.Run(name+"/"+doc, func(t *testing.T) {
				n, err := decode([]byte(doc))
				require.NoError(t, err)
				require.Equal(t, stdDecode(t, []byte(doc)), toAny(&n))
			})
		}
	}
}

func TestDecodeInvalid(t *testing.T) {
	docs := []string{
		``, ` `, `nul`, `tru`, `[1,]`, `[1 2]`, `{"a" 1}`, `{"a":1,}`, `{1:2}`,
		`"unterminated`, `"bad \x escape"`, `"\u12"`, `"\u12zz"`, "\"ctl \x01\"",
		`01`, `-`, `1.`, `1e`, `.5`, `+1`, `[1] [2]`, `{"a":1}}`, `[`, `{`, `{"a":`,
	}
	for name, decode := range decoders() {
		for _, doc := range docs {
			t.Run(name+"/"+doc, func(t *testing.T) {
				require.False(t, json.Valid([]byte(doc)), "test case must be invalid JSON")
				_, err := decode([]byte(doc))
				require.ErrorIs(t, err, jsontree.ErrSyntax)
			})
		}
	}
}

func TestDecodeOutOfRange(t *testing.T) {
	n, err := jsontree.Decode(nil, []byte(`[1e400, -1e400]`))
	require.NoError(t, err)
	require.True(t, math.IsInf(n.Children[0].Num, 1))
	require.True(t, math.IsInf(n.Children[1].Num, -1))
}

func TestDecodeMaxDepth(t *testing.T) {
	deep := make([]byte, 0, 2*(jsontree.MaxDepth+1))
	for range jsontree.MaxDepth + 1 {
		deep = append(deep, '[')
	}
	for range jsontree.MaxDepth + 1 {
		deep = append(deep, ']')
	}
	_, err := jsontree.Decode(nil, deep)
	require.ErrorIs(t, err, jsontree.ErrSyntax)
	_, err = jsontree.Decode(nil, deep[1:len(deep)-1])
	require.NoError(t, err)
}

// TestDecodeNodeAPI decodes the real document with both allocators and
// checks them against encoding/json, the arena tree after several
// garbage collections: its nodes and strings are referenced only from
// arena memory.
func TestDecodeNodeAPI(t *testing.T) {
	data, err := jsontree.ReadFile(nodeAPI)
	require.NoError(t, err)
	want := stdDecode(t, data)

	heapTree, err := jsontree.Decode(nil, data)
	require.NoError(t, err)
	require.Equal(t, want, toAny(&heapTree))

	var b, w bump.Bump
	arenaTree, err := jsontree.Decode(&b, data)
	require.NoError(t, err)
	wrappedTree, err := jsontree.Decode(wrapped{&w}, data)
	require.NoError(t, err)
	for range 3 {
		runtime.GC()
	}
	require.Equal(t, want, toAny(&arenaTree))
	require.Equal(t, want, toAny(&wrappedTree))
	require.Greater(t, b.AllocatedBytes(), len(data)/4, "the tree lives in the arena")
	require.Greater(t, w.AllocatedBytes(), len(data)/4, "the tree lives in the wrapped arena")
}

// TestDecodeAllocationLimit checks that the allocator's error comes back
// from Decode, with its identity, and leaves the decoder usable.
func TestDecodeAllocationLimit(t *testing.T) {
	doc := []byte(`{"name": "a string that needs storage", "list": [1, 2, 3, {"k": "v"}]}`)
	for name, wrap := range map[string]func(*bump.Bump) bump.Allocator{
		"arena":   func(b *bump.Bump) bump.Allocator { return b },
		"wrapped": func(b *bump.Bump) bump.Allocator { return wrapped{b} },
	} {
		t.Run(name, func(t *testing.T) {
			var b bump.Bump
			b.SetAllocationLimit(1)
			d := jsontree.NewDecoder(wrap(&b))
			_, err := d.Decode(doc)
			require.ErrorIs(t, err, bump.ErrAllocationLimit)
			require.NotErrorIs(t, err, jsontree.ErrSyntax)
			require.ErrorContains(t, err, "jsontree: at offset ")

			b.SetAllocationLimit(-1)
			n, err := d.Decode(doc)
			require.NoError(t, err)
			require.Equal(t, stdDecode(t, doc), toAny(&n))
		})
	}
}

func TestDecoderReuse(t *testing.T) {
	var b bump.Bump
	d := jsontree.NewDecoder(&b)
	for i := range 3 {
		doc := fmt.Sprintf(`{"round": %d, "items": [1, 2, {"x": "y"}]}`, i)
		n, err := d.Decode([]byte(doc))
		require.NoError(t, err)
		require.Equal(t, stdDecode(t, []byte(doc)), toAny(&n))
		b.Reset()
	}
	// A failed decode leaves the decoder usable.
	_, err := d.Decode([]byte(`[1, [2, [3,`))
	require.Error(t, err)
	n, err := d.Decode([]byte(`[4]`))
	require.NoError(t, err)
	require.Equal(t, []any{4.0}, toAny(&n))
}

func TestNodeGetAll(t *testing.T) {
	n, err := jsontree.Decode(nil, []byte(`{"a": [1, 2], "b": {"c": "d"}, "a": 3}`))
	require.NoError(t, err)
	require.Equal(t, jsontree.Array, n.Get("a").Kind, "Get returns the first duplicate")
	require.Equal(t, "d", n.Get("b").Get("c").Str)
	require.Nil(t, n.Get("missing"))
	require.Nil(t, n.Get("a").Get("x"), "Get on a non-object")

	var kinds []jsontree.Kind
	for m := range n.All() {
		kinds = append(kinds, m.Kind)
		if m.Kind == jsontree.Object && m.Key == "b" {
			break
		}
	}
	require.Equal(t, []jsontree.Kind{jsontree.Object, jsontree.Array, jsontree.Number, jsontree.Number, jsontree.Object}, kinds)
}

func TestKindString(t *testing.T) {
	require.Equal(t, "object", jsontree.Object.String())
	require.Equal(t, "Kind(42)", jsontree.Kind(42).String())
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.json")
	require.NoError(t, os.WriteFile(plain, []byte(`[1]`), 0o644))
	data, err := jsontree.ReadFile(plain)
	require.NoError(t, err)
	require.Equal(t, `[1]`, string(data))

	_, err = jsontree.ReadFile(filepath.Join(dir, "missing"))
	require.True(t, errors.Is(err, os.ErrNotExist))
}
