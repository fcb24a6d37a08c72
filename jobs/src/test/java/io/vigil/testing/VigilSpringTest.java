package io.vigil.testing;

import io.vigil.VigilApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A Vigil Spring context on a database of its own (one embedded PostgreSQL per JVM, a fresh database
 * per test class), with a settable clock and test secrets. Quartz is not started: scheduler tests start
 * it themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {VigilApplication.class, TestBeans.class}, properties = {
        "spring.quartz.auto-startup=false",
        "vigil.schedules.healthCheckJob.cron=0 */5 * * * ?",
        "logging.level.io.zonky=WARN"
})
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface VigilSpringTest {
}
