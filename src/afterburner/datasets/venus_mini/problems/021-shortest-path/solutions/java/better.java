// better: array-scan Dijkstra without a heap, O(V^2 + E)
import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.nextToken(); int n = (int) in.nval;
        in.nextToken(); int m = (int) in.nval;
        in.nextToken(); int s = (int) in.nval;
        List<List<long[]>> adj = new ArrayList<>();
        for (int i = 0; i < n; i++) adj.add(new ArrayList<>());
        for (int i = 0; i < m; i++) {
            in.nextToken(); int u = (int) in.nval;
            in.nextToken(); int v = (int) in.nval;
            in.nextToken(); long w = (long) in.nval;
            adj.get(u).add(new long[]{v, w});
        }
        final long INF = Long.MAX_VALUE;
        long[] dist = new long[n];
        boolean[] done = new boolean[n];
        Arrays.fill(dist, INF);
        dist[s] = 0;
        for (int it = 0; it < n; it++) {
            int u = -1;
            for (int v = 0; v < n; v++)
                if (!done[v] && dist[v] != INF && (u < 0 || dist[v] < dist[u])) u = v;
            if (u < 0) break;
            done[u] = true;
            for (long[] e : adj.get(u)) {
                int v = (int) e[0];
                if (dist[u] + e[1] < dist[v]) dist[v] = dist[u] + e[1];
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(' ');
            sb.append(dist[i] == INF ? -1 : dist[i]);
        }
        System.out.println(sb);
    }
}
