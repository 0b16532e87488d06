#include <bits/stdc++.h>
using namespace std;

int main() {
    int q;
    long long m;
    cin >> q >> m;
    for (int i = 0; i < q; i++) {
        long long a, b;
        cin >> a >> b;
    }
    // print (a_1^b_1 + ... + a_q^b_q) mod m
    return 0;
}
