#include <bits/stdc++.h>
using namespace std;
==Code Submission==

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int runner_n;
    if (!(cin >> runner_n)) return 0;
    vector<int> runner_nums(runner_n);
    for (int i = 0; i < runner_n; i++) cin >> runner_nums[i];
    Solution runner_sol;
    long long runner_ans = runner_sol.longestConsecutive(runner_nums);
    cout << runner_ans << "\n";
    return 0;
}
