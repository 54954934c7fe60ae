package network

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ecosys-sna/ecosys/internal/csvio"
)

// Ledger CSV columns. The reader needs only the required ones; every other
// column is optional, and columns it does not know (such as the *_printed
// columns of the embedded ledger) are ignored.
var (
	// LedgerRequired are the columns a ledger file must have.
	LedgerRequired = []string{"contractor_id", "end_user_id", "amount_cny"}
	// LedgerOptional are the other columns the reader understands.
	LedgerOptional = []string{"row", "contract_no", "client_type", "client_type_printed", "signatory_id",
		"title", "title_en", "date_start", "date_end", "date_precision", "date", "date_alt_start", "date_alt_end",
		"description", "description_en", "notes"}
)

// ledgerAliases maps accepted alternative column names to canonical ones.
var ledgerAliases = map[string]string{
	"contractor": "contractor_id",
	"signatory":  "signatory_id",
	"end_user":   "end_user_id",
	"amount":     "amount_cny",
}

// partyColumns are the columns of a contract's parties, in the order of
// Contract.partyCol.
var partyColumns = [3]string{"contractor_id", "signatory_id", "end_user_id"}

// printedClientTypes maps the ledger's Chinese client directions to codes,
// so that a user's ledger may use either.
var printedClientTypes = map[string]ClientType{
	"公安": PublicSecurity, "安全": StateSecurity, "企业": Enterprise, "政府": Government,
}

// ReadContracts reads a ledger CSV: a header row, then one contract per row.
//
// Required columns: contractor_id, end_user_id, amount_cny (aliases
// contractor, end_user, amount). Optional: row (default: the data row
// number), signatory_id (default: the end user, a direct contract),
// client_type (a code of ClientTypes or 公安, 安全, 企业, 政府; default
// unknown), contract_no, title, title_en, description, description_en,
// notes (ids separated by ";"), and the signing date either as date_start
// with optional date_end and date_precision (ISO dates), or as a single date
// column in a form ParsePeriod accepts. A date printed so that it has two
// readings has date_precision "ambiguous" (Ambiguous): date_start and
// date_end hold the first reading, which becomes Contract.Date (with the
// precision of its own bounds), and the optional columns date_alt_start and
// date_alt_end the second, Contract.DateAlt; those columns must be empty on
// every other row. Columns the reader does not know
// are ignored, whatever they hold, though no name may appear twice. Column
// names are matched without regard to case or to surrounding spaces.
//
// Amounts are yuan in a form ParseAmount accepts (470000.00, ¥1,000, 2.9万).
// The file may be UTF-8 (with or without a byte order mark), UTF-16 with a
// byte order mark, or GB18030/GBK; GB18030 is taken only for a file that is
// not valid UTF-8, decodes without error or control characters, and has at
// least 90% of its non-ASCII characters among the GB2312 codes, and it is
// converted silently here (use ReadContractsWithOptions to be told). Other
// text is refused, naming the first byte that is not UTF-8, and so is a
// binary file. Lines may end in "\n", "\r\n" or,
// throughout the file, "\r"; a file whose first line has tabs and no comma
// is read as tab-separated. Rows whose cells are all blank are skipped,
// and a last line without a line end is read as usual. A file in plain
// UTF-8 read from a reader that can seek (an *os.File) is parsed as it is
// read, in one pass, whatever its size; other input is read whole first,
// and refused over MaxFileBytes. Cells over MaxFieldBytes and headers over
// MaxColumns are refused. All errors of the file, up to MaxErrors, are returned together
// as an ErrorList of *InputError.
func ReadContracts(name string, r io.Reader) ([]Contract, error) {
	return ReadContractsWithOptions(name, r, ReadOptions{})
}

