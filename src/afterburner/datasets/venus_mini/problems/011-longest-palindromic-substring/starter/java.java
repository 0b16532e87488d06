class Solution {
    public int longestPalindromeLength(String s) {
        
    }
}
