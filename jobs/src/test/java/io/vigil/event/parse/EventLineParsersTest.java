package io.vigil.event.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.event.CopyRows;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventLineParsersTest {

    private static final Instant T = Instant.parse("2026-11-23T10:15:00Z");

    @Test
    void aFullJsonLine() throws BadLineException {
        EventLine event = new JsonLinesParser().parse("""
                {"occurred_at":"2026-11-23T11:15:00+01:00","source":"shop","type":"checkout","subject":"u1",\
                "value":12.5,"outcome":"FAILURE","properties":{"cart":3}}""");
        assertThat(event).isEqualTo(new EventLine(T, "shop", "checkout", "u1", 12.5, "FAILURE", "{\"cart\":3}"));
    }

    @Test
    void aMinimalJsonLine() throws BadLineException {
        assertThat(new JsonLinesParser().parse("{\"occurred_at\":\"2026-11-23T10:15:00Z\",\"source\":\"s\",\"type\":\"t\"}"))
                .isEqualTo(new EventLine(T, "s", "t", null, null, null, "{}"));
    }

    @Test
    void badJsonLinesSayWhy() {
        JsonLinesParser parser = new JsonLinesParser();
        assertThatThrownBy(() -> parser.parse("{not json")).hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> parser.parse("[1]")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> parser.parse("{\"source\":\"s\",\"type\":\"t\"}")).hasMessageStartingWith("missing occurred_at");
        assertThatThrownBy(() -> parser.parse("{\"occurred_at\":\"2026-11-23T10:15:00Z\",\"source\":\"s\"}"))
                .hasMessage("missing type");
        assertThatThrownBy(() -> parser.parse("{\"occurred_at\":\"yesterday\",\"source\":\"s\",\"type\":\"t\"}"))
                .hasMessageStartingWith("occurred_at 'yesterday' is not an ISO-8601 time with offset");
        assertThatThrownBy(() -> parser.parse("{\"occurred_at\":\"2026-11-23T10:15:00Z\",\"source\":\"s\",\"type\":\"t\",\"colour\":1}"))
                .hasMessageStartingWith("unknown field 'colour'");
        assertThatThrownBy(() -> parser.parse("{\"occurred_at\":\"2026-11-23T10:15:00Z\",\"source\":\"s\",\"type\":\"t\",\"value\":\"12\"}"))
                .hasMessage("value \"12\" is not a number");
        assertThatThrownBy(() -> parser.parse("{\"occurred_at\":\"2026-11-23T10:15:00Z\",\"source\":\"s\",\"type\":\"t\",\"outcome\":\"OK\"}"))
                .hasMessage("outcome 'OK' is neither SUCCESS nor FAILURE (or empty)");
    }

    @Test
    void csvWithQuotedFieldsInAnyColumnOrder() throws BadLineException {
        CsvLineParser parser = new CsvLineParser("type,occurred_at,source,properties,value,subject,outcome");
        assertThat(parser.parse("checkout,2026-11-23T10:15:00Z,shop,\"{\"\"a\"\":\"\"x,y\"\"}\",12.5,,SUCCESS"))
                .isEqualTo(new EventLine(T, "shop", "checkout", null, 12.5, "SUCCESS", "{\"a\":\"x,y\"}"));
    }

    @Test
    void badCsvSaysWhy() {
        CsvLineParser parser = new CsvLineParser("occurred_at,source,type,value");
        assertThatThrownBy(() -> parser.parse("2026-11-23T10:15:00Z,s,t")).hasMessage("has 3 fields, the header names 4");
        assertThatThrownBy(() -> parser.parse("2026-11-23T10:15:00Z,s,t,abc")).hasMessage("value 'abc' is not a finite number");
        assertThatThrownBy(() -> parser.parse("2026-11-23T10:15:00Z,s,\"t,1")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> parser.parse(",s,t,1")).hasMessageStartingWith("missing occurred_at");
        assertThatThrownBy(() -> new CsvLineParser("occurred_at,source"))
                .hasMessageStartingWith("the CSV header has no column 'type'");
        assertThatThrownBy(() -> new CsvLineParser("2026-11-23T10:15:00Z,s,t"))
                .hasMessageStartingWith("the CSV header names an unknown column '2026-11-23T10:15:00Z'");
    }

    @Test
    void theValidatorRefusesTimesFarInTheFutureOrPastTheRetention() throws BadLineException {
        EventValidator validator = new EventValidator(Duration.ofHours(1), Duration.ofDays(90));
        validator.validate(new EventLine(T.plus(Duration.ofHours(1)), "s", "t", null, null, null, "{}"), T);
        validator.validate(new EventLine(T.minus(Duration.ofDays(90)), "s", "t", null, null, null, "{}"), T);
        assertThatThrownBy(() -> validator.validate(new EventLine(T.plus(Duration.ofMinutes(61)), "s", "t", null, null, null, "{}"), T))
                .hasMessage("occurred_at 2026-11-23T11:16:00Z is more than PT1H in the future (now 2026-11-23T10:15:00Z; "
                        + "vigil.events.max-future-skew)");
        assertThatThrownBy(() -> validator.validate(new EventLine(T.minus(Duration.ofDays(91)), "s", "t", null, null, null, "{}"), T))
                .hasMessage("occurred_at 2026-08-24T10:15:00Z is older than the event retention of 90 days (vigil.retention.events)");
        assertThatThrownBy(() -> validator.validate(new EventLine(T, "s\u0000", "t", null, null, null, "{}"), T))
                .hasMessageContaining("NUL");
    }

    @Test
    void copyRowsQuoteEverythingAndLeaveNullsUnquoted() {
        assertThat(CopyRows.row(new EventLine(T, "sh\"op", "t", null, 1.5, null, "{}")))
                .isEqualTo("\"2026-11-23T10:15:00Z\",\"sh\"\"op\",\"t\",,1.5,,\"{}\"\n");
    }
}
