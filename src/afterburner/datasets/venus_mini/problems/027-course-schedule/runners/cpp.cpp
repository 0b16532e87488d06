#include <bits/stdc++.h>
using namespace std;

==Code Submission==

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    if (!(cin >> n >> m)) return 0;
    vector<vector<int>> prerequisites(m, vector<int>(2));
    for (int i = 0; i < m; i++) cin >> prerequisites[i][0] >> prerequisites[i][1];
    Solution sol;
    cout << (sol.canFinish(n, prerequisites) ? "true" : "false") << "\n";
    return 0;
}
