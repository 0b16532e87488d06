func longestPalindromeLength(s string) int {
    
}
