// better: O(n log n) time - sort.Slice over (l, r) pairs, merge in one pass, buffered fmt I/O
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var n int
	fmt.Fscan(in, &n)
	iv := make([][2]int, n)
	for i := range iv {
		fmt.Fscan(in, &iv[i][0], &iv[i][1])
	}
	sort.Slice(iv, func(a, b int) bool {
		if iv[a][0] != iv[b][0] {
			return iv[a][0] < iv[b][0]
		}
		return iv[a][1] < iv[b][1]
	})
	res := [][2]int{}
	for _, p := range iv {
		if len(res) > 0 && p[0] <= res[len(res)-1][1] {
			if p[1] > res[len(res)-1][1] {
				res[len(res)-1][1] = p[1]
			}
		} else {
			res = append(res, p)
		}
	}
	fmt.Fprintln(out, len(res))
	for _, p := range res {
		fmt.Fprintln(out, p[0], p[1])
	}
}
