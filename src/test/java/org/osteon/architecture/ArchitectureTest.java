package org.osteon.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;

/**
 * The package rules of docs/architecture.md, checked on the compiled classes (tests left out):
 * no package depends on itself through others, each package uses only the layers below it, and
 * the engine, the scoring core and auth use only what their jobs need.
 */
@AnalyzeClasses(packages = "org.osteon", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** A cycle makes every package in it change with every other; scoring's subpackages count as one. */
    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("org.osteon.(*)..").should().beFreeOfCycles();

    /**
     * The layers, lowest first; the packages of one row are peers. A package may use the rows
     * before its own, never its own row's other packages nor a later row. rtm sits with report: it
     * reads patients, physiotherapists, the audit trail and scored days, and only the console may
     * show it.
     */
    static final List<List<String>> ROWS = List.of(
            List.of("common"),
            List.of("scoring", "auth"),
            List.of("audit"),
            List.of("engine"),
            List.of("ingest"),
            List.of("broker", "physio"),
            List.of("patient"),
            List.of("program"),
            List.of("device", "mood"),
            List.of("adherence"),
            List.of("alert", "progress"),
            List.of("roster", "privacy", "retention", "simulator", "report", "interop", "rtm"),
            List.of("console"));

    @ArchTest
    static final ArchRule layers = layers();

    private static ArchRule layers() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<String> row : ROWS) {
            for (String p : row) {
                rule = rule.layer(p).definedBy("org.osteon." + p + "..");
            }
        }
        for (int r = 0; r < ROWS.size(); r++) {
            String[] above = ROWS.subList(r + 1, ROWS.size()).stream()
                    .flatMap(List::stream)
                    .toArray(String[]::new);
            for (String p : ROWS.get(r)) {
                rule = above.length == 0
                        ? rule.whereLayer(p).mayNotBeAccessedByAnyLayer()
                        : rule.whereLayer(p).mayOnlyBeAccessedByLayers(above);
            }
        }
        return rule;
    }

    /** Every package of Osteon has its row: a new one must be placed before it can be used. */
    @ArchTest
    static final ArchRule everyPackageHasARow = classes()
            .that()
            .resideInAPackage("org.osteon..")
            .should()
            .resideInAnyPackage(ROWS.stream()
                    .flatMap(List::stream)
                    .map(p -> "org.osteon." + p + "..")
                    .toArray(String[]::new));

    /** The engine turns raw data into scored days: it knows the scoring core and common, nothing above. */
    @ArchTest
    static final ArchRule engineUsesScoringAndCommonOnly = noClasses()
            .that()
            .resideInAPackage("org.osteon.engine..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.osteon..")
                    .and(not(
                            resideInAnyPackage("org.osteon.engine..", "org.osteon.scoring..", "org.osteon.common.."))));

    /**
     * The scoring core is plain Java (it also runs as a command-line tool and in benchmarks): the
     * JDK and itself, no framework and no other package of Osteon.
     */
    @ArchTest
    static final ArchRule scoringIsPlainJava = classes()
            .that()
            .resideInAPackage("org.osteon.scoring..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("org.osteon.scoring..", "java..");

    /** auth keeps tokens and roles: a leaf that everything may use and that uses only common. */
    @ArchTest
    static final ArchRule authIsALeaf = noClasses()
            .that()
            .resideInAPackage("org.osteon.auth..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.osteon..")
                    .and(not(resideInAnyPackage("org.osteon.auth..", "org.osteon.common.."))));
}
