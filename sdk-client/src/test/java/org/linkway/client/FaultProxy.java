package org.linkway.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP/1.1 proxy in front of the real server that misbehaves on cue: each request
 * takes the next fault from the script (then passes once the script is empty), and every
 * request is recorded with its headers. One request per connection, so each fault hits one
 * request.
 */
final class FaultProxy implements AutoCloseable {

    enum Fault {
        /** Forward and answer faithfully. */
        PASS,
        /** Close the connection without forwarding: the server never sees the request. */
        DROP_BEFORE_FORWARD,
        /** Forward, let the server act, then close without answering: the answer is lost. */
        DROP_AFTER_FORWARD,
        /** Answer 503 with {@code Retry-After: 2} without forwarding. */
        UNAVAILABLE,
        /** Answer 429 with {@code Retry-After: 3600} without forwarding. */
        THROTTLED_FOR_AN_HOUR,
        /** Never answer: hold the connection until the client gives up and closes it. */
        HANG
    }

    /** A request as the proxy received it. */
    record Seen(String method, String path, Map<String, String> headers, Fault fault) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final ServerSocket listener;
    private final int upstreamPort;
    private final ConcurrentLinkedDeque<Fault> script = new ConcurrentLinkedDeque<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.submit(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    void script(Fault... faults) {
        script.clear();
        script.addAll(List.of(faults));
        seen.clear();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                pool.submit(() -> handle(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            Map<String, String> headers = new TreeMap<>();
            List<String> forwarded = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
                headers.put(name, lines[i].substring(colon + 1).strip());
                if (!name.equals("connection")
                        && !name.equals("keep-alive")
                        && !name.equals("upgrade")
                        && !name.equals("http2-settings")) {
                    forwarded.add(lines[i]);
                }
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            Fault fault = script.isEmpty() ? Fault.PASS : script.poll();
            seen.add(new Seen(requestLine[0], requestLine[1], headers, fault));
            OutputStream out = client.getOutputStream();
            switch (fault) {
                case DROP_BEFORE_FORWARD -> client.setSoLinger(true, 0);
                case UNAVAILABLE -> out.write(problem(503, "Service Unavailable", "2", "unavailable"));
                case THROTTLED_FOR_AN_HOUR -> out.write(problem(429, "Too Many Requests", "3600", "rate-limited"));
                case HANG -> in.readAllBytes(); // returns when the client closes the connection
                case PASS, DROP_AFTER_FORWARD -> {
                    byte[] answer = forward(lines[0], forwarded, body);
                    if (fault == Fault.PASS) {
                        out.write(answer);
                    } else {
                        client.setSoLinger(true, 0);
                    }
                }
                default -> throw new IllegalStateException(fault.name());
            }
            out.flush();
        } catch (IOException e) {
            // the client went away: nothing to do
        }
    }

    private byte[] forward(String requestLine, List<String> headers, byte[] body) throws IOException {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            StringBuilder head = new StringBuilder(requestLine).append("\r\n");
            headers.forEach(h -> head.append(h).append("\r\n"));
            head.append("Connection: close\r\n\r\n");
            OutputStream out = upstream.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            // the server closes after answering (Connection: close), so its answer ends at EOF
            return upstream.getInputStream().readAllBytes();
        }
    }

    private static byte[] problem(int status, String reason, String retryAfter, String slug) {
        String body = "{\"type\":\"urn:linkway:problem:" + slug + "\",\"title\":\"" + reason + "\",\"status\":" + status
                + ",\"detail\":\"injected by the test proxy\",\"instance\":\"/\",\"requestId\":\"proxy-" + status
                + "\"}";
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nRetry-After: " + retryAfter
                + "\r\nContent-Type: application/problem+json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n";
        return (head + body).getBytes(StandardCharsets.UTF_8);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : 0;
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        pool.shutdownNow();
    }
}
