package jsontree

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
)

// ReadFile returns the contents of the named file, decompressed if they
// start with the gzip magic number, so that callers can take JSON either
// plain or gzipped.
func ReadFile(name string) ([]byte, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}
