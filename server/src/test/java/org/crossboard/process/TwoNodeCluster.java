package org.crossboard.process;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.crossboard.testing.EmbeddedRedis;
import org.crossboard.testing.NodeProcess;
import org.crossboard.testing.ReachableMongo;

/**
 * The production shape in miniature: two Crossboard processes sharing one Redis and one
 * standalone MongoDB-compatible server (served from the test JVM over TCP; the nodes reach it
 * only through MONGO_URL, like a real MongoDB).
 */
final class TwoNodeCluster implements AutoCloseable {
  final ReachableMongo mongo = ReachableMongo.start();
  final EmbeddedRedis redis = EmbeddedRedis.start();
  final NodeProcess a;
  final NodeProcess b;

  TwoNodeCluster() throws IOException {
    Map<String, String> env = Map.of(
        "MONGO_URL", mongo.url(),
        "REDIS_URL", redis.url(),
        "JWT_SECRET", "process-level test secret shared by both nodes");
    a = NodeProcess.start("node-a", env);
    b = NodeProcess.start("node-b", env);
  }

  List<Integer> ports() {
    return List.of(a.port(), b.port());
  }

  @Override
  public void close() {
    a.close();
    b.close();
    redis.close();
    mongo.close();
  }
}
