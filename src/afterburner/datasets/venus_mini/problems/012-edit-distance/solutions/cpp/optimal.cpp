// optimal: single rolling row over the shorter string, O(n*m) time, O(min(n,m)) memory
#include <bits/stdc++.h>
using namespace std;

int main() {
    string a, b;
    cin >> a >> b;
    if (b.size() > a.size()) swap(a, b);
    int n = a.size(), m = b.size();
    vector<int> row(m + 1);
    for (int j = 0; j <= m; ++j) row[j] = j;
    for (int i = 1; i <= n; ++i) {
        int diag = row[0];
        row[0] = i;
        for (int j = 1; j <= m; ++j) {
            int up = row[j];
            if (a[i - 1] == b[j - 1]) row[j] = diag;
            else row[j] = 1 + min({up, row[j - 1], diag});
            diag = up;
        }
    }
    cout << row[m] << "\n";
    return 0;
}
