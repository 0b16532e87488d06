// naive: repeated min-label propagation sweeps until nothing changes, O(R*C*D) for island diameter D
class Solution {
public:
    int numIslands(vector<vector<char>>& grid) {
        int rows = grid.size(), cols = grid[0].size();
        vector<vector<int>> label(rows, vector<int>(cols, -1));
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                if (grid[i][j] == '1') label[i][j] = i * cols + j;
        bool changed = true;
        while (changed) {
            changed = false;
            vector<vector<int>> next = label;
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
            label.swap(next);
        }
        int count = 0;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                if (label[i][j] == i * cols + j) count++;
        return count;
    }
};
