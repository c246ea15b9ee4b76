package io.agenttelemetry.connect.s3;

import java.util.concurrent.atomic.AtomicLong;

import io.agenttelemetry.connect.model.metrics.TaskMBean;

/** Counters the uploader updates (from the task thread and the part-upload threads), exposed over JMX. */
final class S3ArchiveSinkTaskMetrics implements S3ArchiveSinkTaskMetricsMXBean, AutoCloseable {
    private final AtomicLong objects = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong denied = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private TaskMBean mbean;

    void register(String connector, String task) {
        mbean = TaskMBean.register(this, "s3-archive-sink", connector, task);
    }

    void objectWritten(int recordCount, long byteCount) {
        objects.incrementAndGet();
        records.addAndGet(recordCount);
        bytes.addAndGet(byteCount);
    }

    void requestDenied() {
        denied.incrementAndGet();
    }

    void requestRetried() {
        retried.incrementAndGet();
    }

    @Override
    public long getObjectsWritten() {
        return objects.get();
    }

    @Override
    public long getRecordsWritten() {
        return records.get();
    }

    @Override
    public long getBytesWritten() {
        return bytes.get();
    }

    @Override
    public long getRequestsDenied() {
        return denied.get();
    }

    @Override
    public long getRequestsRetried() {
        return retried.get();
    }

    @Override
    public void close() {
        if (mbean != null) {
            mbean.close();
        }
    }
}
