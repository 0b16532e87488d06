// better: divisor-count sieve, add 1 to every multiple of every d, O(N log N) time, O(N) memory
package main

import "fmt"

func main() {
	var n int
	fmt.Scan(&n)
	cnt := make([]int32, n+1)
	for d := 1; d <= n; d++ {
		for k := d; k <= n; k += d {
			cnt[k]++
		}
	}
	total := int64(0)
	for i := 1; i <= n; i++ {
		total += int64(cnt[i])
	}
	fmt.Println(total)
}
