class Solution {
    public int lengthOfLongestSubstring(String s) {
        
    }
}
