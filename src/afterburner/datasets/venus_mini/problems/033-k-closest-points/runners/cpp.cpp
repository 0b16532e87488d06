#include <bits/stdc++.h>
using namespace std;
==Code Submission==

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int runner_n, runner_k;
    if (!(cin >> runner_n >> runner_k)) return 0;
    vector<vector<int>> runner_points(runner_n, vector<int>(2));
    for (int i = 0; i < runner_n; i++) cin >> runner_points[i][0] >> runner_points[i][1];
    Solution runner_sol;
    vector<vector<int>> runner_res = runner_sol.kClosest(runner_points, runner_k);
    string runner_out;
    for (auto& p : runner_res) runner_out += to_string(p[0]) + " " + to_string(p[1]) + "\n";
    cout << runner_out;
    return 0;
}
