// optimal: single rolling row over the shorter string, O(n*m) time, O(min(n,m)) memory
import java.util.*;
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StringTokenizer st = new StringTokenizer(new String(System.in.readAllBytes()));
        char[] a = st.nextToken().toCharArray();
        char[] b = st.nextToken().toCharArray();
        if (b.length > a.length) { char[] t = a; a = b; b = t; }
        int n = a.length, m = b.length;
        int[] row = new int[m + 1];
        for (int j = 0; j <= m; j++) row[j] = j;
        for (int i = 1; i <= n; i++) {
            int diag = row[0];
            row[0] = i;
            for (int j = 1; j <= m; j++) {
                int up = row[j];
                if (a[i - 1] == b[j - 1]) row[j] = diag;
                else row[j] = 1 + Math.min(up, Math.min(row[j - 1], diag));
                diag = up;
            }
        }
        System.out.println(row[m]);
    }
}
