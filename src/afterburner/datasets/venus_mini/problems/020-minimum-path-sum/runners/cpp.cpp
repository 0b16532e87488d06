#include <bits/stdc++.h>
using namespace std;

==Code Submission==

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int r, c;
    cin >> r >> c;
    vector<vector<int>> grid(r, vector<int>(c));
    for (auto& row : grid)
        for (auto& v : row) cin >> v;
    Solution sol;
    cout << sol.minPathSum(grid) << "\n";
    return 0;
}
