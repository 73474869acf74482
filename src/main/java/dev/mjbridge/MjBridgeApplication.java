package dev.mjbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The proxy application. The sandbox lives in the same jar but runs in a Spring
 * context of its own, so it is kept out of this component scan.
 */
@SpringBootApplication
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.mjbridge\\.sandbox\\..*"))
public class MjBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(MjBridgeApplication.class, args);
    }
}
