// naive: O(n^3) check every substring with two pointers
func longestPalindromeLength(s string) int {
	n := len(s)
	best := 0
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			lo, hi := i, j
			for lo < hi && s[lo] == s[hi] {
				lo++
				hi--
			}
			if lo >= hi && j-i+1 > best {
				best = j - i + 1
			}
		}
	}
	return best
}
