package dev.mjbridge;

import dev.mjbridge.cli.ParseMessageCommand;
import dev.mjbridge.sandbox.SandboxMain;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

import java.util.Arrays;

/**
 * Entry point of the jar. {@code sandbox ...} runs only the simulated Discord,
 * {@code parse-message FILE} shows what the parser makes of a Discord message; with no
 * sub-command it is the proxy. The sandbox runs in a Spring context of its own, so it
 * is kept out of the proxy's component scan. Declaring the scan here replaces the one
 * {@code @SpringBootApplication} brings, so its two filters are repeated: without
 * {@link TypeExcludeFilter} every test class's nested configuration would be scanned
 * into every application context of the test run.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.mjbridge\\.sandbox\\..*")})
public class MjBridgeApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "sandbox".equals(args[0])) {
            SandboxMain.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && "parse-message".equals(args[0])) {
            System.exit(ParseMessageCommand.run(args, System.out, System.err));
            return;
        }
        SpringApplication.run(MjBridgeApplication.class, args);
    }
}
