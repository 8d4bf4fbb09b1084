package org.crossboard.bench.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A slow link between the browser and the server, as a TCP proxy: every byte the browser sends or
 * receives (HTTP assets, REST, WebSocket frames as they are on the wire, compressed or not) goes
 * through one shared bottleneck per direction that serialises bytes at {@code bytesPerSecond} and
 * then delays them by half the round-trip time. Like a real access link, the bandwidth is shared
 * by all the browser's connections; each connection may have at most {@link #BUFFER_BYTES} in the
 * link (queued or in flight), beyond which the proxy stops reading from the sender, so TCP
 * back-pressure reaches the server as it would on a real link. Chunks are at most one MSS so pacing
 * is fine-grained. Blocking sockets, a reader thread per connection and direction, one delivering
 * thread per direction (delivery times are monotonic per direction, so order is kept).
 */
final class LinkEmulator implements AutoCloseable {
    static final int MSS = 1460;
    private static final boolean DEBUG = System.getenv("LINK_DEBUG") != null;
    /** Bytes a connection may have in the link per direction (a socket buffer plus a bottleneck queue). */
    static final int BUFFER_BYTES = 64 * 1024;

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Direction down;
    private final Direction up;
    private volatile boolean closed;

    /** Bytes of one kind of connection (the first request line tells: WebSocket upgrade or plain HTTP). */
    final AtomicLong wsDown = new AtomicLong();
    final AtomicLong wsUp = new AtomicLong();
    final AtomicLong httpDown = new AtomicLong();
    final AtomicLong httpUp = new AtomicLong();

    LinkEmulator(InetSocketAddress target, long bytesPerSecond, long rttMs) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        long oneWayNanos = TimeUnit.MILLISECONDS.toNanos(rttMs) / 2;
        this.down = new Direction("down", bytesPerSecond, oneWayNanos);
        this.up = new Direction("up", bytesPerSecond, oneWayNanos);
        Thread accept = new Thread(this::acceptLoop, "link-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void resetCounters() {
        wsDown.set(0);
        wsUp.set(0);
        httpDown.set(0);
        httpUp.set(0);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                client.setTcpNoDelay(true);
                Socket server = new Socket();
                server.connect(target);
                server.setTcpNoDelay(true);
                Conn conn = new Conn(client, server);
                start("link-up", () -> pump(conn, client, server, up, true));
                start("link-down", () -> pump(conn, server, client, down, false));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("link: " + e);
                }
            }
        }
    }

    private static void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /** One proxied connection; its kind is known from the first bytes the browser sends. */
    private static final class Conn {
        final Socket client;
        final Socket server;
        volatile Boolean websocket;
        final Semaphore upBudget = new Semaphore(BUFFER_BYTES);
        final Semaphore downBudget = new Semaphore(BUFFER_BYTES);

        Conn(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void close() {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing
            }
            try {
                server.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private void pump(Conn conn, Socket from, Socket to, Direction dir, boolean upwards) {
        byte[] buf = new byte[MSS];
        Semaphore budget = upwards ? conn.upBudget : conn.downBudget;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                if (upwards && conn.websocket == null) {
                    String head = new String(buf, 0, Math.min(n, 512), StandardCharsets.ISO_8859_1);
                    conn.websocket = head.toLowerCase().contains("upgrade: websocket");
                }
                count(conn, upwards, n);
                if (DEBUG && Boolean.TRUE.equals(conn.websocket)) {
                    System.out.println("link " + (upwards ? "up" : "down") + " ws " + n + ": "
                        + new String(buf, 0, Math.min(n, 120), StandardCharsets.ISO_8859_1).replaceAll("[^ -~]", "."));
                }
                budget.acquireUninterruptibly(n);
                byte[] chunk = java.util.Arrays.copyOf(buf, n);
                dir.send(new Chunk(chunk, out, conn, budget, dir.departure(n)));
            }
        } catch (IOException e) {
            // connection ended
        }
        // half-close after everything queued has been delivered
        dir.send(new Chunk(null, null, conn, budget, dir.departure(0)));
    }

    private void count(Conn conn, boolean upwards, int n) {
        boolean ws = Boolean.TRUE.equals(conn.websocket);
        (ws ? (upwards ? wsUp : wsDown) : (upwards ? httpUp : httpDown)).addAndGet(n);
    }

    private static final AtomicLong ORDER = new AtomicLong();

    private static final class Chunk implements Delayed {
        final byte[] bytes;
        final OutputStream out;
        final Conn conn;
        final Semaphore budget;
        final long deliverAt;
        final long order = ORDER.incrementAndGet();

        Chunk(byte[] bytes, OutputStream out, Conn conn, Semaphore budget, long deliverAt) {
            this.bytes = bytes;
            this.out = out;
            this.conn = conn;
            this.budget = budget;
            this.deliverAt = deliverAt;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(deliverAt - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            Chunk other = (Chunk) o;
            int c = Long.compare(deliverAt, other.deliverAt);
            return c != 0 ? c : Long.compare(order, other.order);
        }
    }

    /** One direction of the link: a serialising bottleneck, then a fixed delay. */
    private final class Direction {
        final long bytesPerSecond;
        final long oneWayNanos;
        final DelayQueue<Chunk> queue = new DelayQueue<>();
        long linkFreeAt;

        Direction(String name, long bytesPerSecond, long oneWayNanos) {
            this.bytesPerSecond = bytesPerSecond;
            this.oneWayNanos = oneWayNanos;
            start("link-deliver-" + name, this::deliverLoop);
        }

        /** When {@code n} bytes arriving now leave the far end of the link. */
        synchronized long departure(int n) {
            long now = System.nanoTime();
            long start = Math.max(now, linkFreeAt);
            linkFreeAt = start + n * 1_000_000_000L / bytesPerSecond;
            return linkFreeAt + oneWayNanos;
        }

        void send(Chunk chunk) {
            queue.put(chunk);
        }

        private void deliverLoop() {
            while (!closed) {
                Chunk c;
                try {
                    c = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                if (c.bytes == null) {
                    c.conn.close();
                    continue;
                }
                try {
                    c.out.write(c.bytes);
                    c.out.flush();
                } catch (IOException e) {
                    c.conn.close();
                } finally {
                    c.budget.release(c.bytes.length);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
    }
}
