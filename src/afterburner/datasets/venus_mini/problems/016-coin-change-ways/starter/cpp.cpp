#include <bits/stdc++.h>
using namespace std;

int main() {
    int k, amount;
    cin >> k >> amount;
    vector<int> coins(k);
    for (auto& c : coins) cin >> c;
    // print the number of ways to pay amount, modulo 1000000007
    return 0;
}
