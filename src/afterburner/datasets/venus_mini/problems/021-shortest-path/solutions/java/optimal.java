// optimal: Dijkstra with a binary heap (PriorityQueue) over CSR arrays, O((V + E) log V)
import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        int n = (int) readLong(in), m = (int) readLong(in), s = (int) readLong(in);
        int[] eu = new int[m], ev = new int[m];
        long[] ew = new long[m];
        int[] start = new int[n + 1];
        for (int i = 0; i < m; i++) {
            eu[i] = (int) readLong(in);
            ev[i] = (int) readLong(in);
            ew[i] = readLong(in);
            start[eu[i] + 1]++;
        }
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        int[] fill = Arrays.copyOf(start, n);
        int[] to = new int[m];
        long[] wt = new long[m];
        for (int i = 0; i < m; i++) {
            int k = fill[eu[i]]++;
            to[k] = ev[i];
            wt[k] = ew[i];
        }
        long[] dist = new long[n];
        Arrays.fill(dist, -1);
        dist[s] = 0;
        PriorityQueue<long[]> pq = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        pq.add(new long[]{0, s});
        while (!pq.isEmpty()) {
            long[] top = pq.poll();
            long d = top[0];
            int u = (int) top[1];
            if (d != dist[u]) continue;
            for (int k = start[u]; k < start[u + 1]; k++) {
                int v = to[k];
                long nd = d + wt[k];
                if (dist[v] < 0 || nd < dist[v]) {
                    dist[v] = nd;
                    pq.add(new long[]{nd, v});
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(' ');
            sb.append(dist[i]);
        }
        System.out.println(sb);
    }

    private static long readLong(DataInputStream in) throws IOException {
        int c = in.read();
        while (c != '-' && (c < '0' || c > '9')) c = in.read();
        boolean neg = false;
        if (c == '-') { neg = true; c = in.read(); }
        long x = 0;
        while (c >= '0' && c <= '9') { x = x * 10 + (c - '0'); c = in.read(); }
        return neg ? -x : x;
    }
}
