package org.osteon.scoring.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void nestsMembersWithCommasEscapesStringsAndWritesNonFiniteAsNull() {
        String json = new JsonWriter()
                .beginObject()
                .name("name")
                .value("a \"quoted\"\\path\n")
                .name("nan")
                .value(Double.NaN)
                .name("whole")
                .value(3.0)
                .name("half")
                .value(0.5)
                .name("list")
                .beginArray()
                .value(1L)
                .value(true)
                .beginObject()
                .endObject()
                .endArray()
                .name("empty")
                .beginArray()
                .endArray()
                .endObject()
                .toString();

        assertEquals(
                "{\n"
                        + "  \"name\": \"a \\\"quoted\\\"\\\\path\\n\",\n"
                        + "  \"nan\": null,\n"
                        + "  \"whole\": 3,\n"
                        + "  \"half\": 0.5,\n"
                        + "  \"list\": [\n"
                        + "    1,\n"
                        + "    true,\n"
                        + "    {}\n"
                        + "  ],\n"
                        + "  \"empty\": []\n"
                        + "}",
                json);
    }
}
