package dev.mjbridge.task;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The package's storage components wire up in Spring with nothing but a DataSource. */
class TaskBeansTest {

    @Test
    void componentsAreCreatedWithTheirDefaultConstructors() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:task-beans");
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(javax.sql.DataSource.class, () -> dataSource);
            // The storage components only; the engine configuration also needs the account pool.
            context.register(JdbcTaskStore.class, TaskIds.class, TaskTransitions.class, InFlightIndex.class);
            context.refresh();

            assertThat(context.getBean(TaskStore.class)).isInstanceOf(JdbcTaskStore.class);
            assertThat(context.getBean(TaskIds.class).next()).hasSize(16);
            assertThat(context.getBean(TaskTransitions.class)).isNotNull();
            assertThat(context.getBean(InFlightIndex.class).size()).isZero();
        }
    }
}
