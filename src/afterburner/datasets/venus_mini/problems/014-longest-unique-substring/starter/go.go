func lengthOfLongestSubstring(s string) int {
    
}