// ReadContractsWithOptions is ReadContracts, calling opt.Warn with each
// warning about the file (such as a conversion from GB18030).
func ReadContractsWithOptions(name string, r io.Reader, opt ReadOptions) ([]Contract, error) {
	// Rows are collected in blocks and copied once into the result, not
	// into a slice that grows by doubling: a ledger of millions of rows
	// would be copied about twice over and held up to three times.
	var blocks [][]Contract
	block := make([]Contract, 0, 1024)
	// Party ids repeat on many rows: keep one copy of each, cloned, since
	// the CSV reader's fields share the memory of their whole line.
	ids := map[string]string{}
	intern := func(id string) string {
		if v, ok := ids[id]; ok {
			return v
		}
		v := strings.Clone(id)
		ids[v] = v
		return v
	}
	rows := func(t *csvio.Table) error {
		for n := 1; t.Next(); n++ {
			c := Contract{
				Row:           n,
				Line:          t.Line(),
				ContractNo:    t.Get("contract_no"),
				Title:         t.Get("title"),
				TitleEN:       t.Get("title_en"),
				Contractor:    intern(t.Require("contractor_id")),
				EndUser:       intern(t.Require("end_user_id")),
				Description:   t.Get("description"),
				DescriptionEN: t.Get("description_en"),
			}
			if v := t.Get("row"); v != "" || t.Has("row") {
				row, err := strconv.Atoi(v)
				if err != nil || row < 1 {
					t.Fail("row", v, fmt.Errorf("%w: want a positive whole number", ErrBadInteger))
				}
				c.Row = row
			}
			c.Signatory = intern(t.Get("signatory_id"))
			if c.Signatory == "" {
				c.Signatory = c.EndUser
			}
			for i, col := range partyColumns {
				if t.Get(col) != "" {
					_, pos := t.Pos(col)
					c.partyCol[i] = int32(pos)
				}
			}
			c.ClientTypePrinted = intern(t.Get("client_type_printed"))
			if ct, ok := printedClientTypes[t.Get("client_type")]; ok {
				c.ClientType = ct
			} else {
				c.ClientType = csvio.Enum(t, "client_type", UnknownClient, ClientTypes)
			}
			if v := t.Require("amount_cny"); v != "" {
				a, err := ParseAmount(v)
				if err != nil {
					t.Fail("amount_cny", v, fmt.Errorf("%w: want yuan such as 470000.00", err))
				}
				c.Amount = a
			}
			c.Date, c.DateAlt = readPeriod(t)
			for _, id := range strings.Split(t.Get("notes"), ";") {
				if id = strings.TrimSpace(id); id != "" {
					c.Notes = append(c.Notes, id)
				}
			}
			if len(block) == cap(block) {
				blocks = append(blocks, block)
				block = make([]Contract, 0, min(2*cap(block), 1<<16))
			}
			block = append(block, c)
		}
		if errs := t.Errors(); len(errs) > 0 {
			return errs
		}
		return nil
	}
	forget := func() { blocks, block = nil, block[:0] }
	if err := csvio.StreamTable(name, r, LedgerRequired, ledgerAliases, opt.csv(), rows, forget); err != nil {
		return nil, err
	}
	blocks = append(blocks, block)
	n := 0
	for _, b := range blocks {
		n += len(b)
	}
	if n == 0 {
		return nil, &InputError{File: name, Err: ErrNoRows}
	}
	out := make([]Contract, 0, n)
	for i, b := range blocks {
		out = append(out, b...)
		blocks[i] = nil
	}
	return out, nil
}

// readPeriod reads the signing date of the current row: the date, and
// the second reading of an ambiguous date (else the zero Period).
func readPeriod(t *csvio.Table) (date, alt Period) {
	ambiguous := t.Get("date_precision") == string(Ambiguous)
	if v := t.Get("date_start"); v != "" {
		p, ok := readRange(t, "date_start", "date_end")
		if !ok {
			return Period{}, Period{}
		}
		if v := t.Get("date_precision"); v != "" && !ambiguous {
			p.Precision = csvio.Enum(t, "date_precision", p.Precision, []Precision{Day, Month, Year, Range, Ambiguous})
		}
		date = p
	} else if v := t.Get("date"); v != "" {
		p, err := ParsePeriod(v)
		if err != nil {
			t.Fail("date", v, fmt.Errorf("%w: want YYYY-MM-DD, YYYY-MM, YYYY or YYYY年M月D日", err))
		}
		date = p
	}
	switch hasAlt := t.Get("date_alt_start") != "" || t.Get("date_alt_end") != ""; {
	case ambiguous && t.Get("date_start") == "":
		t.Fail("date_precision", string(Ambiguous), fmt.Errorf("%w: an ambiguous date needs date_start (the first reading)", ErrBadDate))
	case ambiguous && t.Get("date_alt_start") == "":
		t.Fail("date_alt_start", "", fmt.Errorf("%w: date_precision is ambiguous: give the second reading in date_alt_start (and date_alt_end)", ErrEmpty))
	case ambiguous:
		if p, ok := readRange(t, "date_alt_start", "date_alt_end"); ok {
			alt = p
		}
	case hasAlt:
		col := "date_alt_start"
		if t.Get(col) == "" {
			col = "date_alt_end"
		}
		t.Fail(col, t.Get(col), fmt.Errorf("%w: a second reading belongs only to a date whose date_precision is ambiguous, not %q", ErrBadDate, t.Get("date_precision")))
	}
	return date, alt
}

// readRange reads the period [start, end] of two ISO date columns; end
// may be empty (a day).
func readRange(t *csvio.Table, startCol, endCol string) (Period, bool) {
	v := t.Get(startCol)
	start, err := parseISODay(v)
	if err != nil {
		t.Fail(startCol, v, fmt.Errorf("%w: want YYYY-MM-DD", err))
		return Period{}, false
	}
	end := start
	if v := t.Get(endCol); v != "" {
		if end, err = parseISODay(v); err != nil {
			t.Fail(endCol, v, fmt.Errorf("%w: want YYYY-MM-DD", err))
			return Period{}, false
		}
		if end.Before(start) {
			t.Fail(endCol, v, fmt.Errorf("%w: before %s", ErrBadDate, startCol))
			return Period{}, false
		}
	}
	return Period{Start: start, End: end, Precision: inferPrecision(start, end)}, true
}
