import java.util.*;
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StringTokenizer st = new StringTokenizer(new String(System.in.readAllBytes()));
        int q = Integer.parseInt(st.nextToken());
        long[] queries = new long[q];
        for (int i = 0; i < q; i++) queries[i] = Long.parseLong(st.nextToken());
        // print F(n) mod 1000000007 for every query, one per line
    }
}
