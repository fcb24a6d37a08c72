package io.vigil.bench;

import static io.vigil.db.jooq.Tables.ALERT;
import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK;

import io.vigil.VigilApplication;
import io.vigil.alert.AlertEvaluation;
import io.vigil.alert.HealthHistoryReader;
import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.alert.rule.RuleDeclaration;
import io.vigil.database.MonthlyPartitions;
import io.vigil.database.PartitionedTable;
import io.vigil.mail.MailDeliveryJobConfiguration;
import io.vigil.mail.MailProperties;
import io.vigil.mail.Outbox;
import io.vigil.mail.OutgoingEmail;
import io.vigil.mail.delivery.MessageBuilder;
import io.vigil.mail.delivery.QueuedEmail;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.PostgresServer;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.TestSmtp;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Alert evaluation at fleet scale, and mail delivery through the outbox against a bare send loop, in one
 * run on one embedded PostgreSQL with its default settings and a local GreenMail SMTP server. Not a test:
 * run it as a program (docs/benchmarks.md).
 *
 * <p>Arguments ({@code key=value}): {@code connections=1000,5000} (one fleet after the other, each on a
 * fresh database), {@code slots=12} (evaluations timed per fleet), {@code emails=400} (queued and sent by
 * mailDeliveryJob, and by the bare loop), {@code htmlKb=10} (size of each email's HTML part),
 * {@code warmupEmails=50}, {@code spring=key=value;key=value} (extra Spring properties for every context),
 * {@code historyDays=1} (days of checks generated before the evaluated slots; the rules read the last one).
 */
public final class AlertBenchmark {

    private static final Duration SLOT = Duration.ofMinutes(5);
    private static final int HISTORY_SLOTS = 288;
    /** Extra Spring properties for every context ({@code spring=key=value;key=value}). */
    private static final List<String> SPRING = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchArgs.parse(args, Map.of(
                "connections", "1000,5000", "slots", "12", "emails", "400", "htmlKb", "10", "warmupEmails", "50",
                "spring", "", "historyDays", "1"));
        int slots = Integer.parseInt(options.get("slots"));
        int historyDays = Integer.parseInt(options.get("historyDays"));
        List<Integer> fleets = Arrays.stream(options.get("connections").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
        int emails = Integer.parseInt(options.get("emails"));
        int htmlKb = Integer.parseInt(options.get("htmlKb"));
        int warmupEmails = Integer.parseInt(options.get("warmupEmails"));
        Arrays.stream(options.get("spring").split(";")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(s -> SPRING.add("--" + s));
        System.out.printf(Locale.ROOT, "AlertBenchmark %s; %d cores, max heap %d MB, %s%n", options,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.version"));

        try (TestSmtp smtp = new TestSmtp().start()) {
            List<String> summary = new ArrayList<>();
            for (int connections : fleets) {
                summary.add(evaluation(smtp, connections, slots, historyDays));
            }
            if (emails > 0) {
                summary.add(delivery(smtp, emails, htmlKb, warmupEmails));
            }
            System.out.println();
            System.out.println("=== summary ===");
            summary.forEach(System.out::println);
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------------
    // 1. Alert evaluation.

    private static String evaluation(TestSmtp smtp, int connections, int slots, int historyDays) {
        System.out.printf(Locale.ROOT, "%n=== alert evaluation, %,d connections, %d slots ===%n", connections, slots);
        TestDatabase database = PostgresServer.newDatabase("alert_bench_" + connections);
        // The evaluated slots end at the current five minutes, so nothing lies in the future of the clock.
        Instant last = Instant.now().truncatedTo(ChronoUnit.HOURS)
                .plus(SLOT.multipliedBy(Instant.now().atZone(ZoneOffset.UTC).getMinute() / 5));
        Instant base = last.minus(SLOT.multipliedBy(slots)); // the last slot of the generated history
        try (ConfigurableApplicationContext spring = vigil(database, smtp, Map.of())) {
            DSLContext dsl = spring.getBean(DSLContext.class);
            long t = System.nanoTime();
            generateFleet(dsl, connections, base, historyDays);
            System.out.printf(Locale.ROOT, "generated %,d connections, %,d health checks (%.2f%% DOWN), %,d stats "
                            + "snapshots, analysed: %.1f s%n", connections,
                    dsl.fetchCount(HEALTH_CHECK), 100.0 * dsl.fetchCount(HEALTH_CHECK, HEALTH_CHECK.STATUS.eq("DOWN"))
                            / dsl.fetchCount(HEALTH_CHECK),
                    dsl.fetchCount(DSL.table("vigil.db_stats_snapshot")), seconds(t));

            var sync = spring.getBean(AlertRuleSync.class).sync(new AlertsProperties(rules(), List.of(), null));
            if (!sync.invalid().isEmpty()) {
                throw new IllegalStateException("invalid rules: " + sync.invalid());
            }
            AlertEvaluation evaluation = spring.getBean(AlertEvaluation.class);
            System.out.printf(Locale.ROOT, "%4s  %-20s %9s %9s %8s %8s %8s %10s%n", "eval", "slot", "seconds",
                    "changed", "emails", "firing", "pending", "largest");
            List<double[]> rows = new ArrayList<>(); // seconds, changed, emails
            for (int i = 1; i <= slots; i++) {
                Instant slot = base.plus(SLOT.multipliedBy(i));
                addSlot(dsl, slot, base);
                int emailsBefore = dsl.fetchCount(EMAIL_OUTBOX);
                long start = System.nanoTime();
                AlertEvaluation.Report report = evaluation.evaluate(slot);
                double took = seconds(start);
                if (report.skipped()) {
                    throw new IllegalStateException("slot " + slot + " was skipped");
                }
                Integer largest = largestSince(dsl, emailsBefore);
                System.out.printf(Locale.ROOT, "%4d  %-20s %9.3f %9d %8d %8d %8d %10s%n", i, slot, took,
                        report.alertsChanged(), report.emailsQueued(), dsl.fetchCount(ALERT, ALERT.STATE.eq("FIRING")),
                        dsl.fetchCount(ALERT, ALERT.STATE.eq("PENDING")),
                        largest == null ? "-" : String.format(Locale.ROOT, "%,d B", largest));
                rows.add(new double[] {took, report.alertsChanged(), report.emailsQueued()});
            }
            Instant lastSlot = base.plus(SLOT.multipliedBy(slots));
            readerAlone(dsl, lastSlot);
            explain(dsl, lastSlot);

            // Evaluations 1-4 are the first ones: the pending rules (for 10m, 15m) fire by the fourth.
            int firstCount = Math.min(4, rows.size());
            List<double[]> first = rows.subList(0, firstCount);
            List<double[]> steady = rows.size() > firstCount ? rows.subList(firstCount, rows.size()) : List.of();
            List<Double> all = rows.stream().map(r -> r[0]).toList();
            double median = median(all);
            double max = all.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            return String.format(Locale.ROOT,
                    "evaluation, %,d connections: median %.3f s, max %.3f s per evaluation (%.2f%% / %.2f%% of a "
                            + "five-minute slot); first %d: %s alerts changed, %s emails queued; steady (%d): %s changed, "
                            + "%s emails; median first %.3f s, steady %.3f s",
                    connections, median, max, 100 * median / SLOT.toSeconds(), 100 * max / SLOT.toSeconds(),
                    first.size(), column(first, 1), column(first, 2), steady.size(), column(steady, 1),
                    column(steady, 2), median(first.stream().map(r -> r[0]).toList()),
                    steady.isEmpty() ? 0 : median(steady.stream().map(r -> r[0]).toList()));
        }
    }

    private static Integer largestSince(DSLContext dsl, int emailsBefore) {
        return dsl.select(DSL.max(DSL.length(DSL.field("html_body", String.class))))
                .from(DSL.select(EMAIL_OUTBOX.HTML_BODY).from(EMAIL_OUTBOX).orderBy(EMAIL_OUTBOX.ID)
                        .offset(emailsBefore).asTable("t"))
                .fetchOne().value1();
    }

    /**
     * Connections {@code db-00001...}: id % 100 = 0 are down for the last two hours of history and on; id % 20
     * = 1 flaky (15 % DOWN); id % 20 = 2 slow (p95 above their 500 ms SLO); the rest DOWN 0.5 % of the time,
     * with a latency of 20-100 ms and 3 % spikes to 300-800 ms. Every fourth is HTTP, the others databases
     * with stats: id % 33 = 3 above 90 % of their connections, id % 50 = 4 above 90 % of their memory.
     */
    private static void generateFleet(DSLContext dsl, int connections, Instant base, int historyDays) {
        dsl.execute("""
                INSERT INTO vigil.monitored_connection (name, provider, address, timeout_ms, latency_slo_ms, tags)
                SELECT 'db-' || lpad(g::text, 5, '0'), CASE WHEN g % 4 = 0 THEN 'HTTP' ELSE 'POSTGRESQL' END,
                       CASE WHEN g % 4 = 0 THEN 'https://svc-' || g || '.internal/health'
                            ELSE 'db-' || g || '.internal:5432/app' END,
                       2000, 500, ARRAY['prod', CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END]
                FROM generate_series(1, {0}) AS g""", DSL.val(connections));
        Instant from = base.minus(SLOT.multipliedBy((long) HISTORY_SLOTS * historyDays - 1));
        MonthlyPartitions partitions = new MonthlyPartitions(dsl);
        partitions.ensure(PartitionedTable.HEALTH_CHECK, from, 2);
        insertChecks(dsl, from, base, base);
        insertStats(dsl, base);
        dsl.execute("VACUUM ANALYZE vigil.health_check");
        dsl.execute("VACUUM ANALYZE vigil.monitored_connection");
        dsl.execute("VACUUM ANALYZE vigil.db_stats_snapshot");
    }

    /** The slot's checks and stats, as the health job writes them just before the evaluation. */
    private static void addSlot(DSLContext dsl, Instant slot, Instant base) {
        insertChecks(dsl, slot, slot, base);
        insertStats(dsl, slot);
    }

    private static void insertChecks(DSLContext dsl, Instant from, Instant to, Instant base) {
        dsl.execute("""
                INSERT INTO vigil.health_check (connection_id, slot, checked_at, status, latency_ms, error_message)
                SELECT id, s, s + interval '1 second', status,
                       CASE WHEN status = 'DOWN' THEN 2000
                            WHEN id % 20 = 2 THEN 300 + random() * 900
                            WHEN random() < 0.03 THEN 300 + random() * 500
                            ELSE 20 + random() * 80 END,
                       CASE WHEN status = 'DOWN' THEN 'connect timed out after 2000 ms' END
                FROM (SELECT c.id, s,
                             CASE WHEN c.id % 100 = 0 AND s > {2} - interval '2 hours' THEN 'DOWN'
                                  WHEN c.id % 20 = 1 AND random() < 0.15 THEN 'DOWN'
                                  WHEN random() < 0.005 THEN 'DOWN'
                                  ELSE 'UP' END AS status
                      FROM vigil.monitored_connection c
                      CROSS JOIN generate_series({0}, {1}, interval '5 minutes') AS s) AS t""",
                time(from), time(to), time(base));
    }

    private static void insertStats(DSLContext dsl, Instant slot) {
        dsl.execute("""
                INSERT INTO vigil.db_stats_snapshot (connection_id, slot, taken_at, server_version, connections_used,
                        connections_max, cache_hit_ratio, database_size_bytes, memory_used_bytes, memory_max_bytes)
                SELECT id, {0}, {0} + interval '1 second', '17.2',
                       CASE WHEN id % 33 = 3 THEN 92 + (random() * 8)::int ELSE 10 + (random() * 60)::int END, 100,
                       0.99, 10737418240,
                       CASE WHEN id % 50 = 4 THEN (8589934592 * (0.93 + random() * 0.06))::bigint
                            ELSE (8589934592 * (0.3 + random() * 0.5))::bigint END, 8589934592
                FROM vigil.monitored_connection WHERE provider <> 'HTTP'""", time(slot));
    }

    private static List<RuleDeclaration> rules() {
        return List.of(
                rule("host-down", "DOWN", 2.0, null, Duration.ZERO, "critical", "oncall@example.com", "dba@example.com"),
                rule("availability", "AVAILABILITY", 99.0, Duration.ofHours(1), Duration.ofMinutes(10), "warning",
                        "dba@example.com"),
                rule("latency", "LATENCY", null, Duration.ofHours(1), Duration.ofMinutes(15), "warning",
                        "perf@example.com"),
                rule("connections", "CONNECTIONS", 0.9, Duration.ofMinutes(15), Duration.ZERO, "warning",
                        "dba@example.com"),
                rule("memory", "MEMORY", 0.9, Duration.ofMinutes(15), Duration.ZERO, "critical",
                        "dba@example.com", "oncall@example.com"));
    }

    private static RuleDeclaration rule(String name, String type, Double threshold, Duration window, Duration pendingFor,
                                        String severity, String... recipients) {
        return new RuleDeclaration(name, type, threshold, window, pendingFor, severity, List.of(), List.of(), List.of(),
                List.of(recipients), null, null);
    }

    /** HealthHistoryReader.load alone, in a read-only transaction, three times. */
    private static void readerAlone(DSLContext dsl, Instant slot) {
        HealthHistoryReader reader = new HealthHistoryReader();
        List<Double> times = new ArrayList<>();
        int[] loaded = new int[2];
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            dsl.transaction(tx -> {
                var fleet = reader.load(tx.dsl(), slot);
                loaded[0] = fleet.size();
                loaded[1] = fleet.stream().mapToInt(c -> c.checks().size()).sum();
            });
            times.add(seconds(start));
        }
        System.out.printf(Locale.ROOT, "HealthHistoryReader.load alone: %,d connections, %,d checks: %s s (median %.3f s)%n",
                loaded[0], loaded[1], times.stream().map(d -> String.format(Locale.ROOT, "%.3f", d)).toList(),
                median(times));
    }

    /** EXPLAIN ANALYZE of the reader's checks query (the same statement, as jOOQ renders it). */
    private static void explain(DSLContext dsl, Instant slot) {
        var query = dsl.select(HEALTH_CHECK.CONNECTION_ID, HEALTH_CHECK.SLOT, HEALTH_CHECK.STATUS, HEALTH_CHECK.LATENCY_MS,
                        HEALTH_CHECK.ERROR_MESSAGE)
                .from(HEALTH_CHECK)
                .where(HEALTH_CHECK.SLOT.gt(slot.minus(Duration.ofHours(24)))).and(HEALTH_CHECK.SLOT.le(slot))
                .orderBy(HEALTH_CHECK.SLOT);
        System.out.println("EXPLAIN (ANALYZE, BUFFERS) of the reader's health_check query:");
        dsl.fetch("EXPLAIN (ANALYZE, BUFFERS) " + dsl.renderInlined(query))
                .forEach(r -> System.out.println("  " + r.get(0)));
    }

    // ------------------------------------------------------------------------------------------------
    // 2. Mail delivery.

    private static String delivery(TestSmtp smtp, int emails, int htmlKb, int warmupEmails) throws Exception {
        System.out.printf(Locale.ROOT, "%n=== mail delivery, %,d emails of ~%d KB HTML ===%n", emails, htmlKb);
        TestDatabase database = PostgresServer.newDatabase("mail_bench");
        int batch = Math.max(emails, warmupEmails);
        try (ConfigurableApplicationContext spring = vigil(database, smtp,
                Map.of("vigil.mail.batch-size", String.valueOf(batch)))) {
            DSLContext dsl = spring.getBean(DSLContext.class);
            Outbox outbox = spring.getBean(Outbox.class);
            SlotLauncher launcher = spring.getBean(SlotLauncher.class);
            JavaMailSenderImpl sender = spring.getBean(JavaMailSenderImpl.class);
            MessageBuilder messages = new MessageBuilder(spring.getBean(MailProperties.class).fromAddress());
            String html = html(htmlKb * 1024);
            String text = text(html);
            int[] received = {smtp.received().size()};
            Instant slot = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));

            if (warmupEmails > 0) {
                bare(sender, messages, "warmup", warmupEmails, html, text);
                queue(dsl, outbox, "warmup", warmupEmails, html, text);
                job(launcher, slot, warmupEmails);
                slot = slot.plus(Duration.ofMinutes(1));
                received[0] = check(smtp, received[0], 2 * warmupEmails, "warm-up");
                System.out.printf(Locale.ROOT, "warm-up: %d emails by the bare loop and %d by mailDeliveryJob%n",
                        warmupEmails, warmupEmails);
            }

            double bare1 = bare(sender, messages, "bare1", emails, html, text);
            received[0] = check(smtp, received[0], emails, "bare loop");
            System.out.printf(Locale.ROOT, "%-58s %8.2f s  %7.1f emails/s%n", "bare loop (MessageBuilder + JavaMailSender.send)",
                    bare1, emails / bare1);

            long t = System.nanoTime();
            queue(dsl, outbox, "job", emails, html, text);
            System.out.printf(Locale.ROOT, "%-58s %8.2f s  %7.1f emails/s%n", "queued with Outbox.enqueue (one transaction)",
                    seconds(t), emails / seconds(t));
            JobExecution run = job(launcher, slot, emails);
            double job = Duration.between(run.getStartTime(), run.getEndTime()).toNanos() / 1e9;
            received[0] = check(smtp, received[0], emails, "mailDeliveryJob");
            int sent = dsl.fetchCount(EMAIL_OUTBOX, EMAIL_OUTBOX.STATUS.eq("SENT"));
            System.out.printf(Locale.ROOT, "%-58s %8.2f s  %7.1f emails/s  (%.1f%% of the bare loop; %,d rows SENT)%n",
                    "mailDeliveryJob (one run, batch-size " + batch + ")", job, emails / job, 100 * bare1 / job, sent);

            double bare2 = bare(sender, messages, "bare2", emails, html, text);
            received[0] = check(smtp, received[0], emails, "bare loop again");
            System.out.printf(Locale.ROOT, "%-58s %8.2f s  %7.1f emails/s%n", "bare loop again, after the job", bare2,
                    emails / bare2);
            double bareMean = (bare1 + bare2) / 2;
            return String.format(Locale.ROOT,
                    "delivery, %,d emails (HTML %,d B, text %,d B): bare loop %.1f then %.1f emails/s; mailDeliveryJob "
                            + "%.1f emails/s = %.1f%% of the bare loops' mean (the outbox costs %.1f%% of its time)",
                    emails, html.length(), text.length(), emails / bare1, emails / bare2, emails / job,
                    100 * bareMean / job, 100 * (job - bareMean) / job);
        }
    }

    private static int check(TestSmtp smtp, int before, int expected, String what) {
        int now = smtp.received().size();
        if (now - before != expected) {
            throw new IllegalStateException(what + ": " + (now - before) + " emails arrived, expected " + expected);
        }
        return now;
    }

    private static void queue(DSLContext dsl, Outbox outbox, String prefix, int count, String html, String text) {
        dsl.transaction(tx -> {
            for (int i = 0; i < count; i++) {
                outbox.enqueue(tx.dsl(), email(prefix, i, html, text));
            }
        });
    }

    private static OutgoingEmail email(String prefix, int i, String html, String text) {
        String recipient = "dba" + (i % 4) + "@example.com";
        return new OutgoingEmail("bench:" + prefix + ":" + i + ":" + recipient, List.of(recipient),
                "[FIRING:3] CRITICAL db-" + i + " host-down (+2 more)", text, html,
                Map.of("X-Vigil-Severity", "CRITICAL"), null, List.of());
    }

    private static double bare(JavaMailSenderImpl sender, MessageBuilder messages, String prefix, int count, String html,
                               String text) throws MessagingException {
        List<QueuedEmail> queued = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            OutgoingEmail e = email(prefix, i, html, text);
            queued.add(new QueuedEmail(i, "<" + e.dedupeKey().replace(':', '.').replace('@', '.') + "@vigil.localhost>",
                    null, List.of(), e.recipients(), e.subject(), e.textBody(), e.htmlBody(), e.headers(), 0, now));
        }
        long start = System.nanoTime();
        for (QueuedEmail email : queued) {
            sender.send(messages.build(email));
        }
        return seconds(start);
    }

    private static JobExecution job(SlotLauncher launcher, Instant slot, int expected) {
        SlotLauncher.Outcome outcome = launcher.launch(MailDeliveryJobConfiguration.JOB, Slot.of(slot), "bench");
        if (!(outcome instanceof SlotLauncher.Started started)) {
            throw new IllegalStateException("mailDeliveryJob not started: " + outcome);
        }
        JobExecution execution = started.execution();
        long written = execution.getStepExecutions().stream().mapToLong(s -> s.getWriteCount()).sum();
        if (execution.getStatus() != BatchStatus.COMPLETED || written != expected) {
            throw new IllegalStateException("mailDeliveryJob " + execution.getStatus() + ", " + written + " sent of "
                    + expected + ": " + execution.getAllFailureExceptions());
        }
        return execution;
    }

    /** An alert email's look: a table of alerts, inline styles, until {@code bytes}. */
    private static String html(int bytes) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html><head><meta charset="UTF-8"><title>Vigil</title></head>
                <body style="font-family: -apple-system, Segoe UI, sans-serif; color: #1f2328;">
                <h2 style="font-size: 16px; margin: 0 0 6px 0;">FIRING · CRITICAL · db-00042 · host-down</h2>
                <table style="border-collapse: collapse; width: 100%;">
                """);
        for (int i = 0; html.length() < bytes - 200; i++) {
            html.append("<tr><td style=\"padding: 4px 8px; border-bottom: 1px solid #d0d7de;\">db-")
                    .append(String.format(Locale.ROOT, "%05d", i))
                    .append("</td><td style=\"padding: 4px 8px; color: #cf222e;\">DOWN for 2 consecutive checks</td>")
                    .append("<td style=\"padding: 4px 8px;\">since 2026-11-23 10:05 UTC · availability 97.2%</td></tr>\n");
        }
        return html.append("</table><p style=\"color: #59636e;\">vigil alerts list</p></body></html>\n").toString();
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replaceAll(" +", " ");
    }

    // ------------------------------------------------------------------------------------------------

    private static ConfigurableApplicationContext vigil(TestDatabase database, TestSmtp smtp, Map<String, String> extra) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(), "--spring.quartz.auto-startup=false",
                "--logging.level.root=WARN", "--logging.level.io.zonky=WARN"));
        // Spring Boot's mail sender on the GreenMail server (also keeps the .eml fallback from writing files).
        smtp.register((name, value) -> args.add("--" + name + "=" + value.get()));
        extra.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(SPRING);
        return new SpringApplicationBuilder(VigilApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    private static org.jooq.Field<Instant> time(Instant instant) {
        return DSL.val(instant).cast(SQLDataType.INSTANT);
    }

    private static String column(List<double[]> rows, int index) {
        return rows.stream().map(r -> String.valueOf((long) r[index])).toList().toString();
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * For a diagnosis only ({@code spring=spring.mail.properties.mail.smtp.socketFactory.class=io.vigil.bench.AlertBenchmark$NoDelaySockets}):
     * the client's SMTP sockets with Nagle's algorithm off.
     */
    public static final class NoDelaySockets extends javax.net.SocketFactory {

        public static javax.net.SocketFactory getDefault() {
            return new NoDelaySockets();
        }

        private static java.net.Socket noDelay(java.net.Socket socket) throws java.io.IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public java.net.Socket createSocket() throws java.io.IOException {
            return noDelay(new java.net.Socket());
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
            return noDelay(new java.net.Socket(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
                throws java.io.IOException {
            return noDelay(new java.net.Socket(host, port, local, localPort));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
            return noDelay(new java.net.Socket(host, port));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local, int localPort)
                throws java.io.IOException {
            return noDelay(new java.net.Socket(host, port, local, localPort));
        }
    }

    private AlertBenchmark() {
    }
}
