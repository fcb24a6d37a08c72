package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help reads as sentences: picocli prints each description entry as a paragraph of its
 * own and wraps it to the terminal, so an entry cut at a source line's end shows as a sentence broken
 * mid-way, and the first entry, the one the command list shows, must be whole on its own.
 */
class HelpTextTest {

    @Test
    void everyDescriptionEntryIsAWholeSentence() {
        List<String> broken = new ArrayList<>();
        collect(commandLine(), broken);

        assertThat(broken).as("description entries that do not end a sentence").isEmpty();
    }

    @Test
    void theUsageOfEveryCommandFitsEightyColumns() {
        List<String> wide = new ArrayList<>();
        usages(commandLine(), wide);

        assertThat(wide).as("help lines wider than 80 columns").isEmpty();
    }

    /** The help needs no service: a context that is never asked. */
    private static CommandLine commandLine() {
        VigilContext none = new VigilContext() {
            @Override
            public <T> T bean(Class<T> type) {
                throw new AssertionError("printing help asked for " + type.getName());
            }
        };
        return VigilCli.commandLine(none, Arguments.split());
    }

    private static void collect(CommandLine command, List<String> broken) {
        String name = command.getCommandSpec().qualifiedName();
        for (String entry : command.getCommandSpec().usageMessage().description()) {
            if (!entry.replace("%n", "").strip().matches("(?s).*[.:)]$")) {
                broken.add(name + ": \"" + entry + "\"");
            }
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, broken));
    }

    private static void usages(CommandLine command, List<String> wide) {
        command.getUsageMessage().lines().filter(line -> line.length() > 80)
                .forEach(line -> wide.add(command.getCommandSpec().qualifiedName() + ": " + line));
        command.getSubcommands().values().forEach(sub -> usages(sub, wide));
    }
}
