package org.osteon.support;

import java.util.Map;

/**
 * What the no-loss tests run against: a Mosquitto of its own from the project's configuration,
 * a database of its own on the machine's PostgreSQL, and the packaged service connected to both
 * under a fixed MQTT client id (so that a restart resumes its persistent session).
 */
public final class PackagedStack implements AutoCloseable {
    public final MosquittoProcess broker;
    public final TestDatabase db;
    public final ServiceProcess service;

    private PackagedStack(MosquittoProcess broker, TestDatabase db, ServiceProcess service) {
        this.broker = broker;
        this.db = db;
        this.service = service;
    }

    public static PackagedStack start(String name) throws Exception {
        MosquittoProcess broker = new MosquittoProcess();
        TestDatabase db = TestDatabase.onLocalServer("osteon_" + name);
        ServiceProcess service = new ServiceProcess(Map.of(
                "quarkus.datasource.jdbc.url", db.url(),
                "osteon.ingest.broker-uri", broker.uri(),
                "osteon.ingest.client-id", "osteon-" + name + "-test"));
        service.start();
        return new PackagedStack(broker, db, service);
    }

    @Override
    public void close() throws Exception {
        service.close();
        broker.close();
        db.close();
    }
}
