package cmd

import "time"

// Factory holds what commands share: the IO streams, the version string and
// the clock. Commands copy what they need into their options when they are
// built, so tests can replace any of it.
type Factory struct {
	// IO are the streams every command reads and writes.
	IO *IOStreams
	// Version is the ecosys version printed by "ecosys version".
	Version string
	// Now returns the current time. It is injected so that output which
	// records a time (a report's date, say) can be tested; output files do
	// not depend on it unless they must.
	Now func() time.Time
	// LookupEnv reads an environment variable (--shard auto reads the
	// scheduler's); nil means os.LookupEnv.
	LookupEnv func(key string) (string, bool)
}
