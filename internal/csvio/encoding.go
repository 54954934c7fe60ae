package csvio

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const iconvHint = "convert it to UTF-8 (in Excel: Save As \"CSV UTF-8\"; or iconv -f GB18030 -t UTF-8 file.csv > file-utf8.csv, naming the file's real encoding after -f)"

// toUTF8 returns the text of data as UTF-8, converting it when it is in
// another encoding that spreadsheets save CSV in. It accepts, in order:
//
//   - UTF-16 little or big endian with a byte order mark (Excel's "Unicode
//     text"): converted; an odd byte count or an unpaired surrogate is an
//     error;
//   - UTF-8 with a byte order mark: the mark is dropped, and the rest must
//     be valid UTF-8;
//   - valid UTF-8;
//   - invalid UTF-8 that passes looksGB18030 (Chinese Excel and WPS
//     exports, in GBK or GB18030): converted with a warning.
//
// Anything else is an InputError: a NUL byte (binary data, an Excel
// workbook, UTF-16 without a byte order mark) is ErrBinary, other invalid
// UTF-8 is ErrEncoding naming the line and byte column of the first bad
// byte. After a conversion, lines are the same as in the original file and
// columns count bytes of the UTF-8 text.
func toUTF8(name string, data []byte, opt Options) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return nil, &InputError{File: name, Err: fmt.Errorf("%w: UTF-32 text is not supported; save the file as \"CSV UTF-8\"", ErrEncoding)}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(name, data[2:], binary.LittleEndian)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(name, data[2:], binary.BigEndian)
	}
	declared := bytes.HasPrefix(data, []byte(bom))
	if declared {
		data = data[len(bom):]
	}
	if err := checkText(name, data); err != nil {
		return nil, err
	}
	if utf8.Valid(data) {
		return data, nil
	}
	if !declared && looksGB18030(data) {
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err == nil && !bytes.ContainsRune(out, utf8.RuneError) && !hasControl(out) {
			opt.Warnf("%s: converted from GB18030 to UTF-8 (%s)", name, firstNonASCII(out))
			return out, nil
		}
	}
	off := firstInvalidUTF8(data)
	line, col := position(data, off)
	return nil, &InputError{File: name, Line: line, Offset: col,
		Err: fmt.Errorf("%w: byte 0x%02x is not UTF-8, and the file is not GB18030 text either: %s", ErrEncoding, data[off], iconvHint)}
}

// checkText refuses data that is not text: files that contain a NUL byte,
// with a specific message for Excel workbooks and UTF-16 without a byte
// order mark.
func checkText(name string, data []byte) error {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return &InputError{File: name, Err: fmt.Errorf("%w: this is a ZIP archive, such as an Excel workbook (.xlsx); save the sheet as \"CSV UTF-8\"", ErrBinary)}
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return &InputError{File: name, Err: fmt.Errorf("%w: this is an old Excel workbook (.xls); save the sheet as \"CSV UTF-8\"", ErrBinary)}
	}
	i := bytes.IndexByte(data, 0)
	if i < 0 {
		return nil
	}
	if looksUTF16(data) {
		return &InputError{File: name, Err: fmt.Errorf("%w: this looks like UTF-16 text without a byte order mark; save it as \"CSV UTF-8\"", ErrBinary)}
	}
	line, col := position(data, i)
	return &InputError{File: name, Line: line, Offset: col, Err: fmt.Errorf("%w: it looks binary (it holds NUL bytes, the first here)", ErrBinary)}
}

// looksUTF16 reports whether data looks like ASCII-heavy UTF-16 without a
// byte order mark: at least half of the bytes at even or at odd offsets of
// the first 1,000 are NUL, and half of the bytes beside them are
// printable ASCII or line ends (an executable also has many NUL bytes).
func looksUTF16(data []byte) bool {
	data = data[:min(len(data), 1000)]
	var nul, text [2]int
	for i, c := range data {
		switch {
		case c == 0:
			nul[i%2]++
		case c >= ' ' && c < 0x7f || c == '\n' || c == '\r' || c == '\t':
			text[i%2]++
		}
	}
	half := len(data) / 2
	return len(data) >= 4 && (nul[0]*4 >= len(data) && text[1]*2 >= half || nul[1]*4 >= len(data) && text[0]*2 >= half)
}

