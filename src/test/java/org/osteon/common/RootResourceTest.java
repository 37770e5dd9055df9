package org.osteon.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RootResourceTest {

    @Test
    void theServicesAddressLeadsToTheApiDocumentationWithoutAToken() {
        String location = given().redirects()
                .follow(false)
                .get("/")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/q/swagger-ui/"))
                .extract()
                .header("Location");
        given().get(location).then().statusCode(200).body(containsString("swagger-ui"));
    }
}
