package org.linkway.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver that accepts every connection, reads what it is sent, and never answers:
 * the worst a subscriber can do to a dispatcher. Counts the connections it holds and those the
 * sender has given up on (closed from its end).
 */
final class HangingReceiver implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new ArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final Thread acceptor;

    private HangingReceiver(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptAll, "hanging-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static HangingReceiver start() {
        try {
            return new HangingReceiver(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                synchronized (held) {
                    held.add(s);
                }
                accepted.incrementAndGet();
                Thread reader = new Thread(() -> drain(s), "hanging-receiver-conn");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Reads until the sender closes its end: that is the sender giving up on an answer. */
    private void drain(Socket s) {
        byte[] buffer = new byte[8192];
        try (InputStream in = s.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // the request arrives; no answer is ever written
            }
            if (!server.isClosed()) {
                abandoned.incrementAndGet();
            }
        } catch (IOException e) {
            if (!server.isClosed()) {
                abandoned.incrementAndGet();
            }
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
    }

    /** Connections accepted so far. */
    int accepted() {
        return accepted.get();
    }

    /** Connections the sender closed before any answer (which never comes): timed-out attempts. */
    int abandoned() {
        return abandoned.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        synchronized (held) {
            for (Socket s : held) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }
}
