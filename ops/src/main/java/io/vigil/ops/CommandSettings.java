package io.vigil.ops;

import java.util.List;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Vigil's configuration as the daemon sees it (command line, environment, ./config/application.yml and
 * the rest of Spring Boot's config data, Vigil's own application.yml) without starting Spring, for the
 * commands that only read. Logging is set up as for every command: warnings only, to stderr.
 */
final class CommandSettings {

    static final String LOGGING_CONFIG = "classpath:io/vigil/ops/cli-logback.xml";

    private CommandSettings() {
    }

    static Binder load(List<String> springArguments) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(springArguments.toArray(String[]::new)));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        configureLogging(environment);
        return Binder.get(environment);
    }

    private static void configureLogging(ConfigurableEnvironment environment) {
        LoggingSystem logging = LoggingSystem.get(CommandSettings.class.getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment),
                environment.getProperty("logging.config", LOGGING_CONFIG), null);
        Binder.get(environment).bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
                .ifBound(levels -> levels.forEach((name, level) -> logging.setLogLevel(
                        name.equalsIgnoreCase("root") ? LoggingSystem.ROOT_LOGGER_NAME : name, level)));
    }
}
