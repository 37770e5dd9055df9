package org.osteon.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osteon.ingest.Inbound.Outcome;

/**
 * Ingest outcomes as Prometheus metrics: {@code osteon_ingest_batches_total} and
 * {@code osteon_ingest_samples_total} by stream, outcome and rejection reason, and the
 * arrival-to-commit latency. Tags are bounded sets; device ids are never tags.
 */
final class IngestMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer latency;
    private final DistributionSummary groupSize;
    private final Timer transaction;

    IngestMetrics(MeterRegistry registry, IntakeQueue queue, WriterHealth writer) {
        this.registry = registry;
        this.latency = Timer.builder("osteon.ingest.latency")
                .description("Time from a batch's arrival from the broker to its commit")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
        this.groupSize = DistributionSummary.builder("osteon.ingest.write.group.messages")
                .description("Messages stored per transaction")
                .register(registry);
        this.transaction = Timer.builder("osteon.ingest.write.transaction")
                .description("Time from the start of a write transaction to its commit")
                .register(registry);
        Gauge.builder("osteon.ingest.queue.messages", queue, IntakeQueue::size)
                .description("Messages received and not yet committed")
                .register(registry);
        Gauge.builder("osteon.ingest.queue.bytes", queue, IntakeQueue::bytes)
                .description("Decoded bytes received and not yet committed")
                .register(registry);
        Gauge.builder("osteon.ingest.writer.stalled", writer, w -> w.stalled() ? 1 : 0)
                .description("1 while the writer has kept failing to commit past osteon.ingest.writer-stall-after")
                .register(registry);
        FunctionCounter.builder("osteon.ingest.write.failures", writer, WriterHealth::failures)
                .description("Write transactions that failed (each retry and each step narrowing down a bad message)")
                .register(registry);
        FunctionCounter.builder("osteon.ingest.unstorable", writer, WriterHealth::setAsideCount)
                .description("Messages the database refused on their own; refused with a receipt and acknowledged")
                .register(registry);
    }

    /** Connections the receiving link lost; a rate of several a minute means it is being killed. */
    void connectionLosses(MqttLink link) {
        FunctionCounter.builder("osteon.ingest.connection.losses", link, MqttLink::losses)
                .description("Connections to the broker that the receiving link lost")
                .register(registry);
    }

    void record(Inbound m, Outcome o, long committedNanos) {
        String stream = m.stream.wireName();
        String outcome = o.status().wireName();
        String reason = o.rejection() == null ? "none" : o.rejection().code().tag();
        counter("osteon.ingest.batches", stream, outcome, reason).increment();
        if (m.batch != null) {
            counter("osteon.ingest.samples", stream, outcome, reason).increment(m.batch.count());
        }
        latency.record(Duration.ofNanos(committedNanos - m.arrivedNanos));
    }

    void group(int messages, long transactionNanos) {
        groupSize.record(messages);
        transaction.record(Duration.ofNanos(transactionNanos));
    }

    private Counter counter(String name, String stream, String outcome, String reason) {
        return counters.computeIfAbsent(
                name + '|' + stream + '|' + outcome + '|' + reason,
                k -> Counter.builder(name)
                        .description(
                                name.endsWith("samples")
                                        ? "Samples (accelerometer) or events (loading) by outcome"
                                        : "Batches by outcome")
                        .tag("stream", stream)
                        .tag("outcome", outcome)
                        .tag("reason", reason)
                        .register(registry));
    }
}
