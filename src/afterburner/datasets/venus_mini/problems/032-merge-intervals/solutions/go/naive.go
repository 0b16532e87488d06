// naive: O(n^2) time - insert intervals one by one, scanning every merged interval for overlaps and rebuilding the list
package main

import (
	"fmt"
	"sort"
)

func main() {
	var n int
	fmt.Scan(&n)
	merged := [][2]int{}
	for i := 0; i < n; i++ {
		var l, r int
		fmt.Scan(&l, &r)
		rest := [][2]int{}
		for _, iv := range merged {
			if iv[0] <= r && l <= iv[1] {
				if iv[0] < l {
					l = iv[0]
				}
				if iv[1] > r {
					r = iv[1]
				}
			} else {
				rest = append(rest, iv)
			}
		}
		rest = append(rest, [2]int{l, r})
		merged = rest
	}
	sort.Slice(merged, func(a, b int) bool { return merged[a][0] < merged[b][0] })
	fmt.Println(len(merged))
	for _, iv := range merged {
		fmt.Println(iv[0], iv[1])
	}
}
