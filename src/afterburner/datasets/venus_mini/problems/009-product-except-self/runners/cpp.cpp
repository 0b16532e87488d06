#include <bits/stdc++.h>
using namespace std;

==Code Submission==

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<int> nums(n);
    for (int i = 0; i < n; ++i) cin >> nums[i];
    Solution sol;
    auto res = sol.productExceptSelf(nums);
    string out;
    for (size_t i = 0; i < res.size(); ++i) {
        if (i) out += ' ';
        out += to_string(res[i]);
    }
    cout << out << '\n';
    return 0;
}
