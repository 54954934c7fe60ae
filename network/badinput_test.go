package network

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// updating reports whether the test runs with -update (defined in
// build_test.go for the golden files), which also rewrites testdata/bad.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// badLedger is a small ledger in UTF-8, with Chinese text; the files of
// testdata/bad hold it in other encodings and forms.
const badLedger = "row,contractor_id,signatory_id,end_user_id,client_type,amount_cny,date,title\n" +
	"1,isoon,chengdu-jietongyi,chengdu-psb,公安,470000.00,2016.07.08,《人员网络指纹采集查询特侦业务系统采购合同》\n" +
	"2,isoon,,chengdu-psb,公安,80000.00,2016.12,《安全技术服务合同》\n"

// A badInput is one file of testdata/bad: how it is made, which reader
// reads it, and what must come out.
type badInput struct {
	file   string
	reader string // contracts or entities
	data   func(t *testing.T) []byte
	want   string   // the exact error, or "" when the file is accepted
	warn   []string // the warnings of an accepted file (contracts and entities only)
	check  func(t *testing.T, v any)
}

// read reads b with the reader of the input, named as the file.
func (in badInput) read(b []byte) (v any, warns []string, err error) {
	opt := ReadOptions{Warn: func(msg string) { warns = append(warns, msg) }}
	switch in.reader {
	case "contracts":
		v, err = ReadContractsWithOptions(in.file, bytes.NewReader(b), opt)
	case "entities":
		v, err = ReadEntitiesWithOptions(in.file, bytes.NewReader(b), opt)
	default:
		panic("unknown reader " + in.reader)
	}
	return v, warns, err
}

// sameAs returns a check that the contracts equal those of the UTF-8 text,
// but for their lines if lines is false.
func sameAs(utf8 string, lines bool) func(t *testing.T, v any) {
	return func(t *testing.T, v any) {
		want, err := ReadContracts("x.csv", strings.NewReader(utf8))
		if err != nil {
			t.Fatal(err)
		}
		if !lines {
			for i := range want {
				want[i].Line = v.([]Contract)[i].Line
			}
		}
		if !reflect.DeepEqual(v, want) {
			t.Errorf("got %+v\nwant %+v", v, want)
		}
	}
}

// fixed returns a data function for constant content.
func fixed(s string) func(*testing.T) []byte { return func(*testing.T) []byte { return []byte(s) } }

