package io.agenttelemetry.connect.model.metrics;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's metrics bean in the worker's platform MBean server, named
 * {@code io.agenttelemetry.connect:type=<type>,connector=<name>,task=<n>} (the names Connect's own task metrics use,
 * so one JMX exporter rule covers ours). A restarted task replaces the bean of its predecessor.
 */
public final class TaskMBean implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TaskMBean.class);

    private final ObjectName name;

    private TaskMBean(ObjectName name) {
        this.name = name;
    }

    /** Registers bean; a failure is logged, not thrown: metrics must never stop a task. */
    public static TaskMBean register(Object bean, String type, String connector, String task) {
        try {
            ObjectName name = new ObjectName("io.agenttelemetry.connect:type=" + type + ",connector="
                    + ObjectName.quote(connector) + ",task=" + ObjectName.quote(task));
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(bean, name);
            return new TaskMBean(name);
        } catch (JMException e) {
            log.warn("Could not register JMX metrics for {} task {}: {}", connector, task, e.toString());
            return new TaskMBean(null);
        }
    }

    @Override
    public void close() {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            // Already gone.
        }
    }
}
