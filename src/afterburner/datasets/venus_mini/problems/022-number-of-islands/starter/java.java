class Solution {
    public int numIslands(char[][] grid) {
        
    }
}
