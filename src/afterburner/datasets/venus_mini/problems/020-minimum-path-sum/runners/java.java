import java.util.*;
import java.io.*;

==Code Submission==

public class Main {
    public static void main(String[] args) throws IOException {
        String data = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        StringTokenizer st = new StringTokenizer(data);
        int r = Integer.parseInt(st.nextToken());
        int c = Integer.parseInt(st.nextToken());
        int[][] grid = new int[r][c];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) grid[i][j] = Integer.parseInt(st.nextToken());
        System.out.println(new Solution().minPathSum(grid));
    }
}
