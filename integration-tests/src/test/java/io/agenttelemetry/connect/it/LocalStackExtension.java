package io.agenttelemetry.connect.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.agenttelemetry.connect.stack.LocalStack;

/**
 * Injects the shared local stack (one worker, OpenSearch, S3). It starts on first use and stops once at the end of
 * the test run, also when tests fail; {@code ManagedProcess}'s shutdown hook covers a JVM that dies.
 */
public class LocalStackExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("shared-stack", k -> new CloseableStack(Stacks.builder("shared").start()),
                        CloseableStack.class)
                .stack;
    }

    /** Lets JUnit close the stack when the root context ends. */
    private static final class CloseableStack implements ExtensionContext.Store.CloseableResource {
        private final LocalStack stack;

        CloseableStack(LocalStack stack) {
            this.stack = stack;
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
