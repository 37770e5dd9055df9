package org.osteon.common;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * How request bodies are read, for every endpoint at once. Every text of a request is checked ({@link Text#problem}) before a resource sees it: each string
 * of a JSON body as it is read, and each path and query parameter after the route matched. A NUL
 * once reached PostgreSQL and answered 500; now the answer is a 400 naming the field or parameter.
 * One place for all endpoints, so that a new one cannot forget it.
 */
public class RequestText {

    /** Registers the checking string reader with the application's JSON mapper. */
    @Singleton
    public static class JsonStrings implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.registerModule(new SimpleModule("osteon-request-text").addDeserializer(String.class, new Checked()));
            // A count is whole: 1.9 impacts was read as 1 without a word. ProblemMapper names the field.
            mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
            // A syntax error's answer quotes the token Jackson stumbled on (ProblemMapper): 64 characters at most.
            mapper.getFactory()
                    .setErrorReportConfiguration(ErrorReportConfiguration.builder()
                            .maxErrorTokenLength(64)
                            .build());
        }
    }

    /** Jackson's own string reading, then the check; Jackson adds the field's path as the exception unwinds. */
    static final class Checked extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = super.deserialize(p, ctxt);
            if (s != null) {
                var bad = Text.problem(s, true);
                if (bad.isPresent()) {
                    InvalidTextException cause = new InvalidTextException(bad.get(), true);
                    throw JsonMappingException.from(p, cause.getMessage(), cause);
                }
            }
            return s;
        }
    }

    @ServerRequestFilter
    public void checkParameters(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters(true));
        check(request.getUriInfo().getQueryParameters(true));
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            for (String value : p.getValue()) {
                var bad = Text.problem(value, false);
                if (bad.isPresent()) {
                    throw ApiException.badField(
                            Text.printable(p.getKey(), 64), new InvalidTextException(bad.get(), false).getMessage());
                }
            }
        }
    }
}
