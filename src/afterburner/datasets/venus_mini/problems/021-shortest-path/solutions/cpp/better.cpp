// better: array-scan Dijkstra without a heap, O(V^2 + E)
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m, s;
    cin >> n >> m >> s;
    vector<vector<pair<int, long long>>> adj(n);
    for (int i = 0; i < m; i++) {
        int u, v;
        long long w;
        cin >> u >> v >> w;
        adj[u].push_back({v, w});
    }
    const long long INF = LLONG_MAX;
    vector<long long> dist(n, INF);
    vector<char> done(n, 0);
    dist[s] = 0;
    for (int it = 0; it < n; it++) {
        int u = -1;
        for (int v = 0; v < n; v++)
            if (!done[v] && dist[v] != INF && (u < 0 || dist[v] < dist[u])) u = v;
        if (u < 0) break;
        done[u] = 1;
        for (auto &e : adj[u])
            if (dist[u] + e.second < dist[e.first]) dist[e.first] = dist[u] + e.second;
    }
    for (int i = 0; i < n; i++) {
        if (i) putchar(' ');
        printf("%lld", dist[i] == INF ? -1LL : dist[i]);
    }
    putchar('\n');
    return 0;
}
