package dev.mjbridge.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.base.DescribedPredicate;

import dev.mjbridge.discord.SimulatedDiscordProvider;

/**
 * The package layering of docs/architecture.md, checked on the compiled production classes.
 * Dependencies point down: api, then task (with notify beside it), then account and images (the
 * stored pictures: plain storage, splitting and downloading, knowing nothing of tasks), then
 * midjourney and discord, with config under all of them. The sandbox is a separate program that the
 * application's entry point can launch, and that the proxy reaches only through the
 * {@link SimulatedDiscordProvider} service it implements.
 */
@AnalyzeClasses(packages = "dev.mjbridge", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String ROOT = "dev.mjbridge";

    /** The entry point: it chooses between the proxy, the standalone sandbox and the CLI. */
    private static final DescribedPredicate<JavaClass> WIRING =
            DescribedPredicate.describe("the application's entry point", c -> c.getPackageName().equals(ROOT));

    @ArchTest
    static final ArchRule layersPointDown = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage(ROOT + "..")
            .layer("Wiring").definedBy(WIRING)
            .layer("Cli").definedBy(ROOT + ".cli..")
            .layer("Api").definedBy(ROOT + ".api..")
            .layer("Notify").definedBy(ROOT + ".notify..")
            .layer("Cluster").definedBy(ROOT + ".cluster..")
            .layer("Task").definedBy(ROOT + ".task..")
            .layer("Account").definedBy(ROOT + ".account..")
            .layer("Images").definedBy(ROOT + ".images..")
            .layer("Midjourney").definedBy(ROOT + ".midjourney..")
            .layer("Discord").definedBy(ROOT + ".discord..")
            .layer("Config").definedBy(ROOT + ".config..")
            .layer("Sandbox").definedBy(ROOT + ".sandbox..")
            .whereLayer("Api").mayNotBeAccessedByAnyLayer()
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("Wiring")
            .whereLayer("Notify").mayOnlyBeAccessedByLayers("Api", "Task")
            .whereLayer("Cluster").mayOnlyBeAccessedByLayers("Api")
            .whereLayer("Task").mayOnlyBeAccessedByLayers("Api", "Notify", "Cluster")
            .whereLayer("Account").mayOnlyBeAccessedByLayers("Api", "Notify", "Task", "Cluster")
            .whereLayer("Images").mayOnlyBeAccessedByLayers("Api", "Task")
            .whereLayer("Midjourney").mayOnlyBeAccessedByLayers("Api", "Notify", "Task", "Account", "Cli")
            .whereLayer("Discord").mayOnlyBeAccessedByLayers("Api", "Notify", "Task", "Account", "Images", "Sandbox")
            .whereLayer("Config").mayOnlyBeAccessedByLayers("Api", "Notify", "Cluster", "Task", "Account", "Images",
                    "Midjourney",
                    "Discord")
            .whereLayer("Sandbox").mayOnlyBeAccessedByLayers("Wiring");

    /** No two packages depend on each other, however indirectly (so notify observes task, never the reverse). */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    /** Settings sit below every package that reads them, so they import none of the application's types. */
    @ArchTest
    static final ArchRule configImportsNothingAboveIt = noClasses().that().resideInAPackage(ROOT + ".config..")
            .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                    .and(resideOutsideOfPackage(ROOT + ".config..")));

    /**
     * JDA (the bot listener) is Discord transport: only {@code discord} uses it, so the account and
     * task layers and what the proxy knows of Midjourney stay free of it.
     */
    @ArchTest
    static final ArchRule onlyDiscordUsesJda = noClasses().that().resideInAPackage(ROOT + "..")
            .and().resideOutsideOfPackage(ROOT + ".discord..")
            .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..", "com.neovisionaries..", "okhttp3..");

    /** What the proxy knows of Midjourney is plain Java, testable without a server or a network. */
    @ArchTest
    static final ArchRule midjourneyIsPlainJava = noClasses().that().resideInAPackage(ROOT + ".midjourney..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.net.http..");

    /**
     * The proxy never names the sandbox: it finds it through {@link SimulatedDiscordProvider}'s
     * ServiceLoader, so a build without the sandbox still runs against Discord.
     */
    @ArchTest
    static final ArchRule onlyTheEntryPointNamesTheSandbox = noClasses()
            .that(not(WIRING)).and().resideOutsideOfPackage(ROOT + ".sandbox..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".sandbox..");

    /**
     * The sandbox speaks Discord's wire protocol on its own; of the proxy it uses only the service
     * interface it implements, so it cannot drift into agreeing with the proxy's own parsing.
     */
    @ArchTest
    static final ArchRule theSandboxUsesOnlyTheProviderInterface = classes()
            .that().resideInAPackage(ROOT + ".sandbox..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..")
                    .or(resideInAPackage(ROOT + ".sandbox.."))
                    .or(DescribedPredicate.describe("SimulatedDiscordProvider and its nested types",
                            c -> c.isEquivalentTo(SimulatedDiscordProvider.class)
                                    || c.getEnclosingClass().map(e -> e.isEquivalentTo(SimulatedDiscordProvider.class))
                                    .orElse(false))));
}
