package org.osteon.device;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.osteon.scoring.Placement;

/**
 * How the device API spells a {@link Placement} in JSON and in its OpenAPI document: by its API
 * name ({@code lower_back}), read exactly, an unknown one refused with the placement's own "must be
 * one of …". The scoring core has no framework imports, so the enum carries the names and this
 * class tells Jackson and the OpenAPI scanner to use them.
 */
public final class PlacementJson {
    private PlacementJson() {}

    /** Jackson writes a placement by {@link Placement#apiName()} and reads it by {@link Placement#fromApiName}. */
    @Singleton
    public static class Names implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.addMixIn(Placement.class, Annotations.class);
        }
    }

    /** The annotations the enum would carry if the scoring core imported Jackson. */
    abstract static class Annotations {
        @JsonValue
        abstract String apiName();

        @JsonCreator
        static Placement fromApiName(String value) {
            return Placement.fromApiName(value);
        }
    }

    /** The document's Placement schema lists the API names, as the API reads and writes them. */
    @OpenApiFilter
    public static class Schemas implements OASFilter {
        @Override
        public void filterOpenAPI(OpenAPI openAPI) {
            if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
                return;
            }
            Schema schema = openAPI.getComponents().getSchemas().get(Placement.class.getSimpleName());
            if (schema != null) {
                List<Object> names = Arrays.stream(Placement.values())
                        .map(p -> (Object) p.apiName())
                        .toList();
                schema.setEnumeration(names);
            }
        }
    }
}
