package io.vigil.ops.failover;

import io.vigil.VigilApplication;
import io.vigil.schedule.Daemon;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A daemon in the test's own JVM, as {@code vigil run} starts it: the node that outlives the one the
 * loop kills, and takes its run over. In this JVM because it is never killed, and a context starts here
 * in a fraction of a new JVM's time.
 */
final class Survivor implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Survivor(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static Survivor start(List<String> arguments) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(VigilApplication.class)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
        try {
            context.getBean(Daemon.class).start();
        } catch (Exception | Error e) {
            context.close();
            throw e;
        }
        return new Survivor(context);
    }

    @Override
    public void close() {
        context.close();
    }
}
