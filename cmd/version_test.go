package cmd

import (
	"encoding/json"
	"runtime"
	"runtime/debug"
	"testing"
)

func TestNewCmdVersion(t *testing.T) {
	tests := []struct {
		argv    string
		want    VersionOptions
		wantErr string
	}{
		{argv: "", want: VersionOptions{Version: "1.2.3", Format: "text"}},
		{argv: "--format json", want: VersionOptions{Version: "1.2.3", Format: "json"}},
		{argv: "--format table", wantErr: `invalid argument "table" for "--format" flag: must be one of text, json`},
		{argv: "extra", wantErr: `unexpected argument "extra"`},
		{argv: "--verbose", wantErr: "unknown flag: --verbose"},
	}
	for _, tt := range tests {
		t.Run(tt.argv, func(t *testing.T) {
			io, _, _ := Test()
			var got *VersionOptions
			c := NewCmdVersion(&Factory{IO: io, Version: "1.2.3"}, func(o *VersionOptions) error { got = o; return nil })
			if !checkErr(t, execute(c, tt.argv), tt.wantErr) {
				return
			}
			if got.IO != io || got.BuildInfo == nil || got.Version != tt.want.Version || got.Format != tt.want.Format {
				t.Errorf("options %+v, want %+v", *got, tt.want)
			}
		})
	}
}

// fakeBuildInfo is the build information of a binary that links plot and
// cobra (the latter replaced) but not gonum.
func fakeBuildInfo() (*debug.BuildInfo, bool) {
	return &debug.BuildInfo{
		GoVersion: "go1.99.1",
		Main:      debug.Module{Path: "github.com/ecosys-sna/ecosys", Version: "(devel)"},
		Deps: []*debug.Module{
			{Path: "github.com/spf13/cobra", Version: "v1.10.2", Replace: &debug.Module{Path: "../cobra"}},
			{Path: "github.com/spf13/pflag", Version: "v1.0.9"},
			{Path: "gonum.org/v1/plot", Version: "v0.17.0"},
		},
	}, true
}

func TestVersionRun(t *testing.T) {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	tests := []struct {
		name      string
		format    string
		buildInfo func() (*debug.BuildInfo, bool)
		want      string
	}{
		{"text", "text", fakeBuildInfo, "ecosys 1.2.3\n" +
			"go1.99.1 " + platform + "\n" +
			"gonum.org/v1/plot v0.17.0\n" +
			"github.com/spf13/cobra v1.10.2 => ../cobra\n"},
		{"no build info", "text", func() (*debug.BuildInfo, bool) { return nil, false },
			"ecosys 1.2.3\n" + runtime.Version() + " " + platform + "\n"},
		{"json", "json", fakeBuildInfo, `{
  "version": "1.2.3",
  "go_version": "go1.99.1",
  "os": "` + runtime.GOOS + `",
  "arch": "` + runtime.GOARCH + `",
  "modules": [
    {
      "path": "gonum.org/v1/plot",
      "version": "v0.17.0"
    },
    {
      "path": "github.com/spf13/cobra",
      "version": "v1.10.2 => ../cobra"
    }
  ]
}
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, stdout, stderr := Test()
			err := versionRun(&VersionOptions{IO: io, Version: "1.2.3", Format: tt.format, BuildInfo: tt.buildInfo})
			if err != nil {
				t.Fatal(err)
			}
			if stdout.String() != tt.want {
				t.Errorf("stdout:\n%s\nwant:\n%s", stdout, tt.want)
			}
			if stderr.Len() != 0 {
				t.Errorf("stderr: %q", stderr)
			}
		})
	}
}

// TestVersionJSON runs "ecosys version --format json" with the real build
// information of the test binary.
func TestVersionJSON(t *testing.T) {
	io, stdout, stderr := Test()
	if code := Run([]string{"version", "--format", "json"}, &Factory{IO: io, Version: "1.2.3"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var v struct {
		Version   string `json:"version"`
		GoVersion string `json:"go_version"`
		Modules   []struct {
			Path, Version string
		} `json:"modules"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &v); err != nil {
		t.Fatalf("%v in\n%s", err, stdout)
	}
	if v.Version != "1.2.3" || v.GoVersion == "" || v.Modules == nil {
		t.Errorf("got %+v", v)
	}
}

func TestResolveVersion(t *testing.T) {
	withMain := func(v string) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) { return &debug.BuildInfo{Main: debug.Module{Version: v}}, true }
	}
	none := func() (*debug.BuildInfo, bool) { return nil, false }
	tests := []struct {
		v    string
		bi   func() (*debug.BuildInfo, bool)
		want string
	}{
		{defaultVersion, none, defaultVersion},
		{defaultVersion, withMain("(devel)"), defaultVersion},
		{defaultVersion, withMain(""), defaultVersion},
		{defaultVersion, withMain("v1.4.0"), "v1.4.0"},
		{"2.0.0", withMain("v1.4.0"), "2.0.0"}, // -ldflags -X wins
	}
	for _, tt := range tests {
		if got := resolveVersion(tt.v, tt.bi); got != tt.want {
			t.Errorf("resolveVersion(%q, …) = %q, want %q", tt.v, got, tt.want)
		}
	}
}
