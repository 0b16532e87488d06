#include <bits/stdc++.h>
using namespace std;

==Code Submission==

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string text1, text2;
    cin >> text1 >> text2;
    Solution sol;
    cout << sol.longestCommonSubsequence(text1, text2) << "\n";
    return 0;
}
