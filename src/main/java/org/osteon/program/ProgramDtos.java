package org.osteon.program;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the program API reads and writes. */
public final class ProgramDtos {
    private ProgramDtos() {}

    /**
     * A change to a patient's program: either the components, or a template to start from. The
     * change takes effect on {@code effectiveFrom} (default: today in the patient's time zone),
     * which may not lie in the past, so past days keep the targets they had; only a patient's
     * first program may start up to 28 days back, on days that had no targets.
     */
    public record ProgramChange(
            @Size(max = 10) List<@Valid @NotNull Component> components,
            @Size(max = 60) String templateId,
            @NotBlank @Size(max = 1000) String reason,
            LocalDate effectiveFrom) {}

    /** Who made a version. */
    public record Author(String role, String subject) {}

    /** One version of a program, as prescribed (progression not applied). */
    public record ProgramVersionView(
            UUID patientId,
            int version,
            LocalDate effectiveFrom,
            String templateId,
            List<Component> components,
            Author author,
            String reason,
            Instant createdAt) {}

    /** The program in force on {@code date}, with the targets of that day after progression. */
    public record ProgramView(
            @Schema(description = "the patient's local date the targets are for")
            LocalDate date,

            @Schema(description = "null until the first version takes effect")
            ProgramVersionView inForce,

            List<Component> targetsOnDate,

            @Schema(description = "a version that takes effect later, if one is scheduled")
            ProgramVersionView upcoming) {}

    /**
     * An edit of some components of the program in force on {@code effectiveFrom} (default today):
     * {@code set} names each component to change by its {@code kind} and gives only the fields to
     * change ({@code null} removes one, a nested object such as {@code progression} is merged);
     * {@code remove} drops components by kind. Every other component and field is kept.
     */
    public record ProgramEdit(
            @Schema(description = "components to change or add, each with its kind and the fields to change")
            @Size(max = 10)
            List<@NotNull ObjectNode> set,

            @Schema(description = "kinds of components to drop") @Size(max = 10)
            List<@NotBlank String> remove,

            @NotBlank @Size(max = 1000) String reason,
            LocalDate effectiveFrom) {}

    /** The version an edit or a prescription added, and what it changed against the one it replaces. */
    public record ProgramChangeResult(ProgramVersionView version, List<ProgramEdits.Change> changes) {}

    /** A template physiotherapists start from. */
    public record TemplateView(String id, String name, String description, String source, List<Component> components) {}
}
