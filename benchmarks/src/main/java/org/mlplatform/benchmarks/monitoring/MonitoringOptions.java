package org.mlplatform.benchmarks.monitoring;

import org.mlplatform.benchmarks.DriverArgs;

/**
 * The monitoring benchmark's {@code key=value} arguments.
 *
 * @param rows {@code rows=}: predictions logged and read back as one window, 1,000,000 by default
 * @param features {@code features=}: values per logged input row, 20 by default
 * @param reps {@code reps=}: measured runs, 3 by default
 * @param warmups {@code warmups=}: runs before them, not reported, 0 by default
 * @param reuse {@code reuse=true}: keep the database when it already holds exactly these rows
 * @param referenceRows {@code reference=}: training-set rows per feature in the baseline, 50,000
 * @param referenceLabels {@code labels=}: held-out predictions in the baseline, 10,000
 * @param loaders {@code loaders=}: threads appending during set-up, 2 by default
 * @param phases {@code phases=}: time the parts of the read and of the analysis once after the
 *     measured runs (true)
 * @param pgUrl {@code pg=}: the server's JDBC URL, {@code
 *     jdbc:postgresql://127.0.0.1:5432/postgres} (user postgres)
 * @param database {@code db=}: the database created for the log, {@code mlpmonbench}
 */
record MonitoringOptions(
    int rows,
    int features,
    int reps,
    int warmups,
    boolean reuse,
    int referenceRows,
    int referenceLabels,
    int loaders,
    boolean phases,
    String pgUrl,
    String database) {

  static MonitoringOptions parse(String[] args) {
    int rows = 1_000_000;
    int features = 20;
    int reps = 3;
    int warmups = 0;
    boolean reuse = false;
    int referenceRows = 50_000;
    int referenceLabels = 10_000;
    int loaders = 2;
    boolean phases = true;
    String pgUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
    String database = "mlpmonbench";
    for (var option : DriverArgs.parse(args).options().entrySet()) {
      String value = option.getValue();
      switch (option.getKey()) {
        case "rows" -> rows = Integer.parseInt(value);
        case "features" -> features = Integer.parseInt(value);
        case "reps" -> reps = Integer.parseInt(value);
        case "warmups" -> warmups = Integer.parseInt(value);
        case "reuse" -> reuse = Boolean.parseBoolean(value);
        case "reference" -> referenceRows = Integer.parseInt(value);
        case "labels" -> referenceLabels = Integer.parseInt(value);
        case "loaders" -> loaders = Integer.parseInt(value);
        case "phases" -> phases = Boolean.parseBoolean(value);
        case "pg" -> pgUrl = value;
        case "db" -> database = value;
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + option.getKey()
                    + "; the options are rows, features, reps, warmups, reuse, reference, labels,"
                    + " loaders, phases, pg, db");
      }
    }
    if (rows < 1 || features < 4 || reps < 1 || warmups < 0 || loaders < 1) {
      throw new IllegalArgumentException(
          "rows and reps from 1, features from 4, warmups from 0, loaders from 1");
    }
    if (referenceRows < 1 || referenceLabels < 1 || referenceLabels > referenceRows) {
      throw new IllegalArgumentException("reference from 1, labels from 1 to reference");
    }
    if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "db: a lower-case letter, then letters, digits, _: " + database);
    }
    return new MonitoringOptions(
        rows,
        features,
        reps,
        warmups,
        reuse,
        referenceRows,
        referenceLabels,
        loaders,
        phases,
        pgUrl,
        database);
  }
}
