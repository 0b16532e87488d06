// naive: O(n^2) time - insert intervals one by one, scanning every merged interval for overlaps and rebuilding the list
import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        int n = Integer.parseInt(br.readLine().trim());
        List<long[]> merged = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringTokenizer st = new StringTokenizer(br.readLine());
            long l = Long.parseLong(st.nextToken()), r = Long.parseLong(st.nextToken());
            List<long[]> rest = new ArrayList<>();
            for (long[] iv : merged) {
                if (iv[0] <= r && l <= iv[1]) {
                    l = Math.min(l, iv[0]);
                    r = Math.max(r, iv[1]);
                } else {
                    rest.add(iv);
                }
            }
            rest.add(new long[]{l, r});
            merged = rest;
        }
        merged.sort((a, b) -> Long.compare(a[0], b[0]));
        System.out.println(merged.size());
        for (long[] iv : merged) System.out.println(iv[0] + " " + iv[1]);
    }
}
