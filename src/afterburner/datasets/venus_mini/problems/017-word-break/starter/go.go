func wordBreak(s string, wordDict []string) bool {
    
}
