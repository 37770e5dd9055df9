package org.osteon.broker;

import java.util.List;
import org.osteon.common.ApiException;
import org.osteon.common.ApiProblem;

/** The broker already has an account of this name that Osteon did not create for the device (409). */
public class BrokerAccountConflictException extends ApiException {
    public BrokerAccountConflictException(String deviceId) {
        super(
                409,
                "Conflict",
                "the broker already has an account named '" + deviceId + "'",
                List.of(new ApiProblem.FieldError("deviceId", "is taken at the broker")));
    }
}
