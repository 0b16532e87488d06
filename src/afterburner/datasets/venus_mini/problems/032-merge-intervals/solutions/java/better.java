// better: O(n log n) time - sort int[] pairs with a comparator, merge in one pass, StringBuilder output
import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        int n = Integer.parseInt(br.readLine().trim());
        int[][] iv = new int[n][];
        for (int i = 0; i < n; i++) {
            StringTokenizer st = new StringTokenizer(br.readLine());
            iv[i] = new int[]{Integer.parseInt(st.nextToken()), Integer.parseInt(st.nextToken())};
        }
        Arrays.sort(iv, (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        List<int[]> out = new ArrayList<>();
        for (int[] p : iv) {
            if (!out.isEmpty() && p[0] <= out.get(out.size() - 1)[1]) {
                int[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], p[1]);
            } else {
                out.add(new int[]{p[0], p[1]});
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(out.size()).append('\n');
        for (int[] p : out) sb.append(p[0]).append(' ').append(p[1]).append('\n');
        System.out.print(sb);
    }
}
