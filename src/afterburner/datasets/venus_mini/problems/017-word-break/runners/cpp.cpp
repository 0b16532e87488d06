#include <bits/stdc++.h>
using namespace std;

==Code Submission==

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    int m;
    cin >> s >> m;
    vector<string> words(m);
    for (auto& w : words) cin >> w;
    Solution sol;
    cout << (sol.wordBreak(s, words) ? "true" : "false") << "\n";
    return 0;
}
