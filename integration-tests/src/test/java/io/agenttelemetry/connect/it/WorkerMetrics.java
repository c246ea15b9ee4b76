package io.agenttelemetry.connect.it;

import java.io.IOException;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

import io.agenttelemetry.connect.stack.ConnectWorker;
import io.agenttelemetry.connect.stack.LocalStack;

/**
 * The JMX metrics of the stack's workers, as an operator's JMX exporter reads them. Read through the JDK's attach
 * API, a local connector: no JMX port is opened.
 */
final class WorkerMetrics {
    private WorkerMetrics() {
    }

    /** The sum of a numeric attribute over the MBeans that match the pattern, in every running worker. */
    static double sum(LocalStack stack, String objectNamePattern, String attribute) {
        double total = 0;
        for (ConnectWorker worker : stack.workers()) {
            if (!worker.process().isAlive()) {
                continue;
            }
            try {
                VirtualMachine vm = VirtualMachine.attach(Long.toString(worker.process().pid()));
                try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
                    MBeanServerConnection mbeans = connector.getMBeanServerConnection();
                    for (ObjectName name : mbeans.queryNames(new ObjectName(objectNamePattern), null)) {
                        Object value = mbeans.getAttribute(name, attribute);
                        if (value instanceof Number) {
                            total += ((Number) value).doubleValue();
                        }
                    }
                } finally {
                    vm.detach();
                }
            } catch (IOException | javax.management.JMException | com.sun.tools.attach.AttachNotSupportedException e) {
                throw new IllegalStateException("cannot read " + attribute + " of " + objectNamePattern + " in " + worker.process().name(), e);
            }
        }
        return total;
    }
}
