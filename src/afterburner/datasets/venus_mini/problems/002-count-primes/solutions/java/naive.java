// naive: O(N*sqrt(N)) trial division of every candidate by every integer up to its square root
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(new String(System.in.readAllBytes()).trim());
        int count = 0;
        for (int m = 2; m < n; m++) {
            boolean prime = true;
            for (int d = 2; (long) d * d <= m; d++) {
                if (m % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) count++;
        }
        System.out.println(count);
    }
}
