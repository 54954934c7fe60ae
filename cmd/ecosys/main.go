// Command ecosys is the command-line interface of ecosys, a toolkit for
// network analysis of organizational ecosystems. Run "ecosys --help".
package main

import (
	"os"

	"github.com/ecosys-sna/ecosys/cmd"
)

func main() { os.Exit(int(cmd.Main())) }
