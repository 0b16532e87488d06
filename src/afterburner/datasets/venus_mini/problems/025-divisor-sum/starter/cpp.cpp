#include <bits/stdc++.h>
using namespace std;

int main() {
    long long n;
    cin >> n;
    // print d(1) + d(2) + ... + d(n)
    return 0;
}
