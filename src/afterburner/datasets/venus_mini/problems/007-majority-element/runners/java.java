import java.util.*;
import java.io.*;

==Code Submission==

public class Main {
    private static final InputStream IN = new BufferedInputStream(System.in, 1 << 16);

    private static long nextLong() throws IOException {
        int c = IN.read();
        while (c != '-' && (c < '0' || c > '9')) c = IN.read();
        boolean neg = false;
        if (c == '-') {
            neg = true;
            c = IN.read();
        }
        long r = 0;
        while (c >= '0' && c <= '9') {
            r = r * 10 + (c - '0');
            c = IN.read();
        }
        return neg ? -r : r;
    }

    public static void main(String[] args) throws IOException {
        int n = (int) nextLong();
        int[] nums = new int[n];
        for (int i = 0; i < n; i++) nums[i] = (int) nextLong();
        int res = new Solution().majorityElement(nums);
        System.out.println(res);
    }
}
