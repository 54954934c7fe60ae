package network

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/ecosys-sna/ecosys/internal/csvio"
)

// noSeek hides the Seek method of a reader, so that ReadContracts takes
// the buffering path.
type noSeek struct{ io.Reader }

// TestLedgerStreamSameAsBuffered checks that ReadContracts gives exactly
// the same contracts, warnings and errors whether it streams the input or
// buffers it, on every file of testdata/bad, on the test ledgers and on
// inputs that cross the stream's read buffer before a problem.
func TestLedgerStreamSameAsBuffered(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*")
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[string][]byte{"good": []byte(goodLedger), "bad": []byte(badLedger)}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(f)] = b
	}
	var big strings.Builder
	big.WriteString("contractor_id,end_user_id,amount_cny,date,title\n")
	for i := 0; big.Len() < 2*csvio.StreamBuffer; i++ {
		fmt.Fprintf(&big, "c%d,u%d,%d.50,2019-%02d,合同%d\n", i%300, i%40, 1000+i, 1+i%12, i)
	}
	clean := big.String()
	inputs["big"] = []byte(clean)
	inputs["big-bad-amount-then-gbk"] = []byte(clean + "a,b,x,2019,\xb1\xb1\n")
	inputs["big-nul-at-end"] = []byte(clean + "a,b,1,2019,\x00\n")
	inputs["big-cr-at-end"] = []byte(clean + "a,b,1,2019,t\r")
	read := func(r io.Reader) string {
		var warns []string
		cs, err := ReadContractsWithOptions("l.csv", r, ReadOptions{Warn: func(m string) { warns = append(warns, m) }})
		return fmt.Sprintf("%+v\nerror %v\nwarnings %q", cs, err, warns)
	}
	for name, b := range inputs {
		s, buf := read(bytes.NewReader(b)), read(noSeek{bytes.NewReader(b)})
		if s != buf {
			t.Errorf("%s:\nstreaming %.400s\nbuffered  %.400s", name, s, buf)
		}
	}
}

// TestLedgerInternsParties checks that the party ids of a streamed ledger
// are one copy per id, not substrings of their rows.
func TestLedgerInternsParties(t *testing.T) {
	cs, err := ReadContracts("l.csv", strings.NewReader("contractor_id,end_user_id,amount_cny,title\nc,u,1,t1\nc,u,2,t2\n"))
	if err != nil {
		t.Fatal(err)
	}
	if unsafe.StringData(cs[0].Contractor) != unsafe.StringData(cs[1].Contractor) || unsafe.StringData(cs[0].EndUser) != unsafe.StringData(cs[1].Signatory) {
		t.Error("party ids are not shared between rows")
	}
}
