package org.crossboard.bench;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A standalone MongoDB-compatible server (mongo-java-server) for multi-node runs: every node
 * must reach the same database through {@code MONGO_URL}, and a node's embedded one listens
 * on a random port inside that node. mongo-java-server's own {@code main}s bind a fixed port,
 * hence this launcher.
 *
 * <pre>java -cp crossboard-bench.jar org.crossboard.bench.EmbeddedMongoLauncher PORT [h2 DIR | memory]</pre>
 *
 * <p>Binds 127.0.0.1 only. {@code h2} (the default) is the backend a single node embeds, with
 * its file {@code DIR/crossboard.mv}; H2 commits on its own about once a second and once more on
 * shutdown (nodes with {@code MONGO_URL} do not wait for a commit before acknowledging).
 * Runs until SIGTERM.
 */
public final class EmbeddedMongoLauncher {

    private EmbeddedMongoLauncher() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: EmbeddedMongoLauncher PORT [h2 DIR | memory]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        String kind = args.length > 1 ? args[1] : "h2";
        MongoBackend backend;
        if (kind.equals("memory")) {
            backend = new MemoryBackend();
        } else if (kind.equals("h2") && args.length == 3) {
            Path dir = Files.createDirectories(Path.of(args[2]));
            backend = new H2Backend(dir.resolve("crossboard.mv").toString());
        } else {
            System.err.println("backend must be 'h2 DIR' or 'memory'");
            System.exit(2);
            return;
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        System.out.println("mongo-java-server (" + kind + ") listening on 127.0.0.1:" + port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (backend instanceof H2Backend h2) {
                h2.commit();
            }
            server.shutdown();
            stopped.countDown();
        }, "mongo-shutdown"));
        stopped.await();
    }
}
