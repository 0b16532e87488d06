#include <bits/stdc++.h>
using namespace std;

==Code Submission==

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, k;
    if (!(cin >> n >> k)) return 0;
    vector<int> nums(n);
    for (auto &x : nums) cin >> x;
    Solution sol;
    vector<int> result = sol.maxSlidingWindow(nums, k);
    string out;
    for (size_t i = 0; i < result.size(); i++) {
        if (i) out += ' ';
        out += to_string(result[i]);
    }
    out += '\n';
    cout << out;
    return 0;
}
