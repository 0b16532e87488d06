// optimal: single rolling row over the shorter string, O(n*m) time, O(min(n,m)) memory
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	reader := bufio.NewReader(os.Stdin)
	var a, b string
	fmt.Fscan(reader, &a, &b)
	if len(b) > len(a) {
		a, b = b, a
	}
	n, m := len(a), len(b)
	row := make([]int, m+1)
	for j := 0; j <= m; j++ {
		row[j] = j
	}
	for i := 1; i <= n; i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= m; j++ {
			up := row[j]
			if a[i-1] == b[j-1] {
				row[j] = diag
			} else {
				v := up
				if row[j-1] < v {
					v = row[j-1]
				}
				if diag < v {
					v = diag
				}
				row[j] = v + 1
			}
			diag = up
		}
	}
	fmt.Println(row[m])
}
