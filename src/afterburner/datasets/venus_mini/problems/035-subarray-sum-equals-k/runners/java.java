import java.util.*;
import java.io.*;
==Code Submission==

public class Main {
    private static final DataInputStream RUNNER_IN = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));

    private static long runnerReadLong() throws IOException {
        int c = RUNNER_IN.read();
        while (c != -1 && c != '-' && (c < '0' || c > '9')) c = RUNNER_IN.read();
        boolean neg = false;
        if (c == '-') { neg = true; c = RUNNER_IN.read(); }
        long r = 0;
        while (c >= '0' && c <= '9') { r = r * 10 + (c - '0'); c = RUNNER_IN.read(); }
        return neg ? -r : r;
    }

    public static void main(String[] args) throws IOException {
        int n = (int) runnerReadLong();
        int k = (int) runnerReadLong();
        int[] nums = new int[n];
        for (int i = 0; i < n; i++) nums[i] = (int) runnerReadLong();
        long ans = new Solution().subarraySum(nums, k);
        System.out.println(ans);
    }
}