// badInputs lists the files of testdata/bad. Their content is made here,
// so that each file's making is on record; `go test -run TestBadInputs
// -update` rewrites them.
var badInputs = []badInput{
	{file: "gbk-ledger.csv", reader: "contracts",
		data: func(t *testing.T) []byte { return encode(t, simplifiedchinese.GBK, badLedger) },
		warn: []string{`gbk-ledger.csv: converted from GB18030 to UTF-8 (line 2 reads "公安")`}, check: sameAs(badLedger, true)},
	{file: "utf16le-ledger.txt", reader: "contracts", // Excel's "Unicode text": UTF-16LE, tab-separated
		data: func(t *testing.T) []byte {
			return toUTF16(strings.ReplaceAll(badLedger, ",", "\t"), binary.LittleEndian)
		},
		check: sameAs(badLedger, true)},
	{file: "utf16be-ledger.csv", reader: "contracts",
		data:  func(t *testing.T) []byte { return toUTF16(badLedger, binary.BigEndian) },
		check: sameAs(badLedger, true)},
	{file: "utf16-no-bom.csv", reader: "contracts",
		data: func(t *testing.T) []byte { return toUTF16(badLedger, binary.LittleEndian)[2:] },
		want: `utf16-no-bom.csv: not a CSV text file: this looks like UTF-16 text without a byte order mark; save it as "CSV UTF-8"`},
	{file: "utf16-cut.csv", reader: "contracts",
		data: func(t *testing.T) []byte { b := toUTF16(badLedger, binary.LittleEndian); return b[:len(b)-1] },
		want: `utf16-cut.csv: invalid text encoding: UTF-16 text with an odd number of bytes (429); the file is cut short`},
	{file: "latin1-entities.csv", reader: "entities",
		data: func(t *testing.T) []byte {
			return encode(t, charmap.Windows1252, "id,name_en\nmuller,Müller GmbH\nrenee,Renée & Cie\n")
		},
		want: `latin1-entities.csv:2:9: invalid text encoding: byte 0xfc is not UTF-8, and the file is not GB18030 text either: ` + iconvHint},
	{file: "binary.csv", reader: "contracts", // the start of a PNG image
		data: fixed("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"),
		want: `binary.csv:3:1: not a CSV text file: it looks binary (it holds NUL bytes, the first here)`},
	{file: "workbook.xlsx", reader: "contracts",
		data: fixed("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml"),
		want: `workbook.xlsx: not a CSV text file: this is a ZIP archive, such as an Excel workbook (.xlsx); save the sheet as "CSV UTF-8"`},
	{file: "empty.csv", reader: "contracts", data: fixed(""),
		want: `empty.csv:1: empty file: no header row`},
	{file: "bad-amount.csv", reader: "contracts",
		data: fixed("contractor_id,end_user_id,amount_cny\na,b,\"1,2\"\na,b,\"1.234,5\"\na,b,1.234\na,b,¥5元\n"),
		want: `bad-amount.csv:2: column 3 (amount_cny): invalid amount: commas must separate groups of three digits: want yuan such as 470000.00 (got "1,2")
bad-amount.csv:3: column 3 (amount_cny): invalid amount: comma after the decimal point: want yuan such as 470000.00 (got "1.234,5")
bad-amount.csv:4: column 3 (amount_cny): invalid amount: more than 2 decimals: want yuan such as 470000.00 (got "1.234")
bad-amount.csv:5: column 3 (amount_cny): invalid amount: more than one currency mark: want yuan such as 470000.00 (got "¥5元")`},
	{file: "fullwidth-amount.csv", reader: "contracts",
		data: fixed("contractor_id,end_user_id,amount_cny\na,b,￥４７０，０００．００\na,b,2.9万元\na,b,RMB 1.5亿\na,b,80000 元\n"),
		check: func(t *testing.T, v any) {
			var got []string
			for _, c := range v.([]Contract) {
				got = append(got, c.Amount.String())
			}
			if want := "470000.00 29000.00 150000000.00 80000.00"; strings.Join(got, " ") != want {
				t.Errorf("amounts %s, want %s", got, want)
			}
		}},
	{file: "chinese-date.csv", reader: "contracts",
		data: fixed("contractor_id,end_user_id,amount_cny,date\na,b,1,2016年7月8日\na,b,1,２０１６年１２月\na,b,1,2017年\n"),
		check: func(t *testing.T, v any) {
			var got []string
			for _, c := range v.([]Contract) {
				got = append(got, c.Date.String()+"/"+string(c.Date.Precision))
			}
			if want := "2016-07-08/day 2016-12/month 2017/year"; strings.Join(got, " ") != want {
				t.Errorf("dates %s, want %s", got, want)
			}
		}},
	{file: "bad-date.csv", reader: "contracts",
		data: fixed("contractor_id,end_user_id,amount_cny,date\na,b,1,2018年2月30日\na,b,1,2018-04-31\na,b,1,2018年5月17\n"),
		want: `bad-date.csv:2: column 4 (date): invalid date: no such day: want YYYY-MM-DD, YYYY-MM, YYYY or YYYY年M月D日 (got "2018年2月30日")
bad-date.csv:3: column 4 (date): invalid date: no such day: want YYYY-MM-DD, YYYY-MM, YYYY or YYYY年M月D日 (got "2018-04-31")
bad-date.csv:4: column 4 (date): invalid date: want YYYY-MM-DD, YYYY-MM, YYYY or YYYY年M月D日 (got "2018年5月17")`},
	{file: "missing-column.csv", reader: "contracts",
		data: fixed("contractor_id,end_user,amt\na,b,1\n"),
		want: `missing-column.csv:1: amount_cny: required column missing`},
	{file: "duplicate-column.csv", reader: "contracts",
		data: fixed("contractor_id,end_user_id,amount_cny,Amount\na,b,1,2\n"),
		want: `duplicate-column.csv:1: column 4 (amount): duplicate column name (see column 3 (amount_cny))`},
	{file: "wrong-field-count.csv", reader: "contracts",
		data: fixed("contractor_id,end_user_id,amount_cny,,notes\na,b,1,,\na,b\na,b,1,,,\n"),
		want: `wrong-field-count.csv:3: wrong number of fields: 2, the header has 5
wrong-field-count.csv:4: wrong number of fields: 6, the header has 5`},
	{file: "too-many-columns.csv", reader: "contracts",
		data: func(*testing.T) []byte {
			h := make([]string, MaxColumns+1)
			for i := range h {
				h[i] = fmt.Sprintf("c%d", i+1)
			}
			return []byte(strings.Join(h, ",") + "\n")
		},
		want: `too-many-columns.csv:1: column 1001: too many columns: 1001, the limit is 1000`},
	{file: "repeated-header.csv", reader: "contracts", // two exports joined with cat
		data: fixed("\uFEFFcontractor_id,end_user_id,amount_cny\na,b,1\n\uFEFFcontractor_id,end_user_id,amount_cny\nc,d,2\n"),
		want: `repeated-header.csv:3: the header row is repeated here: were two files joined together? Remove this line`},
	{file: "header-spaces.csv", reader: "contracts",
		data: fixed(" Contractor_ID ,END_USER_ID\t,\u3000amount \n a , b ,\u3000１\u3000\n"),
		check: func(t *testing.T, v any) {
			if c := v.([]Contract)[0]; c.Contractor != "a" || c.EndUser != "b" || c.Amount != 100 {
				t.Errorf("contract %+v", c)
			}
		}},
	{file: "extra-columns.csv", reader: "entities",
		data: fixed("id,name_en,remark,remark_2\na,A,x,y\n"),
		check: func(t *testing.T, v any) {
			if es := v.([]Entity); len(es) != 1 || es[0].ID != "a" || es[0].NameEN != "A" {
				t.Errorf("entities %+v", es)
			}
		}},
	{file: "cr-line-ends.csv", reader: "contracts",
		data:  fixed(strings.ReplaceAll(badLedger, "\n", "\r")),
		warn:  []string{`cr-line-ends.csv: line ends converted from "\r" (classic Mac OS) to "\n"`},
		check: sameAs(badLedger, true)},
	{file: "no-final-newline.csv", reader: "contracts",
		data:  fixed(strings.TrimSuffix(badLedger, "\n")),
		check: sameAs(badLedger, true)},
	{file: "blank-rows.csv", reader: "contracts",
		data:  fixed(strings.ReplaceAll(badLedger, "\n2,", "\n,,,,,,,\n , ,,,,,,\u3000\n2,") + ",,,,,,,\n"),
		check: sameAs(badLedger, false)},
}

