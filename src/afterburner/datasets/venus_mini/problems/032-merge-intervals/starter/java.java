import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        StreamTokenizer st = new StreamTokenizer(br);
        st.nextToken();
        int n = (int) st.nval;
        long[][] intervals = new long[n][2];
        for (int i = 0; i < n; i++) {
            st.nextToken();
            intervals[i][0] = (long) st.nval;
            st.nextToken();
            intervals[i][1] = (long) st.nval;
        }
        // merge the intervals, then print the count and the merged intervals
    }
}
