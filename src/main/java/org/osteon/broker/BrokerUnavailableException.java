package org.osteon.broker;

import org.osteon.common.ApiException;

/**
 * The broker could not be asked to change a device's access. The request that needed it is
 * rolled back, so Osteon and the broker do not disagree about the device; answered with 503.
 */
public class BrokerUnavailableException extends ApiException {
    public BrokerUnavailableException(String detail) {
        super(503, "Service Unavailable", "broker access could not be changed: " + detail, null);
    }

    public BrokerUnavailableException(String detail, Throwable cause) {
        this(detail);
        initCause(cause);
    }
}
