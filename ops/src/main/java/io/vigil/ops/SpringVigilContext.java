package io.vigil.ops;

import io.vigil.VigilApplication;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Vigil's Spring context, started on the first bean a command asks for. Commands print only their
 * result on stdout, so they log at WARN, to stderr; the daemon logs Vigil's own lines at INFO and the
 * frameworks' from WARN (application.yml's logging.level), to stdout as Spring Boot does. Properties given
 * on the command line win over both.
 */
public final class SpringVigilContext implements VigilContext {

    private final List<String> springArguments;
    private final Map<String, Object> defaults;
    private final CountDownLatch closed = new CountDownLatch(1);
    private ConfigurableApplicationContext context;

    private SpringVigilContext(List<String> springArguments, Map<String, Object> defaults) {
        this.springArguments = springArguments;
        this.defaults = defaults;
    }

    /** For the commands: quiet, started when first needed. */
    public static SpringVigilContext forCommands(List<String> springArguments) {
        return new SpringVigilContext(springArguments,
                Map.of("logging.config", CommandSettings.LOGGING_CONFIG));
    }

    /** For {@code vigil run}: logs at INFO; its start is the daemon's own line, which says more than Spring's. */
    public static SpringVigilContext forDaemon(List<String> springArguments) {
        return new SpringVigilContext(springArguments, Map.of());
    }

    @Override
    public synchronized <T> T bean(Class<T> type) {
        return started().getBean(type);
    }

    /** Blocks until the context is closed: by {@link #close}, or by Spring's shutdown hook on SIGTERM or Ctrl-C. */
    public void awaitClose() throws InterruptedException {
        synchronized (this) {
            started();
        }
        closed.await();
    }

    private ConfigurableApplicationContext started() {
        if (context == null) {
            try {
                context = new SpringApplicationBuilder(VigilApplication.class)
                        .web(WebApplicationType.NONE)
                        .bannerMode(Banner.Mode.OFF)
                        .logStartupInfo(false)
                        .properties(defaults)
                        .listeners(new ClosedListener())
                        .run(springArguments.toArray(String[]::new));
            } catch (RuntimeException e) {
                throw new CommandFailure("could not start Vigil: " + Failures.rootMessage(e), e);
            }
        }
        return context;
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            // Returns once the context is closed, also when the shutdown hook is closing it meanwhile.
            context.close();
        }
    }

    private final class ClosedListener implements ApplicationListener<ApplicationEvent> {

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        }
    }
}
