package org.osteon.common;

/**
 * Example bodies for the OpenAPI document, one per status an endpoint answers with. The 401, 403 and
 * 404 ones belong to the shared responses declared in package-info, which resources name by ref.
 */
public final class ApiDocs {
    private ApiDocs() {}

    public static final String UNAUTHORIZED = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
            + "\"detail\":\"a valid bearer token is required\",\"instance\":\"/api/v1/patients/5f0c…/program\"}";
    public static final String FORBIDDEN = "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"this role may not do this\",\"instance\":\"/api/v1/patients/5f0c…/program\"}";
    public static final String NOT_FOUND = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"patient '5f0c…' does not exist\",\"instance\":\"/api/v1/patients/5f0c…/program\"}";
    public static final String BAD_REQUEST = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"effectiveFrom: must not be before today\",\"instance\":\"/api/v1/patients/5f0c…/program\","
            + "\"errors\":[{\"field\":\"effectiveFrom\",\"message\":\"must not be before today\"}]}";
    public static final String CONFLICT = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
            + "\"detail\":\"subject 'physio-7' is already registered\",\"instance\":\"/api/v1/physiotherapists\","
            + "\"errors\":[{\"field\":\"subject\",\"message\":\"subject 'physio-7' is already registered\"}]}";
}
