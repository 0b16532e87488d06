// optimal: Dirichlet hyperbola, D(N) = 2 * sum_{i <= r} floor(N / i) - r^2 with r = isqrt(N), O(sqrt N)
package main

import (
	"fmt"
	"math"
)

func main() {
	var n int64
	fmt.Scan(&n)
	r := int64(math.Sqrt(float64(n)))
	for r*r > n {
		r--
	}
	for (r+1)*(r+1) <= n {
		r++
	}
	total := int64(0)
	for i := int64(1); i <= r; i++ {
		total += n / i
	}
	fmt.Println(2*total - r*r)
}
