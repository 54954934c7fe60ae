package cmd

import (
	"fmt"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress draws a bar with the count, the rate and the estimated time
// left on standard error while a long computation runs. It draws only when
// standard error is a terminal and --quiet is not given: a nil *progress
// (what newProgress returns otherwise) does nothing.
//
// Workers report each finished step with an atomic add (hook); a goroutine
// moves the bar five times a second, so that the workers never wait for
// the terminal, and the steps' results cannot depend on the bar.
type progress struct {
	bar        *progressbar.ProgressBar
	n          atomic.Int64
	stop, done chan struct{}
}

// newProgress starts a bar of total steps, described by desc and counted
// in unit ("samples"), or returns nil when no bar is to be drawn.
func newProgress(io *IOStreams, quiet bool, total int, desc, unit string) *progress {
	if quiet || !io.ErrTTY || total < 1 {
		return nil
	}
	w := io.ErrOut
	p := &progress{stop: make(chan struct{}), done: make(chan struct{})}
	p.bar = progressbar.NewOptions64(int64(total),
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionSetWidth(20),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(unit),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }),
	)
	_ = p.bar.RenderBlank()
	go func() {
		defer close(p.done)
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				_ = p.bar.Set64(p.n.Load())
			}
		}
	}()
	return p
}

// step counts one finished step; safe for concurrent use.
func (p *progress) step(int) { p.n.Add(1) }

// hook returns the function to give the computation as its Progress
// option: nil when no bar is drawn, so that it does not even count.
func (p *progress) hook() func(int) {
	if p == nil {
		return nil
	}
	return p.step
}

// set moves the bar to done steps (for computations that report their
// own count).
func (p *progress) set(done int) {
	if p != nil {
		p.n.Store(int64(done))
	}
}

// finish draws the final count and ends the bar's line. It must be
// called once, when the computation has returned (successfully or not).
func (p *progress) finish() {
	if p == nil {
		return
	}
	close(p.stop)
	<-p.done
	_ = p.bar.Set64(p.n.Load())
	if !p.bar.IsFinished() {
		_ = p.bar.Exit()
	}
}
