// better: union-find over land cells with path halving and union by size, O(R*C * alpha)
class Solution {
    vector<int> parent, sz;
    int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
public:
    int numIslands(vector<vector<char>>& grid) {
        int rows = grid.size(), cols = grid[0].size();
        parent.resize(rows * cols);
        sz.assign(rows * cols, 1);
        for (int i = 0; i < rows * cols; i++) parent[i] = i;
        int count = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (grid[i][j] != '1') continue;
                count++;
                int idx = i * cols + j;
                int nb[2][2] = {{i - 1, j}, {i, j - 1}};
                for (auto &p : nb) {
                    if (p[0] < 0 || p[1] < 0 || grid[p[0]][p[1]] != '1') continue;
                    int a = find(idx), b = find(p[0] * cols + p[1]);
                    if (a == b) continue;
                    if (sz[a] < sz[b]) swap(a, b);
                    parent[b] = a;
                    sz[a] += sz[b];
                    count--;
                }
            }
        }
        return count;
    }
};
