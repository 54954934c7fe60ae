package cmd

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Version is the version of ecosys when the build does not say otherwise.
// Release builds set it with
//
//	go build -ldflags "-X github.com/ecosys-sna/ecosys/cmd.Version=1.0.0" ./cmd/ecosys
//
// Left at its default, a binary built with module information (go install
// module@version) reports its main module's version instead.
var Version = defaultVersion

// defaultVersion is the version of an untagged development build.
const defaultVersion = "0.1.0-dev"

// reportedModules are the dependencies "ecosys version" reports, in order,
// when they are linked into the binary.
var reportedModules = []string{
	"gonum.org/v1/gonum",
	"gonum.org/v1/plot",
	"github.com/spf13/cobra",
}

// resolveVersion returns v if it was set at link time, else the main module
// version from the build information if there is one, else v.
func resolveVersion(v string, readBuildInfo func() (*debug.BuildInfo, bool)) string {
	if v != defaultVersion {
		return v
	}
	if bi, ok := readBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return v
}

// VersionOptions are the options of "ecosys version".
type VersionOptions struct {
	IO        *IOStreams
	Version   string
	Format    string
	BuildInfo func() (*debug.BuildInfo, bool) // debug.ReadBuildInfo, or a fake
}

// NewCmdVersion returns the "version" command. If runF is not nil, it is
// called with the parsed options instead of running the command.
func NewCmdVersion(f *Factory, runF func(*VersionOptions) error) *cobra.Command {
	opts := &VersionOptions{IO: f.IO, Version: f.Version, BuildInfo: debug.ReadBuildInfo}
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print the version of ecosys and of its main dependencies",
		Long: `Print the version of ecosys, the Go release it was built with, and the
versions of gonum, gonum/plot and cobra linked into it. Include this
output when you report a problem or cite results.`,
		Args: exactArgs(0, ""),
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return versionRun(opts)
		},
	}
	addFormatFlag(cmd, &opts.Format, FormatText, textFormats...)
	return cmd
}

// versionInfo is the JSON output of "ecosys version".
type versionInfo struct {
	Version   string       `json:"version"`
	GoVersion string       `json:"go_version"`
	OS        string       `json:"os"`
	Arch      string       `json:"arch"`
	Modules   []moduleInfo `json:"modules"`
}

// moduleInfo is a dependency and its version.
type moduleInfo struct {
	Path    string `json:"path"`
	Version string `json:"version"`
}

func versionRun(opts *VersionOptions) error {
	info := versionInfo{
		Version:   opts.Version,
		GoVersion: runtime.Version(),
		OS:        runtime.GOOS,
		Arch:      runtime.GOARCH,
		Modules:   []moduleInfo{},
	}
	if bi, ok := opts.BuildInfo(); ok {
		if bi.GoVersion != "" {
			info.GoVersion = bi.GoVersion
		}
		for _, path := range reportedModules {
			for _, d := range bi.Deps {
				if d.Path != path {
					continue
				}
				v := d.Version
				if d.Replace != nil {
					v += " => " + d.Replace.Path
					if d.Replace.Version != "" {
						v += " " + d.Replace.Version
					}
				}
				info.Modules = append(info.Modules, moduleInfo{Path: path, Version: v})
			}
		}
	}
	if opts.Format == FormatJSON {
		return writeJSON(opts.IO.Out, info)
	}
	w := opts.IO.Out
	fmt.Fprintf(w, "ecosys %s\n", info.Version)
	fmt.Fprintf(w, "%s %s/%s\n", info.GoVersion, info.OS, info.Arch)
	for _, m := range info.Modules {
		if _, err := fmt.Fprintf(w, "%s %s\n", m.Path, m.Version); err != nil {
			return err
		}
	}
	return nil
}
