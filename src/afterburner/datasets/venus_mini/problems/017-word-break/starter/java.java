class Solution {
    public boolean wordBreak(String s, List<String> wordDict) {
        
    }
}
