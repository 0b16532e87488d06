#include <bits/stdc++.h>
using namespace std;

==Code Submission==

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int q;
    if (!(cin >> q)) return 0;
    Solution sol;
    string out;
    for (int i = 0; i < q; i++) {
        int n;
        cin >> n;
        out += to_string(sol.nthUglyNumber(n));
        out += '\n';
    }
    cout << out;
    return 0;
}
