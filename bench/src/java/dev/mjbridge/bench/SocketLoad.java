package dev.mjbridge.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Java load driver, for machines without wrk: HTTP/1.1 over plain sockets with keep-alive,
 * one platform thread per connection, closed loop. Raw sockets rather than java.net.http so the
 * driver costs little CPU next to the server it measures (both share the machine). It reads
 * Content-Length and chunked answers; anything else, or a status other than 200, is a failure.
 */
final class SocketLoad {

    private SocketLoad() {
    }

    static LoadResult run(URI base, LoadSpec spec) throws InterruptedException {
        byte[] request = requestBytes(base, spec);
        byte[] expect = spec.expect() == null ? null : spec.expect().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        long measureFrom = start + spec.warmUp().toNanos();
        long end = measureFrom + spec.duration().toNanos();
        AtomicLong budget = new AtomicLong(spec.maxRequests() <= 0 ? Long.MAX_VALUE : spec.maxRequests());
        List<Connection> connections = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < spec.connections(); i++) {
            Connection c = new Connection(base, request, expect, measureFrom, end, budget);
            connections.add(c);
            Thread t = new Thread(c, "load-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long measuredEnd = Math.min(end, connections.stream().mapToLong(c -> c.lastDone).max().orElse(end));
        long requests = 0;
        long failures = 0;
        int total = connections.stream().mapToInt(c -> c.count).sum();
        long[] all = new long[total];
        int at = 0;
        for (Connection c : connections) {
            requests += c.count;
            failures += c.failures;
            System.arraycopy(c.latencies, 0, all, at, c.count);
            at += c.count;
        }
        Arrays.sort(all);
        return new LoadResult("java", requests, failures, Math.max(1, measuredEnd - measureFrom) / 1e9,
                percentile(all, 0.50), percentile(all, 0.99));
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, i)] / 1e6;
    }

    private static byte[] requestBytes(URI base, LoadSpec spec) {
        String host = base.getHost() + ":" + base.getPort();
        StringBuilder head = new StringBuilder()
                .append(spec.method()).append(' ').append(spec.path()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("Accept: application/json\r\n");
        byte[] body = spec.body() == null ? new byte[0] : spec.body().getBytes(StandardCharsets.UTF_8);
        if (spec.body() != null) {
            head.append("Content-Type: application/json\r\n").append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** One keep-alive connection; reconnects after a failure or a {@code Connection: close}. */
    private static final class Connection implements Runnable {
        private final URI base;
        private final byte[] request;
        private final byte[] expect;
        private final long measureFrom;
        private final long end;
        private final AtomicLong budget;
        long[] latencies = new long[1 << 14];
        int count;
        long failures;
        long lastDone;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private final byte[] line = new byte[8192];
        private byte[] body = new byte[1 << 16];

        Connection(URI base, byte[] request, byte[] expect, long measureFrom, long end, AtomicLong budget) {
            this.base = base;
            this.request = request;
            this.expect = expect;
            this.measureFrom = measureFrom;
            this.end = end;
            this.budget = budget;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end || budget.getAndDecrement() <= 0) {
                        return;
                    }
                    boolean ok;
                    try {
                        ok = exchange();
                    } catch (IOException e) {
                        ok = false;
                        close();
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= end) {
                        if (ok) {
                            record(t1 - t0);
                        } else {
                            failures++;
                        }
                        lastDone = t1;
                    }
                    if (!ok && t1 < end) {
                        Thread.sleep(1); // a refused connection must not become a busy loop
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                close();
            }
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        private boolean exchange() throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
                socket.setSoTimeout(30_000);
                in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                out = socket.getOutputStream();
            }
            out.write(request);
            out.flush();
            String status = readLine();
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase();
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase().contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            int size;
            if (chunked) {
                size = 0;
                while (true) {
                    String sizeLine = readLine();
                    int semi = sizeLine.indexOf(';');
                    int chunk = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                    if (chunk == 0) {
                        while (!readLine().isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    ensure(size + chunk);
                    readFully(size, chunk);
                    size += chunk;
                    readLine();
                }
            } else if (length >= 0) {
                ensure(length);
                readFully(0, length);
                size = length;
            } else {
                throw new IOException("answer without length");
            }
            if (close) {
                close();
            }
            return status.startsWith("HTTP/1.1 200") && (expect == null || contains(body, size, expect));
        }

        private void ensure(int size) {
            if (body.length < size) {
                body = Arrays.copyOf(body, Math.max(size, body.length * 2));
            }
        }

        private void readFully(int offset, int n) throws IOException {
            int done = 0;
            while (done < n) {
                int r = in.read(body, offset + done, n - done);
                if (r < 0) {
                    throw new IOException("closed mid-answer");
                }
                done += r;
            }
        }

        private String readLine() throws IOException {
            int n = 0;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed");
                }
                if (b == '\n') {
                    break;
                }
                if (b != '\r' && n < line.length) {
                    line[n++] = (byte) b;
                }
            }
            return new String(line, 0, n, StandardCharsets.ISO_8859_1);
        }

        private static boolean contains(byte[] haystack, int size, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= size; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        private void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }
    }
}
