package network

import (
	"bytes"
	"encoding/binary"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/ecosys-sna/ecosys/datasets"
)

// encode returns s in the encoding e, failing the test if e cannot encode it.
func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q: %v", s, err)
	}
	return b
}

// toUTF16 returns s as UTF-16 in the byte order o, after a byte order mark.
func toUTF16(s string, o binary.AppendByteOrder) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(bom + s)) {
		b = o.AppendUint16(b, u)
	}
	return b
}

// bom is the byte order mark, U+FEFF.
const bom = "\uFEFF"

// iconvHint ends the message of a file in an encoding the readers do not
// take.
const iconvHint = "convert it to UTF-8 (in Excel: Save As \"CSV UTF-8\"; or iconv -f GB18030 -t UTF-8 file.csv > file-utf8.csv, naming the file's real encoding after -f)"

// collect returns ReadOptions that append warnings to *w.
func collect(w *[]string) ReadOptions {
	return ReadOptions{Warn: func(msg string) { *w = append(*w, msg) }}
}

// TestGB18030Embedded encodes the embedded ledger and entity table (UTF-8,
// with much Chinese text and some English) to GB18030 and to GBK with
// x/text, reads them back, and wants exactly the contracts and entities of
// the UTF-8 files, with one warning each.
func TestGB18030Embedded(t *testing.T) {
	for _, file := range []struct {
		name string
		read func(string, []byte, ReadOptions) (any, error)
		want string // the warning
	}{
		{datasets.Ledger, func(n string, b []byte, o ReadOptions) (any, error) {
			return ReadContractsWithOptions(n, bytes.NewReader(b), o)
		}, `l.csv: converted from GB18030 to UTF-8 (line 2 reads "公安")`},
		{datasets.Entities, func(n string, b []byte, o ReadOptions) (any, error) {
			return ReadEntitiesWithOptions(n, bytes.NewReader(b), o)
		}, `l.csv: converted from GB18030 to UTF-8 (line 2 reads "四川安洵")`},
	} {
		utf, err := datasets.ReadFile(file.name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := file.read("l.csv", utf, ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, enc := range []encoding.Encoding{simplifiedchinese.GB18030, simplifiedchinese.GBK} {
			b := encode(t, enc, string(utf))
			if bytes.Equal(b, utf) {
				t.Fatalf("%s: encoding changed nothing", file.name)
			}
			var warns []string
			got, err := file.read("l.csv", b, collect(&warns))
			if err != nil {
				t.Fatalf("%s in %s: %v", file.name, enc, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s in %s: read differs from the UTF-8 read", file.name, enc)
			}
			if len(warns) != 1 || !strings.HasPrefix(warns[0], "l.csv: converted from GB18030 to UTF-8 (line ") {
				t.Errorf("%s in %s: warnings %q", file.name, enc, warns)
			}
			if len(warns) == 1 && warns[0] != file.want {
				t.Errorf("warning\n got %s\nwant %s", warns[0], file.want)
			}
		}
	}
}

// TestUTF16 reads the ledger of TestReadContractsGood saved as UTF-16 in
// both byte orders, and tab-separated as Excel's "Unicode text".
func TestUTF16(t *testing.T) {
	want, err := ReadContracts("l.csv", strings.NewReader(goodLedger))
	if err != nil {
		t.Fatal(err)
	}
	tsv := strings.ReplaceAll(strings.ReplaceAll(goodLedger, `"1,000.50"`, "1000.50"), ",", "\t")
	for _, tt := range []struct {
		name string
		in   []byte
	}{
		{"LE", toUTF16(goodLedger, binary.LittleEndian)},
		{"BE", toUTF16(goodLedger, binary.BigEndian)},
		{"LE, tab-separated", toUTF16(tsv, binary.LittleEndian)},
	} {
		var warns []string
		got, err := ReadContractsWithOptions("l.csv", bytes.NewReader(tt.in), collect(&warns))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !reflect.DeepEqual(got, want) || len(warns) != 0 {
			t.Errorf("%s: got %+v, warnings %q", tt.name, got, warns)
		}
	}
}

// TestNotText checks the errors for input that is not text in an accepted
// encoding.
func TestNotText(t *testing.T) {
	le := toUTF16("contractor_id,end_user_id,amount_cny\na,b,1\n", binary.LittleEndian)
	for _, tt := range []struct {
		name string
		in   []byte
		want string
		is   error
	}{
		{"NUL", []byte("contractor_id,end_user_id,amount_cny\na,b\x00,1\n"),
			"f.csv:2:4: not a CSV text file: it looks binary (it holds NUL bytes, the first here)", ErrBinary},
		{"xlsx", []byte("PK\x03\x04\x14\x00\x06\x00"),
			`f.csv: not a CSV text file: this is a ZIP archive, such as an Excel workbook (.xlsx); save the sheet as "CSV UTF-8"`, ErrBinary},
		{"xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0},
			`f.csv: not a CSV text file: this is an old Excel workbook (.xls); save the sheet as "CSV UTF-8"`, ErrBinary},
		{"UTF-16 without BOM", le[2:],
			`f.csv: not a CSV text file: this looks like UTF-16 text without a byte order mark; save it as "CSV UTF-8"`, ErrBinary},
		{"UTF-16 odd length", le[:len(le)-1],
			"f.csv: invalid text encoding: UTF-16 text with an odd number of bytes (87); the file is cut short", ErrEncoding},
		{"UTF-16 unpaired surrogate", append(toUTF16("id\n", binary.LittleEndian), 0x00, 0xD8, 'a', 0),
			"f.csv:2:1: invalid text encoding: unpaired UTF-16 surrogate 0xd800", ErrEncoding},
		{"UTF-16 NUL", toUTF16("id\na\x00\n", binary.BigEndian),
			"f.csv:2:2: not a CSV text file: it looks binary (it holds NUL bytes, the first here)", ErrBinary},
		{"UTF-32", []byte{0xFF, 0xFE, 0, 0, 'i', 0, 0, 0},
			`f.csv: invalid text encoding: UTF-32 text is not supported; save the file as "CSV UTF-8"`, ErrEncoding},
		{"UTF-8 BOM then invalid", []byte(bom + "id\n\xff\n"),
			"f.csv:2:1: invalid text encoding: byte 0xff is not UTF-8, and the file is not GB18030 text either: " + iconvHint, ErrEncoding},
		{"invalid, CR line ends", []byte("id\rok\r\xff\r"),
			"f.csv:3:1: invalid text encoding: byte 0xff is not UTF-8, and the file is not GB18030 text either: " + iconvHint, ErrEncoding},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadContracts("f.csv", bytes.NewReader(tt.in))
			if err == nil || err.Error() != tt.want {
				t.Errorf("error\n got %v\nwant %s", err, tt.want)
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("error does not wrap %v", tt.is)
			}
		})
	}
}
