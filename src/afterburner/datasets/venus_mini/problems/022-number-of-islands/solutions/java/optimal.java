// optimal: iterative DFS flood fill with an int-array stack, sinking visited land in place, O(R*C)
class Solution {
    public int numIslands(char[][] grid) {
        int rows = grid.length, cols = grid[0].length;
        int[] stack = new int[rows * cols];
        int count = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (grid[i][j] != '1') continue;
                count++;
                grid[i][j] = '0';
                int top = 0;
                stack[top++] = i * cols + j;
                while (top > 0) {
                    int p = stack[--top];
                    int a = p / cols, b = p % cols;
                    if (a > 0 && grid[a - 1][b] == '1') { grid[a - 1][b] = '0'; stack[top++] = p - cols; }
                    if (a + 1 < rows && grid[a + 1][b] == '1') { grid[a + 1][b] = '0'; stack[top++] = p + cols; }
                    if (b > 0 && grid[a][b - 1] == '1') { grid[a][b - 1] = '0'; stack[top++] = p - 1; }
                    if (b + 1 < cols && grid[a][b + 1] == '1') { grid[a][b + 1] = '0'; stack[top++] = p + 1; }
                }
            }
        }
        return count;
    }
}
