package dev.tarjim.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options of the benchmark mains, and where their summary goes. */
final class Options {
    private Options() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    /** Standard output, and the {@code --out} file (appended to) when given. */
    static PrintStream summary(Map<String, String> opts) throws IOException {
        String file = opts.get("out");
        if (file == null) {
            return System.out;
        }
        OutputStream tee = new OutputStream() {
            private final OutputStream out = new FileOutputStream(file, true);

            @Override
            public void write(int b) throws IOException {
                System.out.write(b);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                System.out.write(b, off, len);
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                System.out.flush();
                out.flush();
            }
        };
        return new PrintStream(tee, true, StandardCharsets.UTF_8);
    }
}
