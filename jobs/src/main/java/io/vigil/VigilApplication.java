package io.vigil;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring configuration root. The executable ({@code vigil} in ops/) decides what to start:
 * the scheduler daemon, or only the services a command needs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VigilApplication {
}
