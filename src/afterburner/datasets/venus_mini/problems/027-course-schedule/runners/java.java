import java.io.*;
import java.util.*;

==Code Submission==

public class Main {
    public static void main(String[] args) throws IOException {
        StringTokenizer st = new StringTokenizer(new String(System.in.readAllBytes()));
        int n = Integer.parseInt(st.nextToken());
        int m = Integer.parseInt(st.nextToken());
        int[][] prerequisites = new int[m][2];
        for (int i = 0; i < m; i++) {
            prerequisites[i][0] = Integer.parseInt(st.nextToken());
            prerequisites[i][1] = Integer.parseInt(st.nextToken());
        }
        System.out.println(new Solution().canFinish(n, prerequisites) ? "true" : "false");
    }
}
