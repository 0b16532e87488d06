import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StringTokenizer st = new StringTokenizer(new String(System.in.readAllBytes()));
        int q = Integer.parseInt(st.nextToken());
        long m = Long.parseLong(st.nextToken());
        for (int i = 0; i < q; i++) {
            long a = Long.parseLong(st.nextToken());
            long b = Long.parseLong(st.nextToken());
        }
        // print (a_1^b_1 + ... + a_q^b_q) mod m
    }
}
