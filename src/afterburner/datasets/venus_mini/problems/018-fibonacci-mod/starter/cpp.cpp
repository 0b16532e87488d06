#include <bits/stdc++.h>
using namespace std;

int main() {
    int q;
    cin >> q;
    vector<long long> queries(q);
    for (auto& n : queries) cin >> n;
    // print F(n) mod 1000000007 for every query, one per line
    return 0;
}
