// better: union-find over land cells with path halving and union by size, O(R*C * alpha)
class Solution {
    private int[] parent, size;

    private int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    public int numIslands(char[][] grid) {
        int rows = grid.length, cols = grid[0].length;
        parent = new int[rows * cols];
        size = new int[rows * cols];
        for (int i = 0; i < rows * cols; i++) {
            parent[i] = i;
            size[i] = 1;
        }
        int count = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (grid[i][j] != '1') continue;
                count++;
                int idx = i * cols + j;
                if (i > 0 && grid[i - 1][j] == '1') count -= union(idx, idx - cols);
                if (j > 0 && grid[i][j - 1] == '1') count -= union(idx, idx - 1);
            }
        }
        return count;
    }

    private int union(int x, int y) {
        int a = find(x), b = find(y);
        if (a == b) return 0;
        if (size[a] < size[b]) { int t = a; a = b; b = t; }
        parent[b] = a;
        size[a] += size[b];
        return 1;
    }
}
