// naive: Bellman-Ford over the edge list with early exit, O(V*E)
import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.nextToken(); int n = (int) in.nval;
        in.nextToken(); int m = (int) in.nval;
        in.nextToken(); int s = (int) in.nval;
        int[] us = new int[m], vs = new int[m];
        long[] ws = new long[m];
        for (int i = 0; i < m; i++) {
            in.nextToken(); us[i] = (int) in.nval;
            in.nextToken(); vs[i] = (int) in.nval;
            in.nextToken(); ws[i] = (long) in.nval;
        }
        final long INF = Long.MAX_VALUE;
        long[] dist = new long[n];
        Arrays.fill(dist, INF);
        dist[s] = 0;
        for (int pass = 0; pass < n - 1; pass++) {
            boolean changed = false;
            for (int i = 0; i < m; i++) {
                long du = dist[us[i]];
                if (du == INF) continue;
                long nd = du + ws[i];
                if (nd < dist[vs[i]]) {
                    dist[vs[i]] = nd;
                    changed = true;
                }
            }
            if (!changed) break;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(' ');
            sb.append(dist[i] == INF ? -1 : dist[i]);
        }
        System.out.println(sb);
    }
}
