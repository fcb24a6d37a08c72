package io.vigil.ops;

import java.lang.reflect.Constructor;
import java.util.List;
import picocli.CommandLine;

/**
 * Creates the command objects, handing each constructor the dependencies it declares (the
 * {@link VigilContext}, the command line's {@link Arguments}); commands without such a constructor are
 * created as picocli would.
 */
final class CommandFactory implements CommandLine.IFactory {

    private final List<Object> dependencies;

    CommandFactory(Object... dependencies) {
        this.dependencies = List.of(dependencies);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            Object[] arguments = arguments(constructor.getParameterTypes());
            if (constructor.getParameterCount() > 0 && arguments != null) {
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(arguments));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }

    private Object[] arguments(Class<?>[] types) {
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i];
            arguments[i] = dependencies.stream().filter(type::isInstance).findFirst().orElse(null);
            if (arguments[i] == null) {
                return null;
            }
        }
        return arguments;
    }
}
