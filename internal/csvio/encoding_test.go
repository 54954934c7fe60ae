package csvio

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

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

// TestGB18030Rule checks looksGB18030 and toUTF8 on text in other legacy
// encodings that GB18030 would decode, and on UTF-8 with a corrupt byte.
func TestGB18030Rule(t *testing.T) {
	ledger, err := datasets.ReadFile(datasets.Ledger)
	if err != nil {
		t.Fatal(err)
	}
	corrupt := bytes.Clone(ledger)
	i := bytes.Index(corrupt, []byte("成都市公安局"))
	corrupt[i+1] = 'x' // cut the first character short
	line, col := position(corrupt, i)
	rnd := make([]byte, 4096)
	src := rand.New(rand.NewPCG(1, 1))
	for i := range rnd {
		rnd[i] = byte(src.IntN(255) + 1) // no NUL, which would make it binary
	}
	for _, tt := range []struct {
		name string
		in   []byte
		gb   bool   // looksGB18030
		want string // the error of toUTF8, or "" if accepted
	}{
		{"GBK Chinese", encode(t, simplifiedchinese.GBK, "名称,城市\n成都市公安局,成都\n"), true, ""},
		{"GB18030 with a 4-byte code", encode(t, simplifiedchinese.GB18030, "名称,城市\n中华人民共和国公安部,北京\n€,x\n"), true, ""},
		{"Windows-1252", encode(t, charmap.Windows1252, "name,city\nMüller,Zürich\nRenée,Besançon\nJosé,São Paulo\n“quoted”,naïve\n"), false,
			`f.csv:2:2: invalid text encoding: byte 0xfc is not UTF-8, and the file is not GB18030 text either: ` + iconvHint},
		// Only a letter follows each accent, so GB18030 decodes it cleanly,
		// but to codes outside GB2312.
		{"Windows-1252, all decodable", encode(t, charmap.Windows1252, "name\nMüller\nJürgen\nSöhne\n"), false,
			`f.csv:2:2: invalid text encoding: byte 0xfc is not UTF-8, and the file is not GB18030 text either: ` + iconvHint},
		{"Shift-JIS", encode(t, japanese.ShiftJIS, "名前,都市\n山田太郎,東京都\nさくら,大阪\n"), false,
			`f.csv:1:1: invalid text encoding: byte 0x96 is not UTF-8, and the file is not GB18030 text either: ` + iconvHint},
		{"Big5", encode(t, traditionalchinese.Big5, "名稱,城市\n臺灣銀行,臺北市\n中華電信股份有限公司,新北市\n"), false,
			`f.csv:1:1: invalid text encoding: byte 0xa6 is not UTF-8, and the file is not GB18030 text either: ` + iconvHint},
		{"UTF-8 with a corrupt byte", corrupt, false,
			fmt.Sprintf("f.csv:%d:%d: invalid", line, col) + ` text encoding: byte 0xe6 is not UTF-8, and the file is not GB18030 text either: ` + iconvHint},
		// A UTF-8 byte order mark declares UTF-8; its own bytes are not GB2312.
		{"UTF-8 BOM then GBK", append([]byte(bom), encode(t, simplifiedchinese.GBK, "名称\n成都\n")...), false,
			`f.csv:1:1: invalid text encoding: byte 0xc3 is not UTF-8, and the file is not GB18030 text either: ` + iconvHint},
		{"GBK with a control character", encode(t, simplifiedchinese.GBK, "名称\n成\x01都\n"), false,
			`f.csv:1:1: invalid text encoding: byte 0xc3 is not UTF-8, and the file is not GB18030 text either: ` + iconvHint},
		{"GBK cut in a character", encode(t, simplifiedchinese.GBK, "名称\n成都")[:8], false,
			`f.csv:1:1: invalid text encoding: byte 0xc3 is not UTF-8, and the file is not GB18030 text either: ` + iconvHint},
		{"random bytes", rnd, false,
			`f.csv:1:1: invalid text encoding: byte 0xff is not UTF-8, and the file is not GB18030 text either: ` + iconvHint},
		// Documented limitation: EUC-KR and EUC-JP use the GB2312 byte area
		// and are misread as Chinese; the warning shows a sample.
		{"EUC-KR, misread", encode(t, korean.EUCKR, "이름,도시\n김철수,서울\n"), true, ""},
		{"EUC-JP, misread", encode(t, japanese.EUCJP, "名前,都市\n山田太郎,東京都\n"), true, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := looksGB18030(tt.in); got != tt.gb {
				t.Errorf("looksGB18030 = %v, want %v", got, tt.gb)
			}
			_, err := toUTF8("f.csv", tt.in, Options{})
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("error %v", err)
			case tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Errorf("error\n got %v\nwant %s", err, tt.want)
			case tt.want != "" && !errors.Is(err, ErrEncoding):
				t.Errorf("error %v does not wrap ErrEncoding", err)
			}
		})
	}
}
