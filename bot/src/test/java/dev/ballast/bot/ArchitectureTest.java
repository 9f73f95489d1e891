package dev.ballast.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of docs/architecture (DESIGN.md), held by the build rather than by review. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ballast");
    }

    private static final String[] EXCHANGE_HTTP_JSON_YAML = {
        "org.knowm..", "okhttp3..", "okio..", "com.fasterxml..", "org.yaml..", "io.github.resilience4j..",
        "java.net..", "java.net.http..", "com.github.benmanes.caffeine..", "info.picocli..", "picocli..",
        "io.micrometer..", "ch.qos.logback.."
    };

    @Test
    void coreShouldImportNoExchangeHttpJsonOrYamlTypes() {
        check(noClasses().that().resideInAPackage("dev.ballast.core..")
                .should().dependOnClassesThat().resideInAnyPackage(EXCHANGE_HTTP_JSON_YAML));
    }

    @Test
    void strategiesShouldImportNoExchangeHttpJsonOrYamlTypes() {
        check(noClasses().that().resideInAPackage("dev.ballast.strategies..")
                .should().dependOnClassesThat().resideInAnyPackage(EXCHANGE_HTTP_JSON_YAML));
    }

    @Test
    void strategiesShouldNeverReachConnectorsOrTheBot() {
        check(noClasses().that().resideInAPackage("dev.ballast.strategies..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ballast.connectors..", "dev.ballast.bot.."));
    }

    @Test
    void coreShouldDependOnNoOtherModule() {
        check(noClasses().that().resideInAPackage("dev.ballast.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.ballast.strategies..", "dev.ballast.connectors..", "dev.ballast.bot.."));
    }

    @Test
    void connectorsShouldNotReachStrategiesOrTheBot() {
        check(noClasses().that().resideInAPackage("dev.ballast.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ballast.strategies..", "dev.ballast.bot.."));
    }

    @Test
    void coreAndStrategiesShouldNeverReadTheWallClock() {
        check(noClasses().that().resideInAnyPackage("dev.ballast.core..", "dev.ballast.strategies..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(Thread.class, "sleep", long.class));
    }

    @Test
    void strategiesShouldStartNoThreads() {
        check(noClasses().that().resideInAPackage("dev.ballast.strategies..")
                .should().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().resideInAPackage("java.util.concurrent.."));
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
