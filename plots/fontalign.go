package plots

import (
	"encoding/binary"
	"errors"
)

// realignTables returns a copy of the font or font collection data in
// which every table starts on a four-byte boundary, as the OpenType
// specification requires and golang.org/x/image/font/sfnt enforces.
// Some widely installed fonts, such as WenQuanYi Micro Hei and Zen Hei
// (Debian fonts-wqy-microhei, fonts-wqy-zenhei), have unaligned tables
// and are otherwise rejected with "sfnt: invalid table offset".
//
// Tables shared by several fonts of a collection stay shared. Checksums
// are copied unchanged (sfnt ignores them).
func realignTables(data []byte) ([]byte, error) {
	errBad := errors.New("malformed font directory")
	u16 := func(o int) (int, bool) {
		if o < 0 || o+2 > len(data) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(data[o:])), true
	}
	u32 := func(o int) (int, bool) {
		if o < 0 || o+4 > len(data) {
			return 0, false
		}
		return int(binary.BigEndian.Uint32(data[o:])), true
	}

	// Directory offsets of the fonts, and the size of the header before
	// the first directory.
	var dirs []int
	header := 0
	if len(data) >= 12 && string(data[:4]) == "ttcf" {
		n, ok := u32(8)
		if !ok || n <= 0 || n > 1024 {
			return nil, errBad
		}
		for i := range n {
			o, ok := u32(12 + 4*i)
			if !ok {
				return nil, errBad
			}
			dirs = append(dirs, o)
		}
		header = 12 + 4*n
	} else {
		dirs = []int{0}
	}

	out := make([]byte, header, len(data)+len(data)/8)
	copy(out, data[:header])
	// Directories first, then the tables.
	dirAt := make([]int, len(dirs))
	for i, d := range dirs {
		nt, ok := u16(d + 4)
		if !ok || d+12+16*nt > len(data) {
			return nil, errBad
		}
		dirAt[i] = len(out)
		out = append(out, data[d:d+12+16*nt]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		if header > 0 {
			binary.BigEndian.PutUint32(out[12+4*i:], uint32(dirAt[i]))
		}
	}
	moved := map[[2]int]int{} // (old offset, length) → new offset
	for i, d := range dirs {
		nt, _ := u16(d + 4)
		for j := range nt {
			rec := d + 12 + 16*j
			off, ok1 := u32(rec + 8)
			n, ok2 := u32(rec + 12)
			if !ok1 || !ok2 || off+n > len(data) {
				return nil, errBad
			}
			key := [2]int{off, n}
			at, seen := moved[key]
			if !seen {
				at = len(out)
				out = append(out, data[off:off+n]...)
				for len(out)%4 != 0 {
					out = append(out, 0)
				}
				moved[key] = at
			}
			binary.BigEndian.PutUint32(out[dirAt[i]+12+16*j+8:], uint32(at))
		}
	}
	return out, nil
}
