package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.health.fleet.ConnectionDeclaration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestBeans;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** vigil silence add, list and expire, with their bad arguments. */
@VigilSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SilenceCommandTest {

    private static final Pattern ADDED = Pattern.compile("^silence (\\d+): ");

    @Autowired ApplicationContext spring;
    @Autowired FleetSync fleetSync;
    @Autowired SettableClock clock;

    private Cli cli;
    private long byName;
    private long byTag;

    @BeforeAll
    void declareFleet() {
        cli = Cli.on(spring);
        clock.set(TestBeans.START);
        fleetSync.sync(List.of(new ConnectionDeclaration("orders-db", "http", "http://127.0.0.1:1/x", null, null, null,
                null, List.of("shop", "prod"), true)));
    }

    @Test
    @Order(1)
    void addSilencesAConnectionOrATagAndSaysUntilWhen() {
        Cli.Result name = cli.run("silence", "add", "--connection", "orders-db", "--for", "2h", "--comment", "disk swap",
                "--author", "alice");
        assertThat(name.exitCode()).as(name.toString()).isZero();
        assertThat(name.out()).matches("silence \\d+: connection orders-db silenced until 2026-11-23T12:00:00Z \\(2h\\); "
                + "end it early with vigil silence expire \\d+\n");
        byName = id(name);

        Cli.Result tag = cli.run("silence", "add", "--tag", "prod", "--for", "1d12h", "--comment", "freeze", "--author", "bob");
        assertThat(tag.exitCode()).as(tag.toString()).isZero();
        assertThat(tag.out()).contains("tag prod silenced until 2026-11-24T22:00:00Z (1d12h)");
        byTag = id(tag);
    }

    @Test
    @Order(2)
    void listShowsTheSilencesInForceNewestFirst() {
        Cli.Result result = cli.run("silence", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .containsPattern("(?m)^ID +TARGET +STATE +STARTS +ENDS +EXPIRED +AUTHOR +COMMENT$")
                .containsPattern("(?m)^" + byTag + " +tag prod +ACTIVE +2026-11-23T10:00:00Z +2026-11-24T22:00:00Z +- +bob +freeze$")
                .containsPattern("(?m)^" + byName + " +connection orders-db +ACTIVE +2026-11-23T10:00:00Z "
                        + "+2026-11-23T12:00:00Z +- +alice +disk swap$");
        assertThat(result.out().indexOf("tag prod")).isLessThan(result.out().indexOf("connection orders-db"));

        JsonNode json = JsonMapper.builder().build().readTree(cli.run("silence", "list", "--json").out());
        assertThat(json.get(0).get("tag").asString()).isEqualTo("prod");
        assertThat(json.get(1).get("connection").asString()).isEqualTo("orders-db");
        assertThat(json.get(1).get("endsAt").asString()).isEqualTo("2026-11-23T12:00:00Z");
    }

    @Test
    @Order(3)
    void expireEndsASilenceAndSaysSoWhenItWasOverAlready() {
        Cli.Result expired = cli.run("silence", "expire", Long.toString(byName));
        assertThat(expired.exitCode()).as(expired.toString()).isZero();
        assertThat(expired.out()).isEqualTo("silence " + byName + " (connection orders-db) expired: its alerts are "
                + "mailed again from the next evaluation\n");

        Cli.Result again = cli.run("silence", "expire", Long.toString(byName));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).isEqualTo("silence " + byName + " (connection orders-db) was already over: nothing changed\n");

        assertThat(cli.run("silence", "list").out()).doesNotContain("orders-db");
        assertThat(cli.run("silence", "list", "--all").out()).containsPattern("(?m)^" + byName + " +connection orders-db +EXPIRED +2026-11-23T10:00:00Z "
                        + "+2026-11-23T12:00:00Z +2026-11-23T10:00:00Z +alice ");
    }

    @Test
    void anUnknownIdOrTargetFailsWithWhereToLook() {
        Cli.Result unknown = cli.run("silence", "expire", "9999");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("vigil: no silence with id 9999: see vigil silence list --all\n");

        Cli.Result connection = cli.run("silence", "add", "--connection", "nope", "--for", "2h", "--comment", "x",
                "--author", "a");
        assertThat(connection.exitCode()).isEqualTo(1);
        assertThat(connection.err()).isEqualTo("vigil: no connection named 'nope': see vigil fleet list\n");

        Cli.Result tag = cli.run("silence", "add", "--tag", "nope", "--for", "2h", "--comment", "x", "--author", "a");
        assertThat(tag.exitCode()).isEqualTo(1);
        assertThat(tag.err()).isEqualTo("vigil: no connection has the tag 'nope': see the TAGS column of vigil fleet list\n");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertUsage(cli.run("silence", "add", "--for", "2h", "--comment", "x"), "Missing required argument");
        assertUsage(cli.run("silence", "add", "--connection", "orders-db", "--tag", "prod", "--for", "2h", "--comment", "x"),
                "mutually exclusive");
        assertUsage(cli.run("silence", "add", "--connection", "orders-db", "--for", "soon", "--comment", "x"),
                "'soon' is not a duration: write it like 2h, 90m, 1d12h or 45s");
        assertUsage(cli.run("silence", "add", "--connection", "orders-db", "--for", "0m", "--comment", "x"),
                "'0m' is no time at all");
        assertUsage(cli.run("silence", "add", "--connection", "orders-db", "--for", "2h"), "Missing required option: '--comment");
        assertUsage(cli.run("silence", "add", "--connection", "orders-db", "--for", "2h", "--comment", " "),
                "--comment must say why");
        assertUsage(cli.run("silence", "expire", "seven"), "Invalid value for positional parameter at index 0 (ID): 'seven'");
        assertUsage(cli.run("silence"), "Missing command: see vigil silence --help");
    }

    private static void assertUsage(Cli.Result result, String message) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains(message);
    }

    private static long id(Cli.Result result) {
        Matcher matcher = ADDED.matcher(result.out());
        assertThat(matcher.find()).as(result.toString()).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
