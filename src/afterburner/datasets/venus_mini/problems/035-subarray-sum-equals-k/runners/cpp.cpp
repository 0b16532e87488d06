#include <bits/stdc++.h>
using namespace std;
==Code Submission==

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int runner_n, runner_k;
    if (!(cin >> runner_n >> runner_k)) return 0;
    vector<int> runner_nums(runner_n);
    for (int i = 0; i < runner_n; i++) cin >> runner_nums[i];
    Solution runner_sol;
    long long runner_ans = runner_sol.subarraySum(runner_nums, runner_k);
    cout << runner_ans << "\n";
    return 0;
}
