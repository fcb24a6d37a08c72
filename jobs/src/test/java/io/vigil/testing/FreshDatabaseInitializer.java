package io.vigil.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a new Spring context at a database of its own, cloned from the migrated template. */
public class FreshDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = PostgresServer.newDatabase("spring");
        context.getBeanFactory().registerSingleton("testDatabase", database);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("vigil-test-database", Map.of(
                "spring.datasource.url", database.url(),
                "spring.datasource.username", database.user(),
                "spring.datasource.password", "")));
    }
}
