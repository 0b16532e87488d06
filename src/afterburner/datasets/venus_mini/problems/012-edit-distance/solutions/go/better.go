// better: bottom-up full (n+1)x(m+1) table, O(n*m) time and memory
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
	n, m := len(a), len(b)
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, m+1)
	}
	for j := 0; j <= m; j++ {
		dp[0][j] = j
	}
	for i := 1; i <= n; i++ {
		dp[i][0] = i
		for j := 1; j <= m; j++ {
			if a[i-1] == b[j-1] {
				dp[i][j] = dp[i-1][j-1]
			} else {
				v := dp[i-1][j]
				if dp[i][j-1] < v {
					v = dp[i][j-1]
				}
				if dp[i-1][j-1] < v {
					v = dp[i-1][j-1]
				}
				dp[i][j] = v + 1
			}
		}
	}
	fmt.Println(dp[n][m])
}
