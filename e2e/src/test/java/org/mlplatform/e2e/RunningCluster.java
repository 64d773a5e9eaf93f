package org.mlplatform.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cluster of platform nodes behind nginx, started as an operator does ({@code ./mlp cluster start
 * --nodes N}) on PostgreSQL, on ports, a database and a folder of its own.
 */
final class RunningCluster implements AutoCloseable {

  static final int BALANCER_PORT = Integer.getInteger("mlp.e2e.cluster-port", 18090);
  static final int KEYCLOAK_PORT = Integer.getInteger("mlp.e2e.cluster-keycloak-port", 18190);
  static final int GRID_BASE_PORT = 18710;
  static final String DATABASE = "mlp_e2e_cluster";

  private static final Path DATA_DIR =
      Path.of(System.getProperty("mlp.e2e.cluster-data-dir", "target/e2e-cluster"))
          .toAbsolutePath();
  private static final Pattern NODE_PID =
      Pattern.compile("node-(\\d+)\\s+running \\(pid (\\d+)\\)");

  private RunningCluster() {}

  static RunningCluster start(int nodes) {
    psql("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    psql("CREATE DATABASE " + DATABASE);
    run(List.of("cluster", "start", "--nodes", String.valueOf(nodes)), 12);
    return new RunningCluster();
  }

  static String balancer() {
    return "http://localhost:" + BALANCER_PORT;
  }

  static String node(int k) {
    return "http://localhost:" + (BALANCER_PORT + k);
  }

  static String issuer() {
    return "http://localhost:" + KEYCLOAK_PORT + "/realms/mlp";
  }

  /** {@code kill -9} of node k's JVM: no shutdown hook, no goodbye to the grid. */
  void kill(int k) {
    kill(process(k));
  }

  /** The same, of a process looked up before: no delay between the decision and the kill. */
  static void kill(ProcessHandle node) {
    node.destroyForcibly();
    node.onExit().join();
  }

  /** Node k's JVM. */
  ProcessHandle process(int k) {
    Matcher m = NODE_PID.matcher(status());
    while (m.find()) {
      if (Integer.parseInt(m.group(1)) == k) {
        return ProcessHandle.of(Long.parseLong(m.group(2))).orElseThrow();
      }
    }
    throw new IllegalStateException("node-" + k + " is not running:\n" + status());
  }

  void startNode(int k) {
    run(List.of("cluster", "start-node", String.valueOf(k)), 6);
  }

  String status() {
    return run(List.of("cluster", "status"), 1, true);
  }

  @Override
  public void close() {
    run(List.of("cluster", "stop"), 3);
  }

  /**
   * Restarts this machine's PostgreSQL (Debian's {@code pg_ctlcluster}, as root) and waits until it
   * accepts connections again.
   */
  static void restartPostgres() {
    String clusters = command(List.of("pg_lsclusters", "-h"));
    String[] first = clusters.strip().split("\\s+");
    if (first.length < 4 || !first[2].equals("5432")) {
      throw new IllegalStateException("no PostgreSQL cluster on port 5432: " + clusters);
    }
    command(List.of("pg_ctlcluster", first[0], first[1], "restart"));
    psql("SELECT 1");
  }

  private static String command(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(command + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void psql(String sql) {
    command(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", sql));
  }

  private static String run(List<String> args, long timeoutMinutes) {
    return run(args, timeoutMinutes, false);
  }

  private static String run(List<String> args, long timeoutMinutes, boolean anyExit) {
    return Launcher.run(DATA_DIR, RunningCluster::settings, args, timeoutMinutes, !anyExit);
  }

  private static void settings(Map<String, String> env) {
    env.put("MLP_PORT", String.valueOf(BALANCER_PORT));
    env.put("MLP_KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT));
    env.put("MLP_CLUSTER_BASE_PORT", String.valueOf(GRID_BASE_PORT));
    env.put("MLP_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
    env.put("MLP_DB_USER", "postgres");
    env.put("MLP_DB_PASSWORD", "");
    env.put("MLP_MONITORING_TICK", "PT2S");
    env.remove("MLP_SERVING_PORT");
    env.remove("MLP_OIDC_ISSUER");
  }
}
