package cmd

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/ecosys-sna/ecosys/report"
	"github.com/spf13/cobra"
)

// TestHelpExamples checks every line of every command's Example that starts
// with "ecosys": the words must name an existing command, its flags must
// parse, and a figure named after "ecosys plot" must be in the catalogue.
// Examples are the first thing a new user copies; a stale one (a renamed
// figure, a removed flag) fails here rather than on their terminal.
func TestHelpExamples(t *testing.T) {
	figures := map[string]bool{}
	for _, s := range report.Catalogue() {
		figures[s.Name] = true
	}
	io, _, _ := Test()
	root := NewCmdRoot(&Factory{IO: io})
	var walk func(c *cobra.Command)
	n := 0
	walk = func(c *cobra.Command) {
		for _, line := range strings.Split(c.Example, "\n") {
			words := strings.Fields(line)
			if len(words) == 0 || words[0] != "ecosys" || strings.ContainsAny(line, `"'|<>$`) {
				continue
			}
			n++
			io, _, _ := Test()
			checkExample(t, NewCmdRoot(&Factory{IO: io}), words[1:], figures)
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if n < 20 {
		t.Errorf("checked %d example lines; the walk is broken", n)
	}
}

func checkExample(t *testing.T, root *cobra.Command, args []string, figures map[string]bool) {
	t.Helper()
	line := "ecosys " + strings.Join(args, " ")
	c, rest, err := root.Find(args)
	if err != nil {
		t.Errorf("%s: %v", line, err)
		return
	}
	if err := c.ParseFlags(rest); err != nil {
		t.Errorf("%s: %v", line, err)
		return
	}
	pos := c.Flags().Args()
	if c.Args != nil {
		if err := c.Args(c, pos); err != nil {
			t.Errorf("%s: %v", line, err)
		}
	}
	if c.Name() == "plot" && len(pos) == 1 && !figures[pos[0]] {
		t.Errorf("%s: no figure %q in the catalogue", line, pos[0])
	}
}

// TestREADMECommands checks the "ecosys" command lines of the README's code
// blocks the same way: command, flags, figure names. A line with shell
// syntax (quotes, pipes, redirections, ;) is checked up to that syntax.
func TestREADMECommands(t *testing.T) {
	f, err := os.Open("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	figures := map[string]bool{}
	for _, s := range report.Catalogue() {
		figures[s.Name] = true
	}
	in, n := false, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "```") {
			in = !in
			continue
		}
		line, _, _ = strings.Cut(line, "#")
		if i := strings.IndexAny(line, `"'|<>;…`); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimPrefix(strings.TrimSpace(line), "go run ./cmd/")
		words := strings.Fields(line)
		if !in || len(words) == 0 || words[0] != "ecosys" {
			continue
		}
		n++
		io, _, _ := Test()
		checkExample(t, NewCmdRoot(&Factory{IO: io}), words[1:], figures)
	}
	if n < 30 {
		t.Errorf("checked %d README command lines; the scan is broken", n)
	}
}
