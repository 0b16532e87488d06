// optimal: Dijkstra with a binary heap (priority_queue) and lazy deletion, O((V + E) log V)
#include <bits/stdc++.h>
using namespace std;

static char buf[1 << 25];

int main() {
    size_t len = fread(buf, 1, sizeof(buf) - 1, stdin);
    buf[len] = 0;
    char *p = buf;
    auto next = [&]() -> long long {
        while (*p && (*p < '0' || *p > '9')) p++;
        long long x = 0;
        while (*p >= '0' && *p <= '9') x = x * 10 + (*p++ - '0');
        return x;
    };
    int n = next(), m = next(), s = next();
    vector<int> start(n + 1, 0), eu(m), ev(m);
    vector<long long> ew(m);
    for (int i = 0; i < m; i++) {
        eu[i] = next(); ev[i] = next(); ew[i] = next();
        start[eu[i] + 1]++;
    }
    for (int i = 0; i < n; i++) start[i + 1] += start[i];
    vector<int> to(m), fill(start.begin(), start.end() - 1);
    vector<long long> wt(m);
    for (int i = 0; i < m; i++) {
        int k = fill[eu[i]]++;
        to[k] = ev[i];
        wt[k] = ew[i];
    }
    vector<long long> dist(n, -1);
    dist[s] = 0;
    priority_queue<pair<long long, int>, vector<pair<long long, int>>, greater<>> pq;
    pq.push({0, s});
    while (!pq.empty()) {
        auto [d, u] = pq.top();
        pq.pop();
        if (d != dist[u]) continue;
        for (int k = start[u]; k < start[u + 1]; k++) {
            int v = to[k];
            long long nd = d + wt[k];
            if (dist[v] < 0 || nd < dist[v]) {
                dist[v] = nd;
                pq.push({nd, v});
            }
        }
    }
    string out;
    for (int i = 0; i < n; i++) {
        if (i) out += ' ';
        out += to_string(dist[i]);
    }
    out += '\n';
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
