package dev.cameljira.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's public port: a transparent TCP front for the JDK {@code HttpServer}, which answers its own HTML 400
 * ("URISyntaxException thrown") to any request target {@link java.net.URI} refuses, where Jira's Tomcat (relaxed
 * path and query characters) and ServiceNow take raw {@code ^ | { } " < > \ `}.
 *
 * <p>Per client connection one connection to the JDK server and two threads: the server's bytes go back unchanged;
 * the client's are copied unchanged except the request target of each request line, in which the characters
 * {@code java.net.URI} refuses there are percent-encoded ({@code " < > \ ^ ` { | }}, and {@code [ ]} in the path), so
 * the emulators see what the client meant ({@code a^b} as {@code a%5Eb}). A target {@code URI} accepts is not touched,
 * nor are spaces, {@code %} escapes or any other byte, so a malformed request still gets the JDK's 400. To find each
 * request line on a keep-alive connection the client's bytes are framed as the JDK server frames them (request line
 * up to CRLF, header block, then a body by {@code Transfer-Encoding: chunked} or {@code Content-Length}, none
 * otherwise); anything that framing does not cover (a malformed length or chunk, an oversized head) switches the
 * connection to a plain copy, i.e. exactly what the JDK server got before there was a front. A close on either side
 * is passed on: the server's close (a dropped-connection fault, {@code Connection: close}) closes the client's
 * connection, the client's half-close half-closes the server's.
 */
public final class LenientFront implements Closeable {

    private static final int CR = '\r';
    private static final int LF = '\n';
    /** A request line or header block longer than this is copied as it is (no rewrite). */
    private static final int MAX_HEAD = 256 * 1024;
    /** The JDK server's limit for a chunk-size line. */
    private static final int MAX_CHUNK_LINE = 2050;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** (JDK server port, front's local port on that connection) -> the address the client connected to. */
    private static final Map<Long, InetSocketAddress> CLIENT_LOCAL = new ConcurrentHashMap<>();

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final ExecutorService threads;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private LenientFront(ServerSocket listener, InetSocketAddress backend, String name) {
        this.listener = listener;
        this.backend = backend;
        AtomicInteger no = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + no.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Binds {@code address} and starts accepting; every connection is passed on to {@code backend}.
     *
     * @param name prefix of the front's thread names (then the bound port and a number)
     */
    public static LenientFront start(InetSocketAddress address, int backlog, InetSocketAddress backend, String name)
            throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(address, backlog);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        LenientFront front = new LenientFront(listener, backend, name + "-" + listener.getLocalPort());
        front.threads.execute(front::accept);
        return front;
    }

    /** The bound port. */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * The local address of the client's connection (what {@link HttpExchange#getLocalAddress()} was before the front):
     * the front's when the exchange came through one, else the exchange's own.
     */
    public static InetSocketAddress clientLocalAddress(HttpExchange exchange) {
        InetSocketAddress local = exchange.getLocalAddress();
        InetSocketAddress remote = exchange.getRemoteAddress();
        if (local != null && remote != null) {
            InetSocketAddress client = CLIENT_LOCAL.get(key(local.getPort(), remote.getPort()));
            if (client != null) {
                return client;
            }
        }
        return local;
    }

    private static long key(int backendPort, int frontPort) {
        return ((long) backendPort << 16) | frontPort;
    }

    /** Stops accepting, closes every connection and ends the front's threads. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        threads.shutdownNow();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed || listener.isClosed()) {
                    return;
                }
                continue;
            }
            try {
                threads.execute(() -> connect(client));
            } catch (RuntimeException e) {
                closeQuietly(client);
            }
        }
    }

    private void connect(Socket client) {
        sockets.add(client);
        Socket upstream = new Socket();
        sockets.add(upstream);
        if (closed) {
            closeQuietly(client);
            sockets.remove(client);
            sockets.remove(upstream);
            return;
        }
        long key = -1;
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(backend);
            key = key(backend.getPort(), upstream.getLocalPort());
            SocketAddress local = client.getLocalSocketAddress();
            if (local instanceof InetSocketAddress a) {
                CLIENT_LOCAL.put(key, a);
            }
            Pair pair = new Pair(client, upstream, key);
            threads.execute(pair::serverToClient);
            pair.clientToServer();
        } catch (IOException | RuntimeException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            sockets.remove(client);
            sockets.remove(upstream);
            if (key >= 0) {
                CLIENT_LOCAL.remove(key);
            }
        }
    }

    /** One client connection and its connection to the JDK server. */
    private final class Pair {
        private final Socket client;
        private final Socket upstream;
        private final long key;

        Pair(Socket client, Socket upstream, long key) {
            this.client = client;
            this.upstream = upstream;
            this.key = key;
        }

        void serverToClient() {
            byte[] buf = new byte[16 * 1024];
            try {
                InputStream in = upstream.getInputStream();
                OutputStream out = client.getOutputStream();
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                }
            } catch (IOException e) {
                // reset or closed: close both below
            } finally {
                closeBoth();
            }
        }

        void clientToServer() {
            try {
                new RequestStream(client.getInputStream(), upstream.getOutputStream()).run();
                upstream.shutdownOutput();
            } catch (IOException e) {
                closeBoth();
            }
        }

        void closeBoth() {
            closeQuietly(client);
            closeQuietly(upstream);
            sockets.remove(client);
            sockets.remove(upstream);
            CLIENT_LOCAL.remove(key);
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /**
     * The client's bytes to the server, framed as the JDK server frames them, the request targets rewritten. Reads
     * through a buffer; whatever is pending for the server is written before waiting for the client again.
     */
    static final class RequestStream {
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buf = new byte[16 * 1024];
        private int pos;
        private int lim;
        private final byte[] pending = new byte[16 * 1024];
        private int pendingLen;
        private byte[] line = new byte[512];
        private int lineLen;

        RequestStream(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        /** Until the client's end of stream (then everything is written). */
        void run() throws IOException {
            try {
                while (request()) {
                    // next request on the same connection
                }
            } finally {
                flush();
            }
        }

        /** One request; false at the end of the stream or once the rest is copied as it is. */
        private boolean request() throws IOException {
            // the request line: up to CRLF (a lone CR or LF is part of it), blank lines before it skipped
            while (true) {
                lineLen = 0;
                boolean cr = false;
                while (true) {
                    int c = read();
                    if (c < 0) {
                        emit(line, 0, lineLen);
                        return false;
                    }
                    if (cr && c == LF) {
                        lineLen--;
                        break;
                    }
                    cr = c == CR;
                    if (lineLen == MAX_HEAD) {
                        emit(line, 0, lineLen);
                        emit(c);
                        return tunnel();
                    }
                    append(c);
                }
                if (lineLen > 0) {
                    break;
                }
                emit(CR);
                emit(LF);
            }
            emitRequestLine();
            emit(CR);
            emit(LF);
            // the header block, passed on as it is, read as the JDK server reads it for the framing headers
            Framing framing = headers();
            if (framing == null) {
                return false;
            }
            if (framing.tunnel) {
                return tunnel();
            }
            if (framing.chunked) {
                return chunkedBody();
            }
            return copy(framing.length);
        }

        private record Framing(boolean tunnel, boolean chunked, long length) {
        }

        private static final Framing TUNNEL = new Framing(true, false, 0);

        /**
         * The header block, up to and including its end as the JDK server's reader finds it: lines end with CR, LF or
         * CRLF, a line starting with a blank (or control) character continues the previous one, an empty line ends
         * the block. Null at the end of the stream.
         */
        private Framing headers() throws IOException {
            int total = 0;
            int first = readEmit();
            if (first == CR || first == LF) {
                int c = readEmit();
                if (c == CR || c == LF) {
                    return new Framing(false, false, 0);
                }
                return c < 0 ? null : TUNNEL;
            }
            String transferEncoding = null;
            String contentLength = null;
            int firstc = first;
            while (firstc != LF && firstc != CR && firstc >= 0) {
                lineLen = 0;
                int keyEnd = -1;
                boolean inKey = firstc > ' ';
                append(firstc);
                int c = 0;
                boolean ended = false;
                while (!ended && (c = readEmit()) >= 0) {
                    if (c == ':') {
                        if (inKey && lineLen > 0) {
                            keyEnd = lineLen;
                        }
                        inKey = false;
                    } else if (c == '\t' || c == ' ') {
                        c = ' ';
                        inKey = false;
                    } else if (c == CR || c == LF) {
                        firstc = readEmit();
                        if (c == CR && firstc == LF) {
                            firstc = readEmit();
                            if (firstc == CR) {
                                firstc = readEmit();
                            }
                        }
                        if (firstc == LF || firstc == CR || firstc > ' ') {
                            ended = true;
                            continue;
                        }
                        c = ' ';
                    }
                    if (lineLen == MAX_HEAD || total + lineLen >= MAX_HEAD) {
                        return TUNNEL;
                    }
                    append(c);
                }
                if (c < 0 || firstc < 0) {
                    return null;
                }
                total += lineLen;
                if (keyEnd > 0) {
                    String name = new String(line, 0, keyEnd, java.nio.charset.StandardCharsets.ISO_8859_1);
                    if (transferEncoding == null && name.equalsIgnoreCase("Transfer-Encoding")) {
                        transferEncoding = value(keyEnd);
                    } else if (contentLength == null && name.equalsIgnoreCase("Content-Length")) {
                        contentLength = value(keyEnd);
                    }
                }
            }
            if (firstc < 0) {
                return null;
            }
            if (transferEncoding != null && transferEncoding.equalsIgnoreCase("chunked")) {
                return new Framing(false, true, 0);
            }
            if (contentLength == null) {
                return new Framing(false, false, 0);
            }
            try {
                long length = Long.parseLong(contentLength);
                return length < 0 ? TUNNEL : new Framing(false, false, length);
            } catch (NumberFormatException e) {
                return TUNNEL;
            }
        }

        /** The header value after the name ending at {@code keyEnd} in {@link #line}, trimmed as the JDK does. */
        private String value(int keyEnd) {
            int start = keyEnd;
            int end = lineLen;
            while (end > 0 && (line[end - 1] & 0xff) <= ' ') {
                end--;
            }
            if (start < end && line[start] == ':') {
                start++;
            }
            while (start < end && (line[start] & 0xff) <= ' ') {
                start++;
            }
            return start >= end ? "" : new String(line, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        /** A chunked body up to its last chunk's CRLF (the JDK server reads no trailers); false if copied as it is. */
        private boolean chunkedBody() throws IOException {
            while (true) {
                int size = 0;
                int digits = 0;
                int read = 0;
                boolean extension = false;
                boolean cr = false;
                while (true) {
                    int c = readEmit();
                    if (c < 0) {
                        return false;
                    }
                    if (++read > MAX_CHUNK_LINE) {
                        return tunnel();
                    }
                    if (cr) {
                        if (c != LF) {
                            return tunnel();
                        }
                        break;
                    }
                    if (c == CR) {
                        cr = true;
                    } else if (c == ';') {
                        extension = true;
                    } else if (!extension) {
                        int v = Character.digit(c, 16);
                        if (v < 0 || c > 'f' || ++digits > 7) {
                            return tunnel();
                        }
                        size = size * 16 + v;
                    }
                }
                if (digits == 0) {
                    return tunnel();
                }
                if (size > 0 && !copy(size)) {
                    return false;
                }
                int c1 = readEmit();
                int c2 = c1 == CR ? readEmit() : c1;
                if (c1 < 0 || c2 < 0) {
                    return false;
                }
                if (c1 != CR || c2 != LF) {
                    return tunnel();
                }
                if (size == 0) {
                    return true;
                }
            }
        }

        /** Copies {@code n} bytes as they are; false at the end of the stream. */
        private boolean copy(long n) throws IOException {
            while (n > 0) {
                if (pos == lim && !fill()) {
                    return false;
                }
                int k = (int) Math.min(lim - pos, n);
                emit(buf, pos, k);
                pos += k;
                n -= k;
            }
            return true;
        }

        /** Copies the rest of the stream as it is; false (nothing more to frame). */
        private boolean tunnel() throws IOException {
            while (pos < lim || fill()) {
                emit(buf, pos, lim - pos);
                pos = lim;
            }
            return false;
        }

        /** The request line in {@link #line}, its target rewritten where {@link java.net.URI} would refuse it. */
        private void emitRequestLine() throws IOException {
            int sp1 = indexOf(' ', 0);
            int sp2 = sp1 < 0 ? -1 : indexOf(' ', sp1 + 1);
            if (sp2 < 0) {
                emit(line, 0, lineLen);
                return;
            }
            int start = sp1 + 1;
            int pathStart = start;
            boolean brackets = true;
            if (sp2 - start >= 2 && line[start] == '/' && line[start + 1] == '/') {
                brackets = false; // "//authority/path": [ ] may be an IPv6 host
            } else if (start < sp2 && line[start] != '/') {
                int scheme = indexOf(':', start);
                if (scheme < 0 || scheme > sp2 || scheme + 2 >= sp2 || line[scheme + 1] != '/' || line[scheme + 2] != '/') {
                    emit(line, 0, lineLen); // not origin or absolute form ("*", garbage): as it is
                    return;
                }
                pathStart = scheme + 3;
                while (pathStart < sp2 && line[pathStart] != '/' && line[pathStart] != '?' && line[pathStart] != '#') {
                    pathStart++;
                }
            }
            if (!refused(pathStart, sp2, brackets)) {
                emit(line, 0, lineLen);
                return;
            }
            emit(line, 0, pathStart);
            boolean inPath = true;
            for (int i = pathStart; i < sp2; i++) {
                int c = line[i] & 0xff;
                if (c == '?' || c == '#') {
                    inPath = false;
                }
                if (refusedChar(c, inPath && brackets)) {
                    emit('%');
                    emit(HEX[c >> 4]);
                    emit(HEX[c & 0xf]);
                } else {
                    emit(c);
                }
            }
            emit(line, sp2, lineLen - sp2);
        }

        private boolean refused(int from, int to, boolean brackets) {
            boolean inPath = true;
            for (int i = from; i < to; i++) {
                int c = line[i] & 0xff;
                if (c == '?' || c == '#') {
                    inPath = false;
                }
                if (refusedChar(c, inPath && brackets)) {
                    return true;
                }
            }
            return false;
        }

        /** The printable ASCII characters {@link java.net.URI} refuses (bar {@code %}, {@code #} and space). */
        private static boolean refusedChar(int c, boolean pathBrackets) {
            return switch (c) {
                case '"', '<', '>', '\\', '^', '`', '{', '|', '}' -> true;
                case '[', ']' -> pathBrackets;
                default -> false;
            };
        }

        private int indexOf(int b, int from) {
            for (int i = from; i < lineLen; i++) {
                if (line[i] == b) {
                    return i;
                }
            }
            return -1;
        }

        private void append(int c) {
            if (lineLen == line.length) {
                line = java.util.Arrays.copyOf(line, line.length * 2);
            }
            line[lineLen++] = (byte) c;
        }

        private int read() throws IOException {
            if (pos == lim && !fill()) {
                return -1;
            }
            return buf[pos++] & 0xff;
        }

        private int readEmit() throws IOException {
            int c = read();
            if (c >= 0) {
                emit(c);
            }
            return c;
        }

        /** Writes what is pending, then waits for the client's next bytes; false at the end of the stream. */
        private boolean fill() throws IOException {
            flush();
            int n = in.read(buf);
            pos = 0;
            lim = Math.max(n, 0);
            return n > 0 || (n == 0 && fill());
        }

        private void emit(int b) throws IOException {
            if (pendingLen == pending.length) {
                flush();
            }
            pending[pendingLen++] = (byte) b;
        }

        private void emit(byte[] b, int off, int len) throws IOException {
            if (len > pending.length - pendingLen) {
                flush();
                if (len > pending.length) {
                    out.write(b, off, len);
                    return;
                }
            }
            System.arraycopy(b, off, pending, pendingLen, len);
            pendingLen += len;
        }

        private void flush() throws IOException {
            if (pendingLen > 0) {
                out.write(pending, 0, pendingLen);
                pendingLen = 0;
            }
        }
    }
}
