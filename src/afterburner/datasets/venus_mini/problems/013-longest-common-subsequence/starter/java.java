class Solution {
    public int longestCommonSubsequence(String text1, String text2) {
        
    }
}
