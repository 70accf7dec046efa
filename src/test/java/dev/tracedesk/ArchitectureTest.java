package dev.tracedesk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The direction rules of STYLE.md: View → ViewModel → queries → store, a thin core, no cycles. */
@AnalyzeClasses(packages = "dev.tracedesk",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.WithoutGeneratedJooq.class})
class ArchitectureTest {

    /** jOOQ's generated classes are the store's private detail, not part of the design. */
    static final class WithoutGeneratedJooq implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/dev/tracedesk/store/generated/");
        }
    }

    @ArchTest
    static final ArchRule viewsNeverTouchJooq = noClasses()
            .that().haveSimpleNameEndingWith("View")
            .should().dependOnClassesThat().resideInAPackage("org.jooq..")
            .because("views reach the database only through their view models and the task runner");

    @ArchTest
    static final ArchRule viewModelsNeverTouchTheSceneGraph = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("view models are tested without a toolkit");

    @ArchTest
    static final ArchRule coreDependsOnNoOtherTracedeskPackage = noClasses()
            .that().resideInAPackage("dev.tracedesk.core..")
            .should().dependOnClassesThat(resideInAPackage("dev.tracedesk..")
                    .and(not(resideInAPackage("dev.tracedesk.core.."))))
            .because("the core is what features stand on, never the other way round");

    @ArchTest
    static final ArchRule coreHasNoSceneGraph = noClasses()
            .that().resideInAPackage("dev.tracedesk.core..")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..");

    @ArchTest
    static final ArchRule topLevelPackagesFormNoCycles = slices()
            .matching("dev.tracedesk.(*)..")
            .should().beFreeOfCycles();
}
