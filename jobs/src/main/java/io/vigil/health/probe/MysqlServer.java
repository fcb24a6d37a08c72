package io.vigil.health.probe;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a MySQL or MariaDB server's version string says about the statements and privileges it knows: the
 * two forked from one code base and then renamed the replica statements and grants in different releases.
 */
record MysqlServer(boolean mariaDb, int major, int minor, int patch) {

    private static final Pattern NUMBERS = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");

    /** An unreadable version is taken as the newest release, whose statements are tried first. */
    static MysqlServer of(String version) {
        String text = version == null ? "" : version.strip();
        boolean mariaDb = text.contains("MariaDB");
        // Old MariaDB servers put this in front of their version so that MySQL 5.1 clients would accept them.
        if (mariaDb && text.startsWith("5.5.5-")) {
            text = text.substring("5.5.5-".length());
        }
        Matcher numbers = NUMBERS.matcher(text);
        if (!numbers.find()) {
            return new MysqlServer(mariaDb, Integer.MAX_VALUE, 0, 0);
        }
        return new MysqlServer(mariaDb, Integer.parseInt(numbers.group(1)), Integer.parseInt(numbers.group(2)),
                Integer.parseInt(numbers.group(3)));
    }

    boolean atLeast(int major, int minor, int patch) {
        if (this.major != major) {
            return this.major > major;
        }
        return this.minor != minor ? this.minor > minor : this.patch >= patch;
    }

    /**
     * The replica status statements, the one this version knows first; the other is the fallback when the
     * server calls the first a syntax error (MySQL 8.4 dropped SHOW SLAVE STATUS; before 8.0.22 there was no
     * SHOW REPLICA STATUS). MariaDB's ALL form lists every source of a multi-source replica.
     */
    List<String> replicaStatusStatements() {
        if (mariaDb) {
            return atLeast(10, 5, 1) ? List.of("SHOW ALL REPLICAS STATUS", "SHOW ALL SLAVES STATUS")
                    : List.of("SHOW ALL SLAVES STATUS", "SHOW ALL REPLICAS STATUS");
        }
        return atLeast(8, 0, 22) ? List.of("SHOW REPLICA STATUS", "SHOW SLAVE STATUS")
                : List.of("SHOW SLAVE STATUS", "SHOW REPLICA STATUS");
    }

    /** The privilege that shows replica status: MariaDB 10.5 moved it out of REPLICATION CLIENT, twice. */
    String replicaStatusGrant() {
        if (!mariaDb || !atLeast(10, 5, 0)) {
            return "REPLICATION CLIENT";
        }
        return atLeast(10, 5, 9) ? "SLAVE MONITOR" : "REPLICATION SLAVE ADMIN";
    }
}
