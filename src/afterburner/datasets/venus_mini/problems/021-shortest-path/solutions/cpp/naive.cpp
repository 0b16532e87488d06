// naive: Bellman-Ford over the edge list with early exit, O(V*E)
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m, s;
    cin >> n >> m >> s;
    vector<int> us(m), vs(m);
    vector<long long> ws(m);
    for (int i = 0; i < m; i++) cin >> us[i] >> vs[i] >> ws[i];
    const long long INF = LLONG_MAX;
    vector<long long> dist(n, INF);
    dist[s] = 0;
    for (int pass = 0; pass < n - 1; pass++) {
        bool changed = false;
        for (int i = 0; i < m; i++) {
            if (dist[us[i]] == INF) continue;
            long long nd = dist[us[i]] + ws[i];
            if (nd < dist[vs[i]]) {
                dist[vs[i]] = nd;
                changed = true;
            }
        }
        if (!changed) break;
    }
    string out;
    for (int i = 0; i < n; i++) {
        if (i) out += ' ';
        out += to_string(dist[i] == INF ? -1LL : dist[i]);
    }
    out += '\n';
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
