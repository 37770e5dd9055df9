package org.osteon.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the no-loss tests: a {@link PackagedStack} of their own for each test. */
public abstract class PackagedStackTest {
    protected MosquittoProcess broker;
    protected TestDatabase db;
    protected ServiceProcess service;
    private PackagedStack stack;

    /** Names the stack's database and MQTT client id. */
    protected abstract String stackName();

    @BeforeEach
    void startStack() throws Exception {
        stack = PackagedStack.start(stackName());
        broker = stack.broker;
        db = stack.db;
        service = stack.service;
    }

    @AfterEach
    void stopStack() throws Exception {
        stack.close();
    }
}
