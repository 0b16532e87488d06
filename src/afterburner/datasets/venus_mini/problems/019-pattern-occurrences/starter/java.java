import java.util.*;
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StringTokenizer st = new StringTokenizer(new String(System.in.readAllBytes()));
        String text = st.nextToken();
        String pattern = st.nextToken();
        // print the number of (possibly overlapping) occurrences of pattern in text
    }
}
