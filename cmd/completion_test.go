package cmd

import (
	"strings"
	"testing"
)

// TestCompletion runs cobra's hidden __complete command, as the shell
// scripts do, and checks the candidates.
func TestCompletion(t *testing.T) {
	tests := []struct {
		args    string
		want    []string // candidates that must be offered (before the tab of a description)
		notWant []string
	}{
		{args: "__complete plot ", want: []string{"graph", "level", "timeline"}},
		{args: "__complete plot ti", want: []string{"timeline"}, notWant: []string{"graph"}},
		{args: "__complete cases show ", want: []string{"us-v-zhu-hua", "us-v-wu-haibo"}},
		{args: "__complete cases show us-v-w", want: []string{"us-v-wu-haibo"}, notWant: []string{"us-v-zhu-hua"}},
		{args: "__complete comp", want: []string{"completion"}},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			io, out, errOut := Test()
			args := strings.Split(tt.args, " ")
			if code := Run(args, &Factory{IO: io, Version: "9.9.9"}); code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			got := map[string]bool{}
			for _, line := range strings.Split(out.String(), "\n") {
				if line == "" || strings.HasPrefix(line, ":") {
					continue
				}
				name, _, _ := strings.Cut(line, "\t")
				got[name] = true
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("%q not offered; got\n%s", w, out)
				}
			}
			for _, w := range tt.notWant {
				if got[w] {
					t.Errorf("%q offered; got\n%s", w, out)
				}
			}
		})
	}
}

// TestCompletionInHelp checks that the completion command is listed in
// the root's help.
func TestCompletionInHelp(t *testing.T) {
	io, out, _ := Test()
	if code := Run([]string{"--help"}, &Factory{IO: io, Version: "9.9.9"}); code != ExitOK {
		t.Fatal(code)
	}
	if !strings.Contains(out.String(), "\n  completion ") {
		t.Errorf("root help does not list completion:\n%s", out)
	}
}
