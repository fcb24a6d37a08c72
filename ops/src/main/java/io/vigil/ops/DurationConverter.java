package io.vigil.ops;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** {@code --for 2h}, {@code 90m}, {@code 1d12h}, {@code 45s}: a positive duration with units. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    @Override
    public Duration convert(String value) {
        Matcher m = DURATION.matcher(value.strip());
        if (value.isBlank() || !m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration: write it like 2h, 90m, "
                    + "1d12h or 45s");
        }
        Duration duration = Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2)))
                .plusMinutes(number(m.group(3))).plusSeconds(number(m.group(4)));
        if (duration.isZero()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is no time at all: give a positive duration such as 2h");
        }
        return duration;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
