import java.io.*;
import java.util.*;

==Code Submission==

public class Main {
    public static void main(String[] args) throws IOException {
        StringTokenizer st = new StringTokenizer(new String(System.in.readAllBytes()));
        int q = Integer.parseInt(st.nextToken());
        Solution sol = new Solution();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < q; i++) {
            int n = Integer.parseInt(st.nextToken());
            out.append(sol.nthUglyNumber(n)).append('\n');
        }
        System.out.print(out);
    }
}
