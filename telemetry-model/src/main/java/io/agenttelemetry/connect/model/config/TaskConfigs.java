package io.agenttelemetry.connect.model.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Task configurations for connectors whose tasks all take the connector's own config (Connect spreads the work). */
public final class TaskConfigs {
    private TaskConfigs() {
    }

    public static List<Map<String, String>> sameForEach(Map<String, String> connectorConfig, int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            configs.add(connectorConfig);
        }
        return configs;
    }
}
