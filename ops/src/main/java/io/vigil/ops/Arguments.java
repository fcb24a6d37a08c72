package io.vigil.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * A vigil command line split in two: Spring properties ({@code --spring.*=}, {@code --vigil.*=},
 * {@code --logging.*=}, written as Spring Boot itself takes them, anywhere on the line) go to the Spring
 * context; the rest is the command for picocli. Splitting before parsing lets every command accept the
 * same properties without declaring them.
 *
 * @param spring  the Spring properties, as {@code --key=value} arguments
 * @param command everything else
 */
public record Arguments(List<String> spring, List<String> command) {

    private static final List<String> PREFIXES = List.of("--spring.", "--vigil.", "--logging.");

    public Arguments {
        spring = List.copyOf(spring);
        command = List.copyOf(command);
    }

    /** @throws IllegalArgumentException for a property without a value */
    public static Arguments split(String... args) {
        List<String> spring = new ArrayList<>();
        List<String> command = new ArrayList<>();
        for (String arg : args) {
            if (PREFIXES.stream().noneMatch(arg::startsWith)) {
                command.add(arg);
            } else if (arg.indexOf('=') < 0) {
                throw new IllegalArgumentException("Spring property " + arg + " has no value: write " + arg + "=VALUE");
            } else {
                spring.add(arg);
            }
        }
        return new Arguments(spring, command);
    }

    public String[] commandArray() {
        return command.toArray(String[]::new);
    }
}
