// optimal: iterative DFS flood fill that sinks visited land in place, O(R*C)
class Solution {
public:
    int numIslands(vector<vector<char>>& grid) {
        int rows = grid.size(), cols = grid[0].size();
        int count = 0;
        vector<int> stack;
        stack.reserve(rows * cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (grid[i][j] != '1') continue;
                count++;
                grid[i][j] = '0';
                stack.push_back(i * cols + j);
                while (!stack.empty()) {
                    int p = stack.back();
                    stack.pop_back();
                    int a = p / cols, b = p % cols;
                    if (a > 0 && grid[a - 1][b] == '1') { grid[a - 1][b] = '0'; stack.push_back(p - cols); }
                    if (a + 1 < rows && grid[a + 1][b] == '1') { grid[a + 1][b] = '0'; stack.push_back(p + cols); }
                    if (b > 0 && grid[a][b - 1] == '1') { grid[a][b - 1] = '0'; stack.push_back(p - 1); }
                    if (b + 1 < cols && grid[a][b + 1] == '1') { grid[a][b + 1] = '0'; stack.push_back(p + 1); }
                }
            }
        }
        return count;
    }
};
