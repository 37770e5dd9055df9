package org.osteon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osteon.device.DeviceDtos;

class DeviceIdsTest {

    @Test
    void ingestAcceptsExactlyTheIdsTheRegistryCanRegister() {
        // Ingest keeps its own copy (it must not depend on the registry); this keeps the two equal.
        assertThat(DeviceIds.VALID.pattern()).isEqualTo(DeviceDtos.DEVICE_ID_PATTERN);
        assertThat(DeviceIds.isValid("dev-0042")).isTrue();
        assertThat(DeviceIds.isValid("x")).isFalse();
        assertThat(DeviceIds.isValid("dev\u0000")).isFalse();
        assertThat(DeviceIds.isValid("d".repeat(65))).isFalse();
    }
}
