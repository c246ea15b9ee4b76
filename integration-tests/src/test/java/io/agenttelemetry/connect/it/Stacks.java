package io.agenttelemetry.connect.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.StackLayout;

/** Where the build put the stack, the plugins and the test work directories (Failsafe system properties). */
final class Stacks {
    private Stacks() {
    }

    static StackLayout layout() {
        return StackLayout.fromSystemProperties(repositoryRoot()).verify();
    }

    static Path repositoryRoot() {
        return Paths.get("").toAbsolutePath().getParent();
    }

    /** A work directory for one stack under target/stack; its logs stay there after the run. */
    static Path workDir(String name) {
        String base = System.getProperty("agent.telemetry.stack.work", "target/stack");
        return Paths.get(base, name).toAbsolutePath();
    }

    /** A properties file for the worker's file config provider, in the tests' work directory rather than left in /tmp. */
    static Path secretsFile(String name, String properties) throws IOException {
        return Files.writeString(Files.createDirectories(workDir("secrets")).resolve(name + ".properties"), properties);
    }

    static Path kafka39Libs() {
        return Paths.get(System.getProperty("agent.telemetry.kafka39.libs",
                repositoryRoot().resolve("packaging/kafka-3.9-tools/target/libs").toString()));
    }

    /** A builder for a stack of its own, for tests that crash or reconfigure servers. */
    static LocalStack.Builder builder(String name) {
        return LocalStack.builder(layout(), workDir(name));
    }
}
