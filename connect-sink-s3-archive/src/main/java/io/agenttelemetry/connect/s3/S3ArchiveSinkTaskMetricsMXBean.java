package io.agenttelemetry.connect.s3;

/** What an S3 archive task has written, and what S3 refused, over JMX. */
public interface S3ArchiveSinkTaskMetricsMXBean {
    long getObjectsWritten();

    long getRecordsWritten();

    long getBytesWritten();

    /** Requests S3 answered with 403 AccessDenied (a bucket policy or IAM denying writes); each is retried. */
    long getRequestsDenied();

    /** Requests that failed with throttling, a server error or no connection, and are retried. */
    long getRequestsRetried();
}
