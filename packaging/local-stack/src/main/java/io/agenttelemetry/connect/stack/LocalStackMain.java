package io.agenttelemetry.connect.stack;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the local stack, checks each endpoint answers, prints them, and stops everything again unless
 * {@code --keep-running} is given (then it stays up until Ctrl-C).
 *
 * <p>Usage: {@code LocalStackMain [--keep-running] [--workers N] [--work-dir DIR]}, run from the repository root.
 */
public final class LocalStackMain {
    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean keepRunning = false;
        int workers = 1;
        Path workDir = Paths.get("target/local-stack");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keep-running": keepRunning = true; break;
                case "--workers": workers = Integer.parseInt(args[++i]); break;
                case "--work-dir": workDir = Paths.get(args[++i]); break;
                default:
                    System.err.println("unknown argument " + args[i]
                            + "; usage: [--keep-running] [--workers N] [--work-dir DIR]");
                    System.exit(2);
            }
        }
        StackLayout layout = StackLayout.fromSystemProperties(Paths.get("").toAbsolutePath());
        try (LocalStack stack = LocalStack.builder(layout, workDir).connectWorkers(workers).start()) {
            StackCheck.run(stack, System.out::println);
            System.out.println();
            for (Map.Entry<String, String> e : stack.endpoints().entrySet()) {
                System.out.printf("  %-24s %s%n", e.getKey(), e.getValue());
            }
            System.out.println();
            if (keepRunning) {
                System.out.println("Stack is up; press Ctrl-C to stop it.");
                new CountDownLatch(1).await();
            }
        }
        System.out.println("stack stopped");
    }
}
