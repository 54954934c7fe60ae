package csvio

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"
)

// Edge lists and ledgers are the inputs that grow to tens of millions of
// rows, so their readers (graphio.ReadEdgeList, network.ReadContracts)
// stream them with StreamTable: when the reader can seek (a file) and its text is plain UTF-8 (with or
// without a byte order mark), the rows are parsed straight from a
// buffered reader in one pass, and memory is that of the result, not of
// the file; the 1 GiB file limit of the buffering readers does not apply.
// Everything else the buffering reader handles (UTF-16, GB18030, NUL
// bytes, "\r"-only line ends, files that are not text) is detected on the
// way by streamCheck; the reader then seeks back to the start and reads
// the file with ReadTable, so that conversions, warnings and every
// error message are exactly those of the buffering reader.

// StreamTable reads the CSV table in r with rows, which returns the
// table's errors or nil: streamed when r allows it, otherwise (or when the
// streamed input turns out to need the buffering reader, after reset has
// dropped what rows kept of it) with ReadTable from r's start. The header
// is checked as ReadTable checks it.
func StreamTable(name string, r io.Reader, required []string, aliases map[string]string, opt Options, rows func(*Table) error, reset func()) error {
	start := int64(-1) // where the input starts, to come back to; -1: it cannot seek
	if sk, ok := r.(io.Seeker); ok {
		if at, err := sk.Seek(0, io.SeekCurrent); err == nil {
			start = at
		}
	}
	if err := validDelimiter(opt.Delimiter); err != nil {
		return err
	}
	t, check, err := streamCSVTable(name, r, required, aliases, opt)
	if err != nil {
		return err
	}
	var streamed error // the streamed read's error, when a quoting error asks for a retry
	if t != nil {
		err := rows(t)
		ok := check.drain()
		if ok && !t.retry {
			return err
		}
		if ok {
			streamed = err
		}
		reset() // the input needs the buffering reader, or a quoting error its text
	}
	if start >= 0 { // the stream reader may have read ahead
		if _, err := r.(io.Seeker).Seek(start, io.SeekStart); err != nil {
			return &InputError{File: name, Err: err}
		}
	}
	t, err = ReadTable(name, r, required, aliases, opt)
	if err != nil {
		if streamed != nil && errors.Is(err, ErrTooLarge) {
			return streamed // too large to locate the quote: encoding/csv's position
		}
		return err
	}
	return rows(t)
}

// StreamBuffer is the size of the read buffer of StreamTable, and the
// longest first line (header) it looks at to choose the separator.
const StreamBuffer = 1 << 20

// errStreamFallback stops a streaming read whose input needs the buffering
// reader.
var errStreamFallback = errors.New("csvio: input needs the buffering reader")

// streamCheck passes bytes through while checking that they are text the
// buffering reader would take as is: no NUL byte, valid UTF-8 (across
// read boundaries), and at least one "\n" if there is a "\r".
type streamCheck struct {
	r            *bufio.Reader
	carry        []byte // the start of a rune cut by the end of the last read
	sawNL, sawCR bool
	failed       bool
}

func (s *streamCheck) Read(p []byte) (int, error) {
	if s.failed {
		return 0, errStreamFallback
	}
	n, err := s.r.Read(p)
	chunk := p[:n]
	if !s.check(chunk) {
		s.failed = true
		return 0, errStreamFallback
	}
	if err == io.EOF && (len(s.carry) > 0 || s.sawCR && !s.sawNL) {
		s.failed = true
		return 0, errStreamFallback
	}
	return n, err
}

// check reports whether chunk continues valid text.
func (s *streamCheck) check(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return false
	}
	if !s.sawNL && bytes.IndexByte(data, '\n') >= 0 {
		s.sawNL = true
	}
	if !s.sawCR && bytes.IndexByte(data, '\r') >= 0 {
		s.sawCR = true
	}
	if len(s.carry) > 0 {
		need := 0
		switch c := s.carry[0]; {
		case c&0xE0 == 0xC0:
			need = 2
		case c&0xF0 == 0xE0:
			need = 3
		case c&0xF8 == 0xF0:
			need = 4
		default:
			return false
		}
		take := min(need-len(s.carry), len(data))
		s.carry = append(s.carry, data[:take]...)
		data = data[take:]
		if len(s.carry) < need {
			return true // still cut
		}
		if !utf8.Valid(s.carry) {
			return false
		}
		s.carry = s.carry[:0]
	}
	// Keep an incomplete rune at the end for the next read.
	i := len(data) - 1
	for back := 0; i >= 0 && back < 3 && !utf8.RuneStart(data[i]); back++ {
		i--
	}
	if i >= 0 && !utf8.FullRune(data[i:]) {
		s.carry = append(s.carry, data[i:]...)
		data = data[:i]
	}
	return utf8.Valid(data)
}

// drain reads the rest of the input through the checks and reports
// whether it all passed.
func (s *streamCheck) drain() bool {
	_, err := io.Copy(io.Discard, s)
	return err == nil && !s.failed
}

// streamCSVTable returns a Table that parses r as it reads it, or
// nil, nil if r must be read by ReadTable (see above): r cannot seek
// (it is not an io.Seeker, or a pipe), or its first bytes show that it is not plain UTF-8 text with
// a first line shorter than StreamBuffer. It checks the header exactly as
// ReadTable does.
func streamCSVTable(name string, r io.Reader, required []string, aliases map[string]string, opt Options) (*Table, *streamCheck, error) {
	sk, ok := r.(io.Seeker)
	if !ok {
		return nil, nil, nil
	}
	if _, err := sk.Seek(0, io.SeekCurrent); err != nil {
		return nil, nil, nil // a pipe or terminal: *os.File, but it cannot seek
	}
	br := bufio.NewReaderSize(r, StreamBuffer)
	head, _ := br.Peek(StreamBuffer)
	switch {
	case len(head) == 0,
		bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}),
		bytes.HasPrefix(head, []byte{0, 0, 0xFE, 0xFF}):
		return nil, nil, nil
	}
	if bytes.HasPrefix(head, []byte(bom)) {
		br.Discard(len(bom))
		head = head[len(bom):]
	}
	first, _, found := bytes.Cut(head, []byte{'\n'})
	if !found {
		return nil, nil, nil // no "\n" in the first MiB: let ReadTable decide
	}
	check := &streamCheck{r: br}
	t := &Table{name: name, r: csv.NewReader(check), col: map[string]int{}}
	t.r.ReuseRecord = true
	t.r.Comma = opt.comma(first)
	// The rest is ReadTable's header check; an input that needs the
	// buffering reader is left to it, whatever its header.
	header, err := t.r.Read()
	if check.failed {
		return nil, nil, nil
	}
	if err == io.EOF {
		return nil, nil, nil // ReadTable words the empty file
	}
	if err != nil {
		if e := t.parseError(err); check.drain() && !t.retry {
			return nil, nil, e
		}
		return nil, nil, nil
	}
	if err := t.readHeader(header, required, aliases); err != nil {
		if !check.drain() {
			return nil, nil, nil
		}
		return nil, nil, err
	}
	return t, check, nil
}
