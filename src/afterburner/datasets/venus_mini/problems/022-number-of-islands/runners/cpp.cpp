#include <bits/stdc++.h>
using namespace std;

==Code Submission==

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int r, c;
    if (!(cin >> r >> c)) return 0;
    vector<vector<char>> grid(r, vector<char>(c, '0'));
    for (int i = 0; i < r; i++) {
        string s;
        cin >> s;
        for (int j = 0; j < c && j < (int)s.size(); j++) grid[i][j] = s[j];
    }
    Solution sol;
    cout << sol.numIslands(grid) << "\n";
    return 0;
}
