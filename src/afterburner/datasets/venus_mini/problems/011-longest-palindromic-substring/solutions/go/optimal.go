// optimal: O(n) Manacher's algorithm over the separator-padded string
func longestPalindromeLength(s string) int {
	n := len(s)
	m := 2*n + 3
	t := make([]byte, m)
	t[0], t[1], t[m-1] = '^', '#', '$'
	for i := 0; i < n; i++ {
		t[2*i+2] = s[i]
		t[2*i+3] = '#'
	}
	rad := make([]int, m)
	center, right, best := 0, 0, 0
	for i := 1; i < m-1; i++ {
		r := 0
		if i < right {
			r = right - i
			if rad[2*center-i] < r {
				r = rad[2*center-i]
			}
		}
		for t[i+r+1] == t[i-r-1] {
			r++
		}
		rad[i] = r
		if i+r > right {
			center, right = i, i+r
		}
		if r > best {
			best = r
		}
	}
	return best
}
