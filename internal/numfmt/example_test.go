package numfmt_test

import (
	"fmt"

	"github.com/ecosys-sna/ecosys/internal/numfmt"
)

func Example() {
	fmt.Println(numfmt.Readable(46.00000000000004))
	fmt.Println(numfmt.Readable(0.000999000999000999))
	fmt.Println(numfmt.Readable(3.241485e+08))
	fmt.Println(numfmt.Group("8270500.00"))
	fmt.Println(numfmt.WanDecimal("8270500.00"))
	// Output:
	// 46
	// 0.000999
	// 324,148,500
	// 8,270,500.00
	// 827.05万
}
