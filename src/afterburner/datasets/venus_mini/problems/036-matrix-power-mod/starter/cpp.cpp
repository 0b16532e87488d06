#include <bits/stdc++.h>
using namespace std;

const long long MOD = 1000000007LL;

int main() {
    int m;
    long long p;
    cin >> m >> p;
    vector<vector<long long>> a(m, vector<long long>(m));
    for (auto& row : a)
        for (auto& x : row) cin >> x;
    // print the rows of A^p mod 1000000007
    return 0;
}
