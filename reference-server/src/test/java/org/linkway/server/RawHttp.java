package org.linkway.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte on a socket, for what an HTTP client will not send: a body shorter
 * than its {@code Content-Length}, a malformed chunk, a bad request line, a body one byte at a time.
 * Loopback only; the client side may take another loopback address (127.0.0.2 and up are loopback
 * on Linux too), so a test can play several client addresses against a server bound to 127.0.0.1.
 */
final class RawHttp {

    /** An answer as read off the wire; status -1 when the server closed without one. */
    record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    private RawHttp() {}

    /** Connects from 127.0.0.1 (or {@code from}) to the server on 127.0.0.1. */
    static Socket connect(int port, String from, int readTimeoutMillis) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(readTimeoutMillis);
        return socket;
    }

    /** Writes {@code request}, optionally ends the sending side, and reads one answer. */
    static Reply exchange(int port, byte[] request, boolean halfClose) {
        try (Socket socket = connect(port, "127.0.0.1", 30_000)) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply exchange(int port, String request, boolean halfClose) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), halfClose);
    }

    /** One answer: status line, headers, and the body by its length, its chunks, or to the end. */
    static Reply read(InputStream in) throws IOException {
        return read(in, false);
    }

    /** As {@link #read(InputStream)}; the answer to a HEAD request has no body whatever its headers say. */
    static Reply read(InputStream in, boolean head) throws IOException {
        String statusLine;
        try {
            statusLine = line(in);
        } catch (SocketTimeoutException | java.net.SocketException e) {
            return new Reply(-1, Map.of(), "");
        }
        if (statusLine == null || !statusLine.startsWith("HTTP/")) {
            return new Reply(-1, Map.of(), statusLine == null ? "" : statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(
                        h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        h.substring(colon + 1).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (head) {
                return new Reply(status, headers, "");
            }
            if (headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in).trim(), 16);
                        size > 0;
                        size = Integer.parseInt(line(in).trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
            } else if (status >= 200 && status != 204 && status != 304) {
                body.write(in.readAllBytes());
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived is what there is
        }
        return new Reply(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String s = out.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            out.write(b);
        }
        return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
    }
}
