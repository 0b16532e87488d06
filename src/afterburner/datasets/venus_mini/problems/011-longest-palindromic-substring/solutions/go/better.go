// better: O(n^2) time, O(n^2) memory interval DP table
func longestPalindromeLength(s string) int {
	n := len(s)
	pal := make([][]bool, n)
	for i := range pal {
		pal[i] = make([]bool, n)
	}
	best := 1
	for i := n - 1; i >= 0; i-- {
		pal[i][i] = true
		for j := i + 1; j < n; j++ {
			if s[i] == s[j] && (j-i < 3 || pal[i+1][j-1]) {
				pal[i][j] = true
				if j-i+1 > best {
					best = j - i + 1
				}
			}
		}
	}
	return best
}