// TestBadInputs reads each file of testdata/bad with its reader and checks
// the exact error, or the values and warnings of an accepted file. It also
// checks that the file is the one badInputs makes, and that
// testdata/bad/README.md gives the file's expected message.
func TestBadInputs(t *testing.T) {
	readme, err := os.ReadFile("testdata/bad/README.md")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, in := range badInputs {
		t.Run(in.file, func(t *testing.T) {
			seen[in.file] = true
			path := filepath.Join("testdata", "bad", in.file)
			made := in.data(t)
			if updating() {
				if err := os.WriteFile(path, made, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b, made) {
				t.Errorf("%s differs from what badInputs makes; run go test -run TestBadInputs -update", path)
			}
			v, warns, err := in.read(b)
			if in.want != "" {
				if err == nil || err.Error() != in.want {
					t.Errorf("error\n got %v\nwant %s", err, in.want)
				}
				var ie *InputError
				if !errors.As(err, &ie) {
					t.Errorf("error %T holds no *InputError", err)
				}
			} else {
				if err != nil {
					t.Fatalf("error %v", err)
				}
				in.check(t, v)
			}
			if !reflect.DeepEqual(warns, in.warn) {
				t.Errorf("warnings %q, want %q", warns, in.warn)
			}
			for _, s := range append([]string{in.file}, append(strings.Split(in.want, "\n"), in.warn...)...) {
				if s != "" && !bytes.Contains(readme, []byte("`"+s+"`")) {
					t.Errorf("README.md does not give `%s`", s)
				}
			}
		})
	}
	files, err := os.ReadDir("testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !seen[f.Name()] && f.Name() != "README.md" {
			t.Errorf("testdata/bad/%s is not in badInputs", f.Name())
		}
	}
}

// TestLimits checks the errors for fields and headers over the limits of
// the readers (the file limit is tested in package csvio).
func TestLimits(t *testing.T) {
	long := strings.Repeat("x", MaxFieldBytes+1)
	for _, tt := range []struct{ name, in, want string }{
		{"field", "contractor_id,end_user_id,amount_cny\na,b,1\na," + long + ",1\n",
			"l.csv:3: column 2 (end_user_id): field too large: over 1 MiB"},
		{"header field", "contractor_id,end_user_id,amount_cny," + long + "\n",
			"l.csv:1: column 4: field too large: over 1 MiB"},
	} {
		_, err := ReadContracts("l.csv", strings.NewReader(tt.in))
		if err == nil || err.Error() != tt.want || !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: error\n got %v\nwant %s", tt.name, err, tt.want)
		}
	}
	h := "contractor_id,end_user_id,amount_cny"
	for i := 4; i <= MaxColumns; i++ {
		h += fmt.Sprintf(",x%d", i)
	}
	if _, err := ReadContracts("l.csv", strings.NewReader(h+"\na,b,1"+strings.Repeat(",", MaxColumns-3)+"\n")); err != nil {
		t.Errorf("%d columns: %v", MaxColumns, err)
	}
	if _, err := ReadContracts("l.csv", strings.NewReader(h+",y\n")); !errors.Is(err, ErrTooManyColumns) || !errors.Is(err, ErrLimit) {
		t.Errorf("%d columns: %v", MaxColumns+1, err)
	}
}

// TestCells checks that cells lose surrounding white space and byte order
// marks, but keep inner ones.
func TestCells(t *testing.T) {
	es, err := ReadEntities("e.csv", strings.NewReader("id,name_zh\n\uFEFFa\u3000,四川 安洵\n"))
	if err != nil {
		t.Fatal(err)
	}
	if es[0].ID != "a" || es[0].NameZH != "四川 安洵" {
		t.Errorf("entity %+v", es[0])
	}
}
