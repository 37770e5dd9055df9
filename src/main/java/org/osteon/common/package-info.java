/**
 * What every feature shares: the API's error shape, paging, text and CSV helpers, clocks.
 *
 * <p>The OpenAPI definition here declares, once, the problem+json answers that most operations
 * share: {@code Unauthorized} (401), {@code Forbidden} (403) and {@code NotFound} (404), each with
 * the {@link org.osteon.common.ApiProblem} schema and an example from {@link org.osteon.common.ApiDocs}.
 * A resource names one with {@code @APIResponse(responseCode = "404", ref = "NotFound")} and may say
 * in {@code description} what the status means for that operation; the document then keeps that
 * description next to the {@code $ref} (OpenAPI 3.1). SmallRye reads an {@code @OpenAPIDefinition}
 * only from a package-info or a JAX-RS Application, hence here. Title, version and description of
 * the document come from the quarkus.smallrye-openapi.info-* keys of application.properties; the
 * {@code @Info} below only satisfies the annotation and says the same.
 */
@OpenAPIDefinition(
        info = @Info(title = "Osteon API", version = "1"),
        components =
                @Components(
                        responses = {
                            @APIResponse(
                                    name = "Unauthorized",
                                    responseCode = "401",
                                    description = "no valid bearer token",
                                    content =
                                            @Content(
                                                    mediaType = ApiProblem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = ApiProblem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "401",
                                                                    value = ApiDocs.UNAUTHORIZED))),
                            @APIResponse(
                                    name = "Forbidden",
                                    responseCode = "403",
                                    description = "the caller's role may not do this",
                                    content =
                                            @Content(
                                                    mediaType = ApiProblem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = ApiProblem.class),
                                                    examples =
                                                            @ExampleObject(name = "403", value = ApiDocs.FORBIDDEN))),
                            @APIResponse(
                                    name = "NotFound",
                                    responseCode = "404",
                                    description = "no such patient, or not one of the caller's",
                                    content =
                                            @Content(
                                                    mediaType = ApiProblem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = ApiProblem.class),
                                                    examples = @ExampleObject(name = "404", value = ApiDocs.NOT_FOUND)))
                        }))
package org.osteon.common;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
