package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void springPropertiesAnywhereOnTheLineGoToSpring() {
        Arguments arguments = Arguments.split("--vigil.database.data-dir=/tmp/x", "jobs", "list",
                "--spring.datasource.url=jdbc:postgresql://db/vigil", "--status", "FAILED", "--logging.level.root=INFO");

        assertThat(arguments.spring()).containsExactly("--vigil.database.data-dir=/tmp/x",
                "--spring.datasource.url=jdbc:postgresql://db/vigil", "--logging.level.root=INFO");
        assertThat(arguments.command()).containsExactly("jobs", "list", "--status", "FAILED");
    }

    @Test
    void aPropertyWithoutValueIsAUsageError() {
        assertThatThrownBy(() -> Arguments.split("jobs", "list", "--vigil.database.data-dir", "/tmp/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Spring property --vigil.database.data-dir has no value: write "
                        + "--vigil.database.data-dir=VALUE");
    }
}
