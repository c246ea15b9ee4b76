package io.agenttelemetry.connect.model.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Task configurations for connectors whose tasks all take the connector's own config (Connect spreads the work),
 * each with its index, so a task can name its metrics.
 */
public final class TaskConfigs {
    public static final String TASK_INDEX = "task.index";

    private TaskConfigs() {
    }

    public static List<Map<String, String>> sameForEach(Map<String, String> connectorConfig, int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> task = new HashMap<>(connectorConfig);
            task.put(TASK_INDEX, Integer.toString(i));
            configs.add(task);
        }
        return configs;
    }

    /** The task's index, "0" for a config made elsewhere (a test, an older version). */
    public static String taskIndex(Map<String, String> taskConfig) {
        return taskConfig.getOrDefault(TASK_INDEX, "0");
    }

    /** The connector's name, which Connect puts into every connector config. */
    public static String connectorName(Map<String, String> taskConfig, String fallback) {
        return taskConfig.getOrDefault("name", fallback);
    }
}
