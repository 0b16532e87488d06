// naive: repeated min-label propagation sweeps until nothing changes, O(R*C*D) for island diameter D
class Solution {
    public int numIslands(char[][] grid) {
        int rows = grid.length, cols = grid[0].length;
        int[][] label = new int[rows][cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                label[i][j] = grid[i][j] == '1' ? i * cols + j : -1;
        boolean changed = true;
        while (changed) {
            changed = false;
            int[][] next = new int[rows][];
            for (int i = 0; i < rows; i++) next[i] = label[i].clone();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int cur = label[i][j];
                    if (cur < 0) continue;
                    int best = cur;
                    if (i > 0 && label[i - 1][j] >= 0 && label[i - 1][j] < best) best = label[i - 1][j];
                    if (i + 1 < rows && label[i + 1][j] >= 0 && label[i + 1][j] < best) best = label[i + 1][j];
                    if (j > 0 && label[i][j - 1] >= 0 && label[i][j - 1] < best) best = label[i][j - 1];
                    if (j + 1 < cols && label[i][j + 1] >= 0 && label[i][j + 1] < best) best = label[i][j + 1];
                    if (best != cur) {
                        next[i][j] = best;
                        changed = true;
                    }
                }
            }
            label = next;
        }
        int count = 0;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                if (label[i][j] == i * cols + j) count++;
        return count;
    }
}
