package dev.mjbridge.task;

import dev.mjbridge.midjourney.JobKind;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writing tasks as the API answers them, with the JsonMapper Spring Boot configures for the app
 * (the one its HTTP message converter uses): one finished task (a fetch), one running task, and
 * the 100 finished tasks of a list-by-condition. Today every fetch pays this.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TaskJsonBenchmark {

    private AnnotationConfigApplicationContext spring;
    private JsonMapper mapper;
    private Task finished;
    private Task running;
    private List<Task> hundredFinished;

    @Setup(Level.Trial)
    public void setUp() {
        spring = new AnnotationConfigApplicationContext(JacksonAutoConfiguration.class);
        mapper = spring.getBean(JsonMapper.class);
        finished = TaskJsonTest.finishedTask();
        running = Task.create("1732800000000124", JobKind.IMAGINE, 1732800000000L)
                .withPrompt("cat --ar 3:2", "cat --ar 3:2")
                .withDescription("/imagine cat --ar 3:2")
                .withStatus(TaskStatus.IN_PROGRESS)
                .withStartTime(1732800000400L)
                .withProgress("46%")
                .withImageUrl("https://cdn.example/grid_0.webp")
                .withProperties(TaskProperties.EMPTY.withNonce("1300000000000000004")
                        .withDiscordInstanceId("main").withProgressMessageId("1300000000000000005"));
        hundredFinished = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundredFinished.add(finished);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        spring.close();
    }

    @Benchmark
    public byte[] finishedTask() {
        return mapper.writeValueAsBytes(finished);
    }

    @Benchmark
    public byte[] runningTask() {
        return mapper.writeValueAsBytes(running);
    }

    @Benchmark
    public byte[] listOfHundredFinished() {
        return mapper.writeValueAsBytes(hundredFinished);
    }
}