// decodeUTF16 converts UTF-16 text without its byte order mark to UTF-8.
func decodeUTF16(name string, b []byte, order binary.ByteOrder) ([]byte, error) {
	if len(b)%2 != 0 {
		return nil, &InputError{File: name, Err: fmt.Errorf("%w: UTF-16 text with an odd number of bytes (%d); the file is cut short", ErrEncoding, len(b)+2)}
	}
	out := make([]byte, 0, len(b)/2+len(b)/4)
	for i := 0; i < len(b); i += 2 {
		r := rune(order.Uint16(b[i:]))
		if utf16.IsSurrogate(r) {
			r2 := utf8.RuneError
			if i+3 < len(b) {
				r2 = rune(order.Uint16(b[i+2:]))
			}
			if r = utf16.DecodeRune(r, r2); r == utf8.RuneError {
				line, col := position(out, len(out))
				return nil, &InputError{File: name, Line: line, Offset: col,
					Err: fmt.Errorf("%w: unpaired UTF-16 surrogate 0x%04x", ErrEncoding, order.Uint16(b[i:]))}
			}
			i += 2
		}
		out = utf8.AppendRune(out, r)
	}
	if err := checkText(name, out); err != nil {
		return nil, err
	}
	return out, nil
}

// looksGB18030 reports whether data, which is not valid UTF-8, should be
// read as GB18030. GB18030 gives a meaning to almost any byte sequence, so
// a decoding without errors proves little; the rule is:
//
//  1. every byte sequence is a well-formed GB18030 code (one, two or four
//     bytes);
//  2. there is no control character other than tab, line feed and
//     carriage return;
//  3. at least 90% of the non-ASCII characters are GB2312 double-byte
//     codes, both bytes in 0xA1–0xFE. That area holds the 6,763 common
//     simplified hanzi and the full-width and CJK punctuation, which make up
//     nearly all of a Chinese spreadsheet's text.
//
// Rule 3 turns away text in Latin-1 or Windows-1252 (an accented letter
// followed by an ASCII letter is a GBK code outside GB2312, and one followed
// by a comma, space or line end is ill-formed), Shift-JIS and Big5 (whose
// trail bytes are often below 0xA1), and UTF-8 with a corrupt byte (UTF-8
// continuation bytes 0x80–0xBF make trail bytes below 0xA1). Text in EUC-KR
// or EUC-JP can pass, since it uses the same byte area; such a file is
// misread, which is why the conversion is reported with a sample of the
// converted text.
func looksGB18030(data []byte) bool {
	var n, gb2312 int
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F {
				return false
			}
			i++
			continue
		}
		if c == 0x80 || c == 0xFF || i+1 >= len(data) {
			return false
		}
		n++
		switch c1 := data[i+1]; {
		case 0x30 <= c1 && c1 <= 0x39:
			if i+3 >= len(data) || data[i+2] < 0x81 || data[i+2] > 0xFE || data[i+3] < 0x30 || data[i+3] > 0x39 {
				return false
			}
			i += 4
		case (0x40 <= c1 && c1 <= 0x7E) || (0x80 <= c1 && c1 <= 0xFE):
			if c >= 0xA1 && c1 >= 0xA1 {
				gb2312++
			}
			i += 2
		default:
			return false
		}
	}
	return n > 0 && gb2312*10 >= n*9
}

// hasControl reports whether UTF-8 text holds a control character other
// than tab, line feed and carriage return.
func hasControl(b []byte) bool {
	for _, r := range string(b) {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return true
		}
	}
	return false
}

// firstNonASCII describes the first run of non-ASCII text of b, up to 12
// characters, with its line, so that a user can see whether a conversion
// read the file right.
func firstNonASCII(b []byte) string {
	i := bytes.IndexFunc(b, func(r rune) bool { return r >= utf8.RuneSelf })
	if i < 0 {
		return "no Chinese text"
	}
	line, _ := position(b, i)
	run := b[i:]
	if j := bytes.IndexFunc(run, func(r rune) bool { return r < utf8.RuneSelf }); j >= 0 {
		run = run[:j]
	}
	if rs := []rune(string(run)); len(rs) > 12 {
		run = []byte(string(rs[:12]))
	}
	return fmt.Sprintf("line %d reads %q", line, run)
}

// firstInvalidUTF8 returns the offset of the first byte of b that is not
// part of a valid UTF-8 sequence, or len(b).
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// position returns the 1-based line and byte column of offset off of b.
// Lines end at "\n", or at "\r" in a file without "\n" (classic Mac OS).
func position(b []byte, off int) (line, col int) {
	eol := byte('\n')
	if bytes.IndexByte(b, '\n') < 0 {
		eol = '\r'
	}
	head := b[:off]
	start := bytes.LastIndexByte(head, eol) + 1
	return bytes.Count(head, []byte{eol}) + 1, off - start + 1
}
