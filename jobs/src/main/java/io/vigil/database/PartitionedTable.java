package io.vigil.database;

/**
 * The tables partitioned by month (V1's ensure_monthly_partition creates their partitions), so that old
 * rows go as whole partitions rather than by DELETE.
 */
public enum PartitionedTable {
    HEALTH_CHECK("health_check"),
    EVENT("event");

    private final String tableName;

    PartitionedTable(String tableName) {
        this.tableName = tableName;
    }

    /** The table's name in schema vigil. */
    public String tableName() {
        return tableName;
    }
}
